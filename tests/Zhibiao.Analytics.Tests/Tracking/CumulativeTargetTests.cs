namespace Zhibiao.Analytics.Tests.Tracking;

/// <summary>Cumulative targets (累计 over a plan period): the total so far, its end, and the growth the flow needs.</summary>
public class CumulativeTargetTests
{
    private static readonly Source Src = new("test");
    private static readonly PlanPeriod Plan = PlanPeriod.Parse("2021-2025");

    private static readonly Indicator Investment =
        new("investment", "投资", "investment", Zhibiao.Analytics.Units.Yuan, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static Observation Obs(int year, string value) =>
        new("investment", Period.OfYear(year), Measure.Level, Quantity.Parse(value), Qualifier.Exact, Src);

    private static Target Total(string value, TargetComparison c = TargetComparison.AtLeast) =>
        new("investment", TargetKind.Cumulative, Plan.End, Quantity.Parse(value), c, Src) { Plan = Plan };

    private static IndicatorSeries Series(params Observation[] levels) => IndicatorSeries.Create(Investment, levels);

    /// <summary>2021-2023: 100, 110, 121 (sum 331).</summary>
    private static IndicatorSeries ThreeYears() => Series(Obs(2021, "100元"), Obs(2022, "110元"), Obs(2023, "121元"));

    /// <summary>The whole plan: 100, 110, 121, 133.1, 146.41 (sum 610.51).</summary>
    private static IndicatorSeries WholePlan() => Series(Obs(2021, "100元"), Obs(2022, "110元"), Obs(2023, "121元"), Obs(2024, "133.1元"), Obs(2025, "146.41元"));

    [Fact]
    public void No_value_inside_the_plan_is_insufficient_data()
    {
        Assert.Equal(ProgressStatus.InsufficientData, Tracker.Track(Series(Obs(2018, "100元"), Obs(2019, "110元")), Total("600元")).Status);
        Assert.Equal(ProgressStatus.InsufficientData, Tracker.Track(Series(), Total("600元")).Status);
    }

    [Fact]
    public void A_gap_in_the_plan_leaves_the_total_unknown_and_names_the_missing_years()
    {
        TrackingResult r = Tracker.Track(Series(Obs(2021, "100元"), Obs(2024, "130元")), Total("600元"));
        Assert.Equal(ProgressStatus.InsufficientData, r.Status);
        Assert.Contains("no values for 2022, 2023: the total so far cannot be formed", r.Notes);
    }

    [Fact]
    public void At_least_a_total_is_achieved_as_soon_as_the_sum_reaches_it()
    {
        TrackingResult r = Tracker.Track(ThreeYears(), Total("331元"));
        Assert.Equal(ProgressStatus.TargetAchieved, r.Status);
        Assert.Equal(1, r.TimeProgress!.ChangeShare, 12);
    }

    [Fact]
    public void At_most_a_total_is_missed_as_soon_as_the_sum_exceeds_it_and_not_before()
    {
        Assert.Equal(ProgressStatus.TargetMissed, Tracker.Track(ThreeYears(), Total("330元", TargetComparison.AtMost)).Status);
        Assert.NotEqual(ProgressStatus.TargetMissed, Tracker.Track(ThreeYears(), Total("331元", TargetComparison.AtMost)).Status);
        Assert.NotEqual(ProgressStatus.TargetMissed, Tracker.Track(ThreeYears(), Total("1000元", TargetComparison.AtMost)).Status);
    }

    [Fact]
    public void At_the_end_of_the_plan_the_total_is_met_or_missed()
    {
        // 610.51 in all: short of at least 700, within at most 700.
        Assert.Equal(ProgressStatus.TargetMissed, Tracker.Track(WholePlan(), Total("700元")).Status);
        Assert.Equal(ProgressStatus.TargetAchieved, Tracker.Track(WholePlan(), Total("700元", TargetComparison.AtMost)).Status);
        Assert.Equal(ProgressStatus.TargetMissed, Tracker.Track(WholePlan(), Total("600元", TargetComparison.AtMost)).Status);
    }

    [Fact]
    public void A_total_no_plausible_growth_reaches_is_insufficient_data_and_says_so()
    {
        // From 1元 in 2021, four more years at +1000 % a year give 11 + 121 + 1331 + 14641 = 16104元, far below 1000000.
        TrackingResult r = Tracker.Track(Series(Obs(2021, "1元")), Total("1000000元"));
        Assert.Equal(ProgressStatus.InsufficientData, r.Status);
        Assert.Contains("no growth rate of the flow reaches the total", r.Notes);
        Assert.Equal(1e-6, r.TimeProgress!.ChangeShare, 12);
    }

    [Fact]
    public void An_at_least_total_that_allows_the_flow_to_fall_is_on_track_while_the_flow_grows()
    {
        // 331 by 2023; at least 450 needs 119 more over 2024-2025: 121x + 121x² = 119 gives x = 0.6106, a fall of 38.9 %
        // a year is allowed, and the flow grew 10 % a year (100 → 121 over 2021-2023): on track, not "deterioration".
        TrackingResult r = Tracker.Track(ThreeYears(), Total("450元"));
        Assert.Equal(ProgressStatus.OnTrack, r.Status);
        Assert.Null(r.Ratio);
        Assert.Equal(-0.389, r.Required!.Value.Value, 3);
        Assert.Contains("the target allows a fall of up to 38.9 % a year; observed 10.0 % is within it", r.Notes);
    }

    [Fact]
    public void An_at_most_total_is_a_ceiling_on_the_flow_s_growth()
    {
        // At most 1000: 121x + 121x² = 669 gives x = 1.904, so growth of up to 90.4 % a year keeps within it; 10 % does.
        TrackingResult within = Tracker.Track(ThreeYears(), Total("1000元", TargetComparison.AtMost));
        Assert.Equal(ProgressStatus.OnTrack, within.Status);
        Assert.Null(within.Ratio);
        Assert.Contains("the target allows growth of up to 90.4 % a year; observed 10.0 % is within it", within.Notes);

        // At most 595.2156 = 331 + 121·1.06 + 121·1.06²: growth of up to 6 % a year is allowed, 10 % is beyond it, and
        // the allowance covers 0.06 / 0.10 = 0.6 of the pace: fair progress (UN thresholds 0.95 and 0.5).
        TrackingResult beyond = Tracker.Track(ThreeYears(), Total("595.2156元", TargetComparison.AtMost));
        Assert.Equal(0.6, beyond.Ratio!.Value.Value, 9);
        Assert.Equal(ProgressStatus.FairProgress, beyond.Status);
        Assert.Contains("the target allows growth of up to 6.0 % a year; observed 10.0 % is beyond it", beyond.Notes);
    }
}
