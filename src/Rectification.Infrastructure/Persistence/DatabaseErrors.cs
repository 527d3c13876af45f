using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rectification.Application.Abstractions;

namespace Rectification.Infrastructure.Persistence;

public sealed class DatabaseErrors : IDatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public bool IsUniqueViolation(Exception exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteConstraint && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException e => e.Number is 2601 or 2627,
        _ => false,
    };

    public bool IsDeadlock(Exception exception)
    {
        // Npgsql reports a deadlock as transient, so EF wraps it once more: look down the whole chain.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } or SqlException { Number: 1205 })
            {
                return true;
            }
        }

        return false;
    }
}
