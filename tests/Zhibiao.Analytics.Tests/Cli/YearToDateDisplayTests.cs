using System.Globalization;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>
/// The year-to-date display: <c>analytics chart</c> and <c>analytics report</c> draw the year-to-date chart of an
/// annual target of a monthly flow (from a dataset of 1–N月累计 totals), judged as <c>track --as-of</c> judges it.
/// </summary>
public sealed class YearToDateDisplayTests : IDisposable
{
    private static readonly int[] Pattern = [100, 90, 110, 120, 130, 140, 150, 160, 130, 120, 110, 140];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ytd-display-" + Guid.NewGuid().ToString("N"));

    public YearToDateDisplayTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "indicators.csv"), "id,name_zh,name_en,unit,frequency,direction,kind\narrivals,接待游客,tourist arrivals,人次,monthly,higher,flow\n");
        var rows = new List<string> { "indicator,period,measure,value,unit,qualifier,source,address,note,basis" };
        int sum = 0;
        for (Period p = Period.OfMonth(2022, 1); p <= Period.OfMonth(2025, 12); p += 1)
        {
            int j = p.SubPeriod;
            if (j == 1) sum = 0;
            sum += Pattern[j - 1] + ((j % 2 == 1 ? 2 : -2) * (p.Year - 2022));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"arrivals,{p},level,{sum},万人次,exact,test,,1—{j}月累计,year_to_date"));
        }

        File.WriteAllLines(Path.Combine(_dir, "observations.csv"), rows);
        File.WriteAllText(Path.Combine(_dir, "targets.csv"), "indicator,period,value,unit,kind,direction,source\narrivals,2025,1500,万人次,level,at_least,test\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_library_judges_one_indicator_as_the_whole_review_does()
    {
        Dataset data = Dataset.Load(_dir);
        Period june = Period.OfMonth(2025, 6);
        YearToDateAssessment one = DatasetReview.YearToDateOf(data, "arrivals", june)!;
        YearToDateAssessment all = Assert.Single(DatasetReview.Of(data, june).YearToDate);
        Assert.Equal((6, 690e4), (one.PeriodsPublished, one.PublishedTotal));
        Assert.Equal(all.ProbabilityMet, one.ProbabilityMet);
        Assert.Equal(all.RequiredGrowth, one.RequiredGrowth);
        // An indicator without an annual target of a flow has none, and its chart is the fan chart.
        Assert.Null(DatasetReview.YearToDateOf(Dataset.Load(RepositoryPaths.XinjiangDataset), "tourist_arrivals"));
    }

    [Fact]
    public void The_chart_of_a_monthly_flow_with_an_annual_target_is_the_year_to_date_chart_and_of_a_yearly_series_the_fan_chart()
    {
        Dataset monthly = Dataset.Load(_dir);
        Period june = Period.OfMonth(2025, 6);
        Chart ytd = Chart.Of(monthly, "arrivals", june, width: 640, height: 400);
        Assert.Equal(YearToDateChart.Create(DatasetReview.YearToDateOf(monthly, "arrivals", june)!, 640, 400).ToPng(), ytd.ToPng());
        Assert.StartsWith("接待游客 (arrivals) 2025 year to date: 6 of 12 months published to 2025-06", ytd.Description, StringComparison.Ordinal);

        // Xinjiang's arrivals are yearly: the fan chart of the figures published by the cut, with the first target.
        Dataset yearly = Dataset.Load(RepositoryPaths.XinjiangDataset);
        Period cut = Period.OfYear(2020);
        var options = new AssessmentOptions { Paths = 200 };
        Chart fan = Chart.Of(yearly, "tourist_arrivals", cut, options, 640, 400);
        Assert.Equal(FanChart.Create(yearly.AsOf(cut), "tourist_arrivals", new FanChartOptions { Width = 640, Height = 400, Assessment = options }).ToPng(), fan.ToPng());
        Assert.StartsWith("接待游客 (tourist_arrivals): history 2010–2020", fan.Description, StringComparison.Ordinal);
        Assert.Contains("≥3.2亿人次 by 2025", fan.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_command_draws_the_year_to_date_chart_as_of_a_month()
    {
        string svg = Path.Combine(_dir, "arrivals.svg");
        var (exit, output, err) = CliRunner.Run("chart", "arrivals", _dir, "--as-of", "2025-06", "--output", svg);
        Assert.Equal("", err);
        Assert.Equal(0, exit);
        Assert.Contains("2025 year to date: 6 of 12 months published to 2025-06, total 690万人次", output, StringComparison.Ordinal);
        string[] labels = Zhibiao.Analytics.Tests.Charts.ChartTestData.Labels(File.ReadAllText(svg));
        Assert.Contains("2024 year to date", labels);
        Assert.Contains("2025 published (6 of 12)", labels);
        Assert.Contains(labels, l => l.StartsWith("required path (", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_shows_the_year_to_date_table_and_chart_and_reads_no_later_figure()
    {
        string page = HtmlReport.Build(Dataset.Load(_dir), "ytd", new ReportOptions { AsOf = Period.OfMonth(2025, 9) });
        Assert.Contains("annual targets from year-to-date data", page, StringComparison.Ordinal);
        Assert.Contains("9 of 12, to 2025-09", page, StringComparison.Ordinal);
        Assert.Contains("2025 year to date: 9 of 12 months published to 2025-09, total 1136万人次", page, StringComparison.Ordinal);
        Assert.Contains("2025-09 year-to-date level", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-10", page, StringComparison.Ordinal);
    }
}
