namespace Planner.Testing;

/// <summary>
/// Files of the repository the tests read (examples, vendored test data, docs): found by walking up from
/// the test's output folder to the clone's root, the folder holding <c>Planner.sln</c>. Nothing outside
/// the clone is read.
/// </summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The clone's root folder.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path inside the clone, from its root: <c>Path("docs", "examples")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Planner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Planner.sln in {AppContext.BaseDirectory} or any folder above it: the tests run from a build inside the repository.");
    }
}
