using System.Globalization;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>
/// <c>analytics track DIR --as-of</c> with an annual target of a monthly flow: judged from the months published by
/// then, and never from a later figure.
/// </summary>
public sealed class TrackAsOfTests : IDisposable
{
    private static readonly double[] Pattern = [100, 90, 110, 120, 130, 140, 150, 160, 130, 120, 110, 140];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ytd-track-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A dataset of monthly arrivals 2022-01 to <paramref name="last"/> (odd months +2 a year, even −2) with a wild October 2025, and the 2025 target ≥ 1500.</summary>
    private string Write(string name, Period last)
    {
        string dir = Path.Combine(_dir, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "indicators.csv"), "id,name_zh,name_en,unit,frequency,direction,kind\narrivals,接待游客,tourist arrivals,人次,monthly,higher,flow\n");
        var rows = new List<string> { "indicator,period,measure,value,unit,qualifier,source" };
        for (Period p = Period.OfMonth(2022, 1); p <= last; p += 1)
        {
            int j = p.SubPeriod;
            double v = p == Period.OfMonth(2025, 10) ? 1e9 : Pattern[j - 1] + ((j % 2 == 1 ? 2 : -2) * (p.Year - 2022));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"arrivals,{p},level,{v},人次,exact,test"));
        }

        File.WriteAllLines(Path.Combine(dir, "observations.csv"), rows);
        File.WriteAllText(Path.Combine(dir, "targets.csv"), "indicator,period,value,unit,kind,direction,source\narrivals,2025,1500,人次,level,at_least,test\n");
        return dir;
    }

    [Fact]
    public void As_of_september_judges_the_year_from_nine_months_and_reads_no_later_figure()
    {
        var (exit, full, err) = CliRunner.Run("track", Write("full", Period.OfMonth(2025, 12)), "--as-of", "2025-09", "--format", "csv");
        Assert.Equal("", err);
        Assert.Equal(0, exit);
        var (_, cut, _) = CliRunner.Run("track", Write("cut", Period.OfMonth(2025, 9)), "--as-of", "2025-09", "--format", "csv");
        Assert.Equal(cut, full);

        string[] lines = full.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        string[] row = lines[1].Split(',');
        string[] header = lines[0].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(("arrivals", "2025-09", "1136", "year_to_date"), (Cell("indicator"), Cell("latest_period"), Cell("latest_value"), Cell("basis")));
        Assert.Equal((364.0 / 366) - 1, double.Parse(Cell("required_growth"), CultureInfo.InvariantCulture), 12);
        Assert.Equal((1136.0 / 1134) - 1, double.Parse(Cell("observed_growth"), CultureInfo.InvariantCulture), 12);
        Assert.StartsWith("9 of 12 periods of 2025 published by 2025-09", Cell("notes"), StringComparison.Ordinal);
        Assert.InRange(double.Parse(Cell("p_met"), CultureInfo.InvariantCulture), 0, 1);
    }

    [Fact]
    public void The_library_judges_the_year_as_the_command_does()
    {
        string dir = Write("full", Period.OfMonth(2025, 12));
        var (_, csv, _) = CliRunner.Run("track", dir, "--as-of", "2025-09", "--format", "csv");
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        double command = double.Parse(lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), "p_met")], CultureInfo.InvariantCulture);

        DatasetReview review = DatasetReview.Of(Zhibiao.Analytics.Data.Dataset.Load(dir), Period.OfMonth(2025, 9));
        Assert.Empty(review.Judgements);
        YearToDateAssessment a = Assert.Single(review.YearToDate);
        Assert.Equal(Period.OfMonth(2025, 9), a.AsOf);
        Assert.Equal(command, a.ProbabilityMet, 12);
    }

    [Fact]
    public void As_of_a_quarter_or_a_year_cuts_at_its_last_month()
    {
        string dir = Write("full", Period.OfMonth(2025, 12));
        var (_, quarter, _) = CliRunner.Run("track", dir, "--as-of", "2025-Q3", "--format", "csv");
        var (_, month, _) = CliRunner.Run("track", dir, "--as-of", "2025-09", "--format", "csv");
        Assert.Equal(month, quarter);
        var (_, year, _) = CliRunner.Run("track", dir, "--as-of", "2025", "--format", "csv");
        Assert.Contains(",2025-12,", year, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_as_of_is_refused_in_one_line() =>
        CliRunner.Refused("--as-of '2025-13' is not a period", "track", Write("full", Period.OfMonth(2025, 9)), "--as-of", "2025-13");
}
