using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rectification.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Problems_UnitId_State",
                table: "Problems");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_UnitId_State_ReminderDue_ReopenCount",
                table: "Problems",
                columns: new[] { "UnitId", "State", "ReminderDue", "ReopenCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Problems_UnitId_State_ReminderDue_ReopenCount",
                table: "Problems");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_UnitId_State",
                table: "Problems",
                columns: new[] { "UnitId", "State" });
        }
    }
}
