using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Benchmarks.Forecasting;

/// <summary>
/// The M3 data the benchmarks run on. They are not part of the repository: the directory is taken from the
/// ANALYTICS_M3 environment variable, else found as shared/datasets/m3 beside an ancestor of the working or the
/// benchmark directory (the layout of this project's machines, ../shared next to the repository).
/// </summary>
internal static class M3Data
{
    private static readonly Lazy<string> Directory = new(Find);

    /// <summary>The training series of one M3 set (yearly, quarterly, monthly, other).</summary>
    public static IReadOnlyList<LongSeries> Train(string set) => LongFormat.Read(Path.Combine(Directory.Value, $"m3-{set}-train.csv"));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("ANALYTICS_M3") is { Length: > 0 } dir) return dir;
        foreach (string start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "datasets", "m3");
                if (System.IO.Directory.Exists(candidate)) return candidate;
            }
        }

        throw new DirectoryNotFoundException("M3 data not found: set ANALYTICS_M3 to the directory holding m3-yearly-train.csv");
    }
}
