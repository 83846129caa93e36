using System.Text.RegularExpressions;
using Zhibiao.Analytics.Cli.Commands;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>What the commands say in words: counts in the singular for one, no internal names, and the command
/// reference (docs/commands.md) naming every column <c>track --format csv</c> writes.</summary>
public class CommandWordingTests
{
    private const string Indicators =
        "id,name_zh,name_en,unit,frequency,direction,kind\n" +
        "a,甲,a,吨,yearly,higher,flow\n" +
        "b,乙,b,吨,yearly,higher,flow\n";

    [Fact]
    public void One_hidden_indicator_is_one_indicator_in_the_singular()
    {
        using var dir = new TempDirectory();
        dir.File("indicators.csv", Indicators);
        dir.File("observations.csv", "indicator,period,measure,value,unit,qualifier,source\na,2023,level,1,万吨,exact,s\na,2024,level,2,万吨,exact,s\nb,2024,level,3,万吨,exact,s\n");
        var (exit, output, err) = CliRunner.Run("track", dir.Path);
        Assert.True(exit == 0, err);
        Assert.Contains("1 indicator with a single value and no target is not shown (--all shows them).", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 indicators", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hidden_indicators_are_in_the_plural()
    {
        using var dir = new TempDirectory();
        dir.File("indicators.csv", Indicators + "c,丙,c,吨,yearly,higher,flow\n");
        dir.File("observations.csv", "indicator,period,measure,value,unit,qualifier,source\na,2023,level,1,万吨,exact,s\na,2024,level,2,万吨,exact,s\nb,2024,level,3,万吨,exact,s\nc,2024,level,4,万吨,exact,s\n");
        var (exit, output, err) = CliRunner.Run("track", dir.Path);
        Assert.True(exit == 0, err);
        Assert.Contains("2 indicators with a single value and no target are not shown (--all shows them).", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_counts_one_fact_in_the_singular()
    {
        using var dir = new TempDirectory();
        string report = dir.File("report.txt", "2024年工作回顾\n粮食产量达到466亿斤。\n");
        var (exit, output, err) = CliRunner.Run("extract", report);
        Assert.True(exit == 0, err);
        Assert.Contains("1 fact; spans are character offsets", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_growth_chart_states_the_required_growth_as_the_table_does_not_by_an_internal_name()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "growth.svg");
        var (exit, output, err) = CliRunner.Run("chart", "tourist_arrivals", RepositoryPaths.XinjiangDataset, "--kind", "growth", "--output", path);
        Assert.True(exit == 0, err);
        Assert.Contains("; required ≤6.7%/yr for ≥3.2亿人次 by 2025", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\((Cagr|PointsPerYear|YearOnYear)\)", output);
    }

    [Fact]
    public void The_command_reference_names_every_track_csv_column_in_order()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "commands.md"));
        int start = page.IndexOf("## `track --format csv`", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/commands.md has no section ## `track --format csv`");
        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = page[start..(end < 0 ? page.Length : end)];
        // the first cell of each table row names one or more columns: | `a`, `b` | meaning |
        string[] documented = section.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => Regex.Matches(l.Split('|')[1], "`([a-z0-9_]+)`").Select(m => m.Groups[1].Value))
            .ToArray();
        Assert.Equal(TrackCommand.Columns, documented);
        Assert.Contains($"these {TrackCommand.Columns.Length} columns", section, StringComparison.Ordinal);
    }
}
