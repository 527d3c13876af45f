namespace Rectification.Integration.Tests.Support;

/// <summary>The repository the tests run from, for the suites that read its files (pages, deployment files).</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rectification.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Rectification.sln is not above the test directory.");
    }
}
