namespace Zhibiao.Analytics.Fuzz;

/// <summary>Finds the repository: ZHIBIAO_ROOT, else the first parent of the working directory with datasets/xinjiang.</summary>
internal static class Repository
{
    public static string Root()
    {
        if (Environment.GetEnvironmentVariable("ZHIBIAO_ROOT") is { Length: > 0 } root) return root;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "datasets", "xinjiang"))) return dir.FullName;
        }

        throw new InvalidOperationException("repository not found: set ZHIBIAO_ROOT");
    }
}
