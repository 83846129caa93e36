namespace Zhibiao.Analytics.Tests.Tracking;

/// <summary>Growth targets (增长5%左右): the latest year-on-year growth, computed from levels or as reported.</summary>
public class GrowthTargetTests
{
    private static readonly Source Src = new("test");

    private static readonly Indicator Gdp =
        new("gdp", "地区生产总值", "GDP", Zhibiao.Analytics.Units.Yuan, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static Observation Level(int year, string value, Qualifier q = Qualifier.Exact) =>
        new("gdp", Period.OfYear(year), Measure.Level, Quantity.Parse(value), q, Src);

    private static Observation Reported(int year, string value, Measure measure = Measure.Growth) =>
        new("gdp", Period.OfYear(year), measure, Quantity.Parse(value), Qualifier.Exact, Src);

    private static Target GrowthTarget(int year, string value, TargetComparison c = TargetComparison.AtLeast) =>
        new("gdp", TargetKind.Growth, Period.OfYear(year), Quantity.Parse(value), c, Src);

    private static IndicatorSeries Series(params Observation[] levels) => IndicatorSeries.Create(Gdp, levels);

    [Fact]
    public void Before_the_deadline_the_ratio_runs_from_the_year_before()
    {
        // 100 → 104: 4 % against 5 %, CR = 0.8.
        TrackingResult r = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "104亿元")), GrowthTarget(2025, "5%"));
        Assert.Equal(Period.OfYear(2023), r.ObservedFrom);
        Assert.Equal(0.8, r.Ratio!.Value.Value, 12);
        Assert.Equal(ProgressStatus.FairProgress, r.Status);
    }

    [Fact]
    public void In_the_deadline_year_the_growth_meets_the_target_or_not()
    {
        // "about 5 %" allows 4.5 %–5.5 %: 4 % in 2024 misses it, 5.2 % meets it (5.2, not 0.052, is compared with 5).
        Target about = GrowthTarget(2024, "5%", TargetComparison.About);
        TrackingResult missed = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "104亿元")), about);
        Assert.Equal(ProgressStatus.TargetMissed, missed.Status);
        Assert.Null(missed.Ratio);
        Assert.Equal(Period.OfYear(2023), missed.ObservedFrom);
        Assert.Contains(missed.Notes, n => n.StartsWith("the deadline 2024 has passed; growth in 2024 was ", StringComparison.Ordinal));
        TrackingResult met = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "105.2亿元")), about);
        Assert.Equal(ProgressStatus.TargetAchieved, met.Status);
    }

    [Fact]
    public void A_target_of_zero_growth_is_judged_by_the_sign_of_the_growth()
    {
        Target zero = GrowthTarget(2026, "0%");
        TrackingResult flat = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "100亿元")), zero);
        Assert.Equal(ProgressStatus.OnTrack, flat.Status);
        Assert.Null(flat.Ratio);
        Assert.Equal(Period.OfYear(2023), flat.ObservedFrom);
        Assert.Contains("a growth target of 0% has no ratio; status from the sign of the latest growth", flat.Notes);
        Assert.Equal(ProgressStatus.OnTrack, Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "104亿元")), zero).Status);
        Assert.Equal(ProgressStatus.Deterioration, Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "97亿元")), zero).Status);
    }

    [Fact]
    public void The_ratio_keeps_the_qualifier_of_the_growth_and_flips_it_for_a_negative_target()
    {
        // Growth "more than 4 %" (latest more than 104): over +5 % the ratio is more than 0.8; over a required fall of
        // 2 % (growth at most −2 %, as 能耗下降2%) it is −2, and a larger growth makes it more negative: at most −2.
        IndicatorSeries s = Series(Level(2023, "100亿元"), Level(2024, "104亿元", Qualifier.MoreThan));
        TrackingResult up = Tracker.Track(s, GrowthTarget(2026, "5%"));
        Assert.Equal(Qualifier.MoreThan, up.Observed!.Value.Qualifier);
        Assert.Equal(Qualifier.MoreThan, up.Ratio!.Value.Qualifier);
        TrackingResult down = Tracker.Track(s, GrowthTarget(2026, "-2%", TargetComparison.AtMost));
        Assert.Equal(-2, down.Ratio!.Value.Value, 12);
        Assert.Equal(Qualifier.AtMost, down.Ratio.Value.Qualifier);
        Assert.Equal(ProgressStatus.Deterioration, down.Status);
    }

    [Fact]
    public void Without_two_consecutive_levels_the_reported_growth_is_used()
    {
        Target t = GrowthTarget(2026, "5%");
        Observation reported = Reported(2024, "6%");

        // No levels at all: 6 % as reported (0.06), from 2023, CR = 1.2.
        TrackingResult none = Tracker.Track(Series(), t, [reported]);
        Assert.Equal(0.06, none.Observed!.Value.Value, 12);
        Assert.Equal(Period.OfYear(2023), none.ObservedFrom);
        Assert.Equal(1.2, none.Ratio!.Value.Value, 12);
        Assert.Contains("growth in 2024 as reported: 6%", none.Notes);

        // One level: no year-on-year growth from levels.
        Assert.Equal(0.06, Tracker.Track(Series(Level(2024, "100亿元")), t, [reported]).Observed!.Value.Value, 12);

        // Nothing reported and nothing to compute.
        Assert.Equal(ProgressStatus.InsufficientData, Tracker.Track(Series(Level(2024, "100亿元")), t).Status);
    }

    [Fact]
    public void Levels_win_for_their_own_year_and_a_newer_reported_growth_wins_over_them()
    {
        Target t = GrowthTarget(2026, "5%");
        IndicatorSeries s = Series(Level(2023, "100亿元"), Level(2024, "104亿元"));
        Assert.Equal(0.04, Tracker.Track(s, t, [Reported(2024, "4.2%")]).Observed!.Value.Value, 12);
        TrackingResult newer = Tracker.Track(s, t, [Reported(2025, "6%")]);
        Assert.Equal(0.06, newer.Observed!.Value.Value, 12);
        Assert.Equal(Period.OfYear(2024), newer.ObservedFrom);
    }

    [Fact]
    public void Only_the_latest_growth_reported_in_percent_counts()
    {
        // A change (in 亿元) and a growth in 倍 are not growth rates in %, even when newer.
        Observation[] reported = [Reported(2023, "3%"), Reported(2025, "10亿元", Measure.Change), Reported(2025, "2倍"), Reported(2024, "6%")];
        TrackingResult r = Tracker.Track(Series(), GrowthTarget(2026, "5%"), reported);
        Assert.Equal(0.06, r.Observed!.Value.Value, 12);
    }

    [Fact]
    public void A_growth_from_zero_falls_back_to_the_reported_one_and_says_why()
    {
        IndicatorSeries s = Series(Level(2023, "0亿元"), Level(2024, "5亿元"));
        TrackingResult r = Tracker.Track(s, GrowthTarget(2026, "5%"));
        Assert.Equal(ProgressStatus.InsufficientData, r.Status);
        Assert.Contains(r.Notes, n => n.Contains("a value is zero", StringComparison.Ordinal));
    }

    [Fact]
    public void A_growth_ceiling_is_on_track_within_it_and_judged_by_the_allowance_beyond_it()
    {
        // At most 3 %: 2 % keeps within it; 5 % is beyond it, the allowance covering 0.03 / 0.05 = 0.6 of the pace.
        Target ceiling = GrowthTarget(2026, "3%", TargetComparison.AtMost);
        TrackingResult within = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "102亿元")), ceiling);
        Assert.Equal(ProgressStatus.OnTrack, within.Status);
        Assert.Null(within.Ratio);
        TrackingResult beyond = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "105亿元")), ceiling);
        Assert.Equal(0.6, beyond.Ratio!.Value.Value, 12);
        Assert.Equal(ProgressStatus.FairProgress, beyond.Status);

        // At most 0 % (no growth): a rise is deterioration, a fall keeps it.
        Target none = GrowthTarget(2026, "0%", TargetComparison.AtMost);
        Assert.Equal(ProgressStatus.Deterioration, Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "101亿元")), none).Status);
        Assert.Equal(ProgressStatus.OnTrack, Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "99亿元")), none).Status);
    }

    [Fact]
    public void A_floor_below_zero_allows_a_fall_and_judges_a_steeper_one_by_the_allowance()
    {
        // At least −2 % (fall by no more than 2 %): growth of 1 % keeps it; −1 % too; −5 % is beyond, 0.02 / 0.05 = 0.4.
        Target floor = GrowthTarget(2026, "-2%");
        Assert.Equal(ProgressStatus.OnTrack, Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "101亿元")), floor).Status);
        Assert.Equal(ProgressStatus.OnTrack, Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "99亿元")), floor).Status);
        TrackingResult steep = Tracker.Track(Series(Level(2023, "100亿元"), Level(2024, "95亿元")), floor);
        Assert.Equal(0.4, steep.Ratio!.Value.Value, 12);
        Assert.Equal(ProgressStatus.LimitedProgress, steep.Status);
    }
}
