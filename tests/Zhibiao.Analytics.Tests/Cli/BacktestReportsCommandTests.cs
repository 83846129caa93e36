using System.Globalization;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary><c>analytics backtest-reports DATASET</c>: a dataset's target history judged as <c>track</c> judges it.</summary>
public sealed class BacktestReportsCommandTests
{
    private static readonly string National = Path.Combine(RepositoryPaths.Root, "datasets", "china-national");

    [Fact]
    public void A_dataset_directory_is_judged_by_the_library_hindcast_with_the_same_probabilities()
    {
        var (exit, output, err) = CliRunner.Run("backtest-reports", National, "--from", "2010", "--to", "2015", "--model", "drift", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal("", err);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("year,indicator,subject,kind,direction,value,unit,p_met,p_forecast,p_record,weight,status,outcome,met", lines[0]);

        Hindcast h = Hindcast.Run(Dataset.Load(National), new AssessmentOptions { Forecaster = new DriftForecaster() });
        var expected = h.Rows.Where(r => r.Year is >= 2010 and <= 2015).ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        for (int i = 0; i < expected.Count; i++)
        {
            string[] f = lines[i + 1].Split(',');
            Assert.Equal(expected[i].Year.ToString(CultureInfo.InvariantCulture), f[0]);
            Assert.Equal(expected[i].Indicator.Id, f[1]);
            Assert.Equal(Math.Round(expected[i].Answer!.Probability, 4), double.Parse(f[7], CultureInfo.InvariantCulture));
        }

        // The scored rows carry their outcome: 2010's CPI ceiling of 3% was missed (3.3%).
        Assert.Contains(lines, l => l.StartsWith("2010,cpi,", StringComparison.Ordinal) && l.EndsWith(",3.3,0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_table_checks_the_datasets_own_verdicts_and_scores_the_baselines()
    {
        var (exit, output, _) = CliRunner.Run("backtest-reports", National, "--from", "2004", "--to", "2015", "--model", "drift");
        Assert.Equal(0, exit);
        // verdicts.csv states the 2006 energy-intensity target missed and the outcome figure agrees, among others.
        Assert.Matches(@"verdicts checked against the next report's own statement: [1-9]\d*, disagreeing: 0", output);
        foreach (string method in (string[])["p_met", "record", "forecast", "hit_rate", "constant_0.9", "constant_0.95", "deterministic"])
            Assert.Matches($@"(?m)^{method.Replace(".", @"\.", StringComparison.Ordinal)}\s+\d+\s+0\.\d{{3}}", output);
    }
}
