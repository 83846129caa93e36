using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Targets;

/// <summary>The one met rule and the one wording-and-direction policy, on hand-worked cases.</summary>
public class TargetRuleTests
{
    /// <summary>A report's target of a canonical indicator, side and tolerance by the policy.</summary>
    internal static Target Stated(string id, double value, TargetWording wording, double? high = null)
    {
        Indicator ind = ReportIndicators.Find(id)!.Indicator;
        Quantity figure = Quantity.Reported(value, Magnitude.One, ind.Unit);
        (TargetComparison side, double? tolerance) = Target.FromWording(wording, ind.Direction, figure);
        return new Target(id, TargetKind.Level, Period.OfYear(2010), figure, side, new Source("r.txt"))
        {
            Wording = wording,
            Tolerance = tolerance,
            High = high is { } h ? Quantity.Reported(h, Magnitude.One, ind.Unit) : null,
        };
    }

    private static bool Met(string id, double value, TargetWording w, double outcome, double? high = null) =>
        Stated(id, value, w, high).Rule(ReportIndicators.Find(id)!.Indicator).IsMetBy(outcome);

    [Theory]
    [InlineData("gdp_growth", 8, TargetWording.About, 7.96, true)]   // rounding
    [InlineData("gdp_growth", 8, TargetWording.About, 11.4, true)]   // a floor
    [InlineData("gdp_growth", 7.5, TargetWording.About, 7.4, true)]  // one published digit below "about"
    [InlineData("gdp_growth", 8, TargetWording.About, 7.8, false)]
    [InlineData("gdp_growth", 7.5, TargetWording.Exact, 7.4, false)]
    [InlineData("gdp_growth", 7.5, TargetWording.Exact, 7.45, true)] // a bare % figure admits rounding (±0.05)
    [InlineData("cpi", 3, TargetWording.About, 0.2, true)]           // a ceiling
    [InlineData("cpi", 4, TargetWording.About, 5.4, false)]
    [InlineData("registered_unemployment", 4.5, TargetWording.AtMost, 4.5, true)]
    [InlineData("registered_unemployment", 4.6, TargetWording.Exact, 4.7, false)]
    [InlineData("urban_new_jobs", 11_000_000, TargetWording.AtLeast, 10_900_000, false)]
    [InlineData("urban_new_jobs", 10_000_000, TargetWording.About, 13_000_000, true)]
    [InlineData("urban_new_jobs", 10_000_000, TargetWording.About, 9_900_000, true)]  // 1% of the figure below "about"
    [InlineData("urban_new_jobs", 10_000_000, TargetWording.About, 9_899_000, false)]
    [InlineData("energy_intensity", -4, TargetWording.About, -4.2, true)]
    [InlineData("energy_intensity", -4, TargetWording.About, -1.79, false)]
    public void Verdicts_follow_the_indicator_direction(string id, double value, TargetWording w, double outcome, bool met) =>
        Assert.Equal(met, Met(id, value, w, outcome));

    [Fact]
    public void A_range_is_met_at_its_lower_bound_when_higher_is_better_and_at_its_upper_bound_when_lower_is()
    {
        Assert.True(Met("gdp_growth", 6.5, TargetWording.Range, 6.5, 7));
        Assert.False(Met("gdp_growth", 6.5, TargetWording.Range, 6.3, 7));
        Assert.True(Met("cpi", 2, TargetWording.Range, 3, 3));
        Assert.False(Met("cpi", 2, TargetWording.Range, 3.2, 3));
    }

    [Fact]
    public void Margins_are_worked_by_hand()
    {
        Indicator gdp = ReportIndicators.Find("gdp_growth")!.Indicator;
        // 7.5%左右: threshold 7.4; outcome 7.7 → margin +0.3; outcome 7.0 → −0.4, short by 0.4.
        TargetRule r = Stated("gdp_growth", 7.5, TargetWording.About).Rule(gdp);
        Assert.Equal(TargetComparison.AtLeast, r.Side);
        Assert.Equal(7.4, r.Threshold, 12);
        Assert.Equal(0.3, r.Margin(7.7), 12);
        Assert.Equal(-0.4, r.Margin(7.0), 12);
        Assert.Equal(0.4, r.Shortfall(7.0), 12);
        Assert.Equal(0, r.Shortfall(9), 12);
        // CPI 3%左右 is a ceiling at 3.1: outcome 2.0 → margin 1.1; 3.3 → −0.2.
        TargetRule c = Stated("cpi", 3, TargetWording.About).Rule(ReportIndicators.Find("cpi")!.Indicator);
        Assert.Equal(3.1, c.Threshold, 12);
        Assert.Equal(1.1, c.Margin(2.0), 12);
        Assert.Equal(-0.2, c.Margin(3.3), 12);
        // A band 100 ± 5: margin 5 − |x − 100|.
        var band = new TargetRule(TargetComparison.About, 100, 5);
        Assert.Equal(2, band.Margin(97), 12);
        Assert.Equal(-1, band.Margin(106), 12);
        Assert.True(band.IsMetBy(105));
        Assert.False(band.IsMetBy(94.9));
    }

