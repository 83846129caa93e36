using Zhibiao.Analytics.Cli.Commands;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Tests.Cli;

public class ProbabilityCommandTests
{
    private const string Train = "unique_id,ds,y\na,2015,100\na,2016,104\na,2017,109\na,2018,112\na,2019,118\nb,2015,50\nb,2016,49\nb,2017,51\nb,2018,50\nb,2019,52\n";
    private const string Test = "unique_id,ds,y\na,2020,121\na,2021,127\nb,2020,51\nb,2021,49\n";

    [Fact]
    public void A_growth_list_starting_with_a_minus_parses_and_rows_are_complete()
    {
        using var dir = new TempDirectory();
        string train = dir.File("train.csv", Train);
        var (exit, output, err) = CliRunner.Run("probability", "--input", train, "--horizon", "2", "--growth=-0.05,0,0.1", "--model", "drift", "--threads", "1");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        Assert.StartsWith(string.Join(",", ProbabilityCommand.Columns), output, StringComparison.Ordinal);
        using var reader = Sep.Reader().FromText(output);
        var rows = reader.Enumerate(r => (Id: r["unique_id"].ToString(), H: r["h"].Parse<int>(), G: r["growth"].Parse<double>(), T: r["target"].Parse<double>(), P: r["p_met"].Parse<double>())).ToArray();
        Assert.Equal(2 * 2 * 3, rows.Length);
        var a2 = rows.Single(r => r.Id == "a" && r.H == 2 && r.G == 0.1);
        Assert.Equal(118 * 1.1 * 1.1, a2.T, 9);
        Assert.All(rows, r => Assert.InRange(r.P, 0, 1));
        // Higher growth targets are never more likely.
        foreach (var g in rows.GroupBy(r => (r.Id, r.H)))
            Assert.True(g.OrderBy(r => r.G).Select(r => r.P).Zip(g.OrderBy(r => r.G).Select(r => r.P).Skip(1)).All(p => p.First >= p.Second));
    }

    [Fact]
    public void Backtest_prints_brier_and_calibration_for_model_rule_and_base_rate()
    {
        using var dir = new TempDirectory();
        string train = dir.File("train.csv", Train), test = dir.File("test.csv", Test);
        var (exit, output, _) = CliRunner.Run("backtest-targets", "--train", train, "--test", test, "--horizon", "2", "--growth=0,0.05", "--model", "drift", "--format", "csv");
        Assert.Equal(0, exit);
        using var reader = Sep.Reader().FromText(output);
        var rows = reader.Enumerate(r => (Method: r["method"].ToString(), Cases: r["cases"].Parse<int>(), Brier: r["brier"].Parse<double>())).ToArray();
        Assert.Equal(["drift", "deterministic_rule", "base_rate"], rows.Select(r => r.Method));
        Assert.All(rows, r => Assert.Equal(8, r.Cases));
        // Outcomes: a (last 118) reaches 0% (121, 127) but not 5% (123.9, 130.1); b (last 52) reaches neither (51, 49).
        // Base rate 2/8 = 0.25, whose Brier score is 0.25 × 0.75.
        Assert.Equal(0.1875, rows[2].Brier, 12);
    }

    [Theory]
    [InlineData("--growth=abc", "--growth: 'abc' is not a growth rate")]
    [InlineData("--growth=-1.5", "--growth: '-1.5' is not a growth rate")]
    public void Bad_growth_lists_are_one_line_errors(string growth, string expected)
    {
        using var dir = new TempDirectory();
        string train = dir.File("train.csv", Train);
        var (exit, _, err) = CliRunner.Run("probability", "--input", train, "--horizon", "2", growth);
        Assert.Equal(2, exit);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_test_values_are_named()
    {
        using var dir = new TempDirectory();
        string train = dir.File("train.csv", Train), test = dir.File("test.csv", "unique_id,ds,y\na,2020,121\n");
        var (exit, _, err) = CliRunner.Run("backtest-targets", "--train", train, "--test", test, "--horizon", "2", "--growth=0");
        Assert.Equal(2, exit);
        Assert.Contains("series a: the test data hold 1 values, the horizon is 2", err, StringComparison.Ordinal);
    }
}

public class ForecastQuantilesTests
{
    [Fact]
    public void Quantile_columns_match_the_interval_bounds_and_the_median()
    {
        using var dir = new TempDirectory();
        string train = dir.File("train.csv", "unique_id,ds,y\na,2015,100\na,2016,104\na,2017,109\na,2018,112\na,2019,118\n");
        var (exit, output, _) = CliRunner.Run("forecast", "--input", train, "--horizon", "2", "--model", "drift", "--level", "90", "--quantiles", "0.05,0.5,0.95");
        Assert.Equal(0, exit);
        using var reader = Sep.Reader().FromText(output);
        Assert.Equal(["unique_id", "ds", "h", "model", "mean", "lo-90", "hi-90", "q-0.05", "q-0.5", "q-0.95"], reader.Header.ColNames);
        foreach (var r in reader.Enumerate(r => (Lo: r["lo-90"].Parse<double>(), Hi: r["hi-90"].Parse<double>(), Mean: r["mean"].Parse<double>(), Q05: r["q-0.05"].Parse<double>(), Q50: r["q-0.5"].Parse<double>(), Q95: r["q-0.95"].Parse<double>())))
        {
            Assert.Equal(r.Lo, r.Q05, 9);
            Assert.Equal(r.Hi, r.Q95, 9);
            Assert.Equal(r.Mean, r.Q50, 6); // Gaussian: the median is the mean
        }
    }

    [Fact]
    public void A_bad_quantile_is_a_one_line_error()
    {
        using var dir = new TempDirectory();
        string train = dir.File("train.csv", "unique_id,ds,y\na,2015,100\na,2016,104\na,2017,109\n");
        var (exit, _, err) = CliRunner.Run("forecast", "--input", train, "--horizon", "2", "--quantiles", "0.5,1");
        Assert.Equal(2, exit);
        Assert.Contains("--quantiles: '1' is not a probability", err, StringComparison.Ordinal);
    }
}
