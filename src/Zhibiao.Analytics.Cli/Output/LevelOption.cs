using System.CommandLine;
using System.Globalization;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>The repeatable --level option (percent; default 80 and 95).</summary>
internal static class LevelOption
{
    public static Option<double[]> Create() => new("--level")
    {
        Description = "Prediction interval level in percent; repeat for several (default 80 and 95).",
        DefaultValueFactory = _ => [80, 95],
    };

    public static IReadOnlyList<double> Values(double[]? levels)
    {
        double[] l = levels is { Length: > 0 } ? levels : [80, 95];
        foreach (double v in l)
            if (!(v > 0 && v < 100)) throw new CliUsageException($"--level must be between 0 and 100 (exclusive), not {Name(v)}");
        return l;
    }

    public static string Name(double level) => level.ToString("0.###", CultureInfo.InvariantCulture);
}
