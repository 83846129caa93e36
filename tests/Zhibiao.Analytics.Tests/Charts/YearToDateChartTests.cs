using System.Xml.Linq;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Charts;

/// <summary><see cref="YearToDateChart"/>: the year-to-date path, last year's, the required path and the year-end fan.</summary>
public class YearToDateChartTests
{
    private static readonly Indicator Arrivals = new("arrivals", "接待游客", "tourist arrivals", Units.PersonTime, Frequency.Quarterly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static YearToDateAssessment Assessment()
    {
        // 2024 = 10, 20, 30, 40 (万人次); 2025 Q1 12, Q2 18; scripted Q3 + Q4 paths 75, 85, 80, 60; target ≥ 110.
        Observation[] obs = [.. new[] { 10.0, 20, 30, 40, 12, 18 }.Select((v, i) =>
            new Observation("arrivals", Period.OfQuarter(2024, 1) + i, Measure.Level, Quantity.Of(v * 1e4, Units.PersonTime), Qualifier.Exact, new Source("test")))];
        var target = new Target("arrivals", TargetKind.Level, Period.OfYear(2025), Quantity.Of(110e4, Units.PersonTime), TargetComparison.AtLeast, new Source("test"));
        var script = new ScriptedForecaster { Paths = [[35e4, 40e4], [40e4, 45e4], [38e4, 42e4], [30e4, 30e4]] };
        return YearToDateAssessor.Assess(IndicatorSeries.Create(Arrivals, obs), target, Period.OfQuarter(2025, 2), new AssessmentOptions { Forecaster = script, Paths = 4 });
    }

    [Fact]
    public void The_chart_shows_both_years_the_required_path_and_the_fan_to_the_target()
    {
        Chart chart = YearToDateChart.Create(Assessment());
        string svg = chart.ToSvg();
        XDocument.Parse(svg);
        string[] labels = ChartTestData.Labels(svg);
        Assert.Contains("2024 year to date", labels);
        Assert.Contains("2025 published (2 of 4)", labels);
        Assert.Contains("required path (14.3% on the same months of 2024)", labels);
        Assert.Contains("95% interval", labels);
        Assert.Contains("80% interval", labels);
        Assert.Contains("forecast median (scripted method)", labels);
        Assert.Contains(labels, l => l.StartsWith("target ≥", StringComparison.Ordinal) && l.EndsWith(": P(met) 0.50", StringComparison.Ordinal));
        Assert.Contains("接待游客 tourist arrivals 2025: year to date", labels);
        Assert.Contains($"fill=\"{ChartStyle.Target}\"", svg, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("接待游客 (arrivals) 2025 year to date: 2 of 4 quarters published to 2025-Q2", chart.Description, StringComparison.Ordinal);
    }
}
