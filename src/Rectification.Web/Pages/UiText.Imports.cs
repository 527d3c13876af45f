namespace Rectification.Web.Pages;

public static partial class UiText
{
    /// <summary>The words of the Excel import pages (导入).</summary>
    private static Dictionary<string, (string ZhCn, string En)> ImportWords() => new()
    {
        ["imp-title-problems"] = ("从Excel导入问题清单", "Import problems from Excel"),
        ["imp-title-ledger-lines"] = ("从Excel导入整改台账", "Import ledger lines from Excel"),
        ["imp-title-units"] = ("从Excel导入单位", "Import units from Excel"),
        ["imp-title-users"] = ("从Excel导入用户", "Import users from Excel"),
        ["imp-template-file-problems"] = ("问题清单模板", "problems-template"),
        ["imp-template-file-ledger-lines"] = ("整改台账模板", "ledger-lines-template"),
        ["imp-template-file-units"] = ("单位导入模板", "units-template"),
        ["imp-template-file-users"] = ("用户导入模板", "users-template"),
        ["imp-errors-file"] = ("导入错误说明", "import-errors"),
        ["imp-into"] = ("导入到：{0}", "Into: {0}"),
        ["imp-step-template"] = ("1. 下载模板，按表头填写（可用中文或英文表头，第一行也可以是标题）。", "1. Download the template and fill it in under its headers (Chinese or English headers; a title row above them is fine)."),
        ["imp-template"] = ("下载模板", "Download the template"),
        ["imp-step-upload"] = ("2. 上传填好的文件（.xlsx），系统逐行检查，全部无误后才能导入。", "2. Upload the filled-in file (.xlsx). Every row is checked; nothing is imported unless all rows are valid."),
        ["imp-file"] = ("Excel文件", "Excel file"),
        ["imp-upload"] = ("上传并检查", "Upload and check"),
        ["imp-choose-file"] = ("请选择要上传的Excel文件。", "Choose the Excel file to upload."),
        ["imp-too-large"] = ("文件过大（最大 20 MB）。", "The file is too large (20 MB at most)."),
        ["imp-columns"] = ("列：{0}（带*的必填）", "Columns: {0} (* required)"),
        ["imp-file-errors"] = ("文件不能导入：", "The file cannot be imported:"),
        ["imp-row-errors"] = ("共 {0} 行，其中 {1} 行有错误，未导入任何数据。请修改后重新上传。", "{0} rows, {1} of them with errors; nothing was imported. Correct them and upload again."),
        ["imp-row"] = ("行号", "Row"),
        ["imp-errors"] = ("错误说明", "Errors"),
        ["imp-more-rows"] = ("仅列出前 {0} 行，全部错误见下载的文件。", "Only the first {0} rows are listed; the downloaded file has them all."),
        ["imp-error-sheet"] = ("下载带错误说明的文件", "Download the sheet with the errors"),
        ["imp-valid"] = ("共 {0} 行，全部无误。", "{0} rows, all valid."),
        ["imp-run"] = ("导入 {0} 行", "Import {0} rows"),
        ["imp-running"] = ("正在导入：已完成 {0} / {1} 行", "Importing: {0} of {1} rows done"),
        ["imp-done"] = ("已导入 {0} 行。", "{0} rows imported."),
        ["imp-failed"] = ("第 {0} 行未能导入：{1}", "Row {0} was not imported: {1}"),
        ["imp-failed-count"] = ("此前已导入 {0} 行。", "{0} rows were imported before it."),
        ["imp-back"] = ("返回", "Back"),
        ["imp-link-problems"] = ("从Excel导入问题", "Import problems from Excel"),
        ["imp-link-ledger-lines"] = ("从Excel导入台账", "Import ledger lines from Excel"),
        ["imp-link-units"] = ("从Excel导入单位", "Import units from Excel"),
        ["imp-link-users"] = ("从Excel导入用户", "Import users from Excel"),
    };
}