    [Fact]
    public void The_tolerance_is_in_the_targets_written_unit()
    {
        // 3.2亿人次 with a tolerance of 0.5 (亿人次): met from 2.7亿, not from 2.7亿 − 1.
        var ind = new Indicator("arrivals", "接待游客", "tourist arrivals", Units.Get("人次"), Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);
        var t = new Target("arrivals", TargetKind.Level, Period.OfYear(2025), Quantity.Reported(3.2, "亿人次"), TargetComparison.AtLeast, new Source("r")) { Tolerance = 0.5 };
        TargetRule rule = t.Rule(ind);
        Assert.Equal(0.5e8, rule.Tolerance, 3);
        Assert.True(rule.IsMetBy(2.7e8));
        Assert.False(rule.IsMetBy(2.7e8 - 1));
        // in another unit of the dimension: 1.4万亿斤 ± 0.014万亿斤 judged on an indicator in 吨 is 7e8 ± 7e6 吨.
        var grain = new Indicator("grain", "粮食产量", "grain", Units.Get("吨"), Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);
        var g = new Target("grain", TargetKind.Level, Period.OfYear(2025), Quantity.Reported(1.4, "万亿斤"), TargetComparison.AtLeast, new Source("r")) { Tolerance = 0.014 };
        Assert.Equal(7e8, g.Rule(grain).Bound, 3);
        Assert.Equal(7e6, g.Rule(grain).Tolerance, 3);
    }

    [Fact]
    public void A_negative_tolerance_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Target("x", TargetKind.Level, Period.OfYear(2025), Quantity.Reported(3, "亿人次"), TargetComparison.AtLeast, new Source("r")) { Tolerance = -0.5 });

    [Fact]
    public void A_growth_target_is_judged_as_a_fraction()
    {
        var ind = new Indicator("gdp", "生产总值", "GDP", Units.Get("元"), Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);
        var t = new Target("gdp", TargetKind.Growth, Period.OfYear(2025), Quantity.Reported(5, "%"), TargetComparison.AtLeast, new Source("r")) { Tolerance = 0.1 };
        TargetRule rule = t.Rule(ind);
        Assert.Equal(0.05, rule.Bound, 12);
        Assert.Equal(0.001, rule.Tolerance, 12);
        Assert.True(rule.IsMetBy(0.049));
        Assert.False(rule.IsMetBy(0.0489));
    }

    [Theory]
    [InlineData(Qualifier.MoreThan, true)]
    [InlineData(Qualifier.AtLeast, true)]
    [InlineData(Qualifier.Nearly, false)]
    [InlineData(Qualifier.AtMost, false)]
    [InlineData(Qualifier.Exact, true)]
    public void A_qualified_figure_meets_a_floor_only_when_its_qualifier_allows(Qualifier q, bool met) =>
        Assert.Equal(met, new TargetRule(TargetComparison.AtLeast, 3, 0).IsMetBy(3, q));

    [Fact]
    public void The_policy_reads_wording_and_direction_once_for_every_reader()
    {
        Quantity pct = Quantity.Reported(5, "%");
        Assert.Equal((TargetComparison.AtLeast, (double?)0.1), Target.FromWording(TargetWording.About, Direction.HigherIsBetter, pct));
        Assert.Equal((TargetComparison.AtMost, (double?)0.1), Target.FromWording(TargetWording.About, Direction.LowerIsBetter, pct));
        Assert.Equal((TargetComparison.AtMost, (double?)0.05), Target.FromWording(TargetWording.AtMost, Direction.HigherIsBetter, pct));
        Assert.Equal((TargetComparison.AtLeast, (double?)12), Target.FromWording(TargetWording.About, Direction.HigherIsBetter, Quantity.Reported(1200, "万人")));
        Assert.Equal((TargetComparison.AtLeast, (double?)null), Target.FromWording(TargetWording.Exact, Direction.HigherIsBetter, Quantity.Reported(3.2, "亿人次")));
        // 左右 and 近 are one wording: about.
        Assert.Equal(TargetWording.About, Target.WordingOf(Qualifier.Approx));
        Assert.Equal(TargetWording.About, Target.WordingOf(Qualifier.Nearly));
        Assert.Equal(TargetWording.AtLeast, Target.WordingOf(Qualifier.MoreThan));
    }
}
