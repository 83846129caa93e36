namespace Zhibiao.Analytics.Tests.Tracking;

/// <summary>Level targets at their boundaries: deadlines, windows, mixed frequencies, "met" exactly, qualified figures.</summary>
public class TrackerBoundaryTests
{
    private static readonly Source Src = new("test");

    private static Indicator Arrivals(Direction direction = Direction.HigherIsBetter, Frequency frequency = Frequency.Yearly) =>
        new("arrivals", "接待游客", "tourist arrivals", Zhibiao.Analytics.Units.PersonTime, frequency, direction, IndicatorKind.Flow);

    private static Observation Obs(int year, string value, Qualifier q = Qualifier.Exact) =>
        new("arrivals", Period.OfYear(year), Measure.Level, Quantity.Parse(value), q, Src);

    private static Observation Quarter(int year, int quarter, string value) =>
        new("arrivals", Period.OfQuarter(year, quarter), Measure.Level, Quantity.Parse(value), Qualifier.Exact, Src);

    private static Target LevelTarget(int year, string value, TargetComparison c = TargetComparison.AtLeast) =>
        new("arrivals", TargetKind.Level, Period.OfYear(year), Quantity.Parse(value), c, Src);

    private static IndicatorSeries Series(params Observation[] levels) => IndicatorSeries.Create(Arrivals(), levels);

    [Fact]
    public void The_window_is_at_least_one_year()
    {
        IndicatorSeries s = Series(Obs(2022, "100人次"), Obs(2023, "110人次"), Obs(2024, "121人次"));
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => Tracker.Track(s, options: new TrackingOptions { WindowYears = 0 }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("the window must be at least one year", e.Message, StringComparison.Ordinal);

        // One year is allowed: the growth from 2023 to 2024, 121 / 110 − 1 = 0.1.
        TrackingResult r = Tracker.Track(s, options: new TrackingOptions { WindowYears = 1 });
        Assert.Equal(Period.OfYear(2023), r.ObservedFrom);
        Assert.Equal(0.1, r.Observed!.Value.Value, 12);
    }

    [Fact]
    public void An_observation_exactly_a_window_before_the_latest_opens_the_window()
    {
        // Latest 2024, five-year window: 2019 is inside, so the growth runs 2019 → 2024 = (132 / 100)^(1/5) − 1.
        TrackingResult r = Tracker.Track(Series(Obs(2019, "100人次"), Obs(2021, "110人次"), Obs(2024, "132人次")));
        Assert.Equal(Period.OfYear(2019), r.ObservedFrom);
        Assert.Equal(Math.Pow(1.32, 0.2) - 1, r.Observed!.Value.Value, 12);
        Assert.DoesNotContain(r.Notes, n => n.Contains("no observation within", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preset_of_the_options_is_used()
    {
        // Growth target 5 %, growth 2.75 %: CR = 0.55 is fair progress for the UN (≥ 0.5) but limited for Open SDG (< 0.6).
        IndicatorSeries s = Series(Obs(2023, "100人次"), Obs(2024, "102.75人次"));
        var t = new Target("arrivals", TargetKind.Growth, Period.OfYear(2026), Quantity.Parse("5%"), TargetComparison.AtLeast, Src);
        Assert.Equal(ProgressStatus.FairProgress, Tracker.Track(s, t).Status);
        var open = new TrackingOptions { Preset = StatusPreset.OpenSdg };
        Assert.Same(StatusPreset.OpenSdg, open.EffectivePreset);
        Assert.Same(StatusPreset.UnSdg2022, TrackingOptions.Default.EffectivePreset);
        Assert.Equal(ProgressStatus.LimitedProgress, Tracker.Track(s, t, options: open).Status);
    }

    [Fact]
    public void A_passed_deadline_is_judged_on_the_deadline_value_not_on_a_later_one()
    {
        // ≥100 by 2024: 2024 had 95 (missed) although 2025 has 101.
        IndicatorSeries s = Series(Obs(2023, "90人次"), Obs(2024, "95人次"), Obs(2025, "101人次"));
        TrackingResult r = Tracker.Track(s, LevelTarget(2024, "100人次"));
        Assert.Equal(ProgressStatus.TargetMissed, r.Status);
        Assert.Equal(Period.OfYear(2024), r.Latest!.Period);
        Assert.Contains("the deadline 2024 has passed; judged on its value 95人次", r.Notes);
    }

    [Fact]
    public void A_deadline_equal_to_the_latest_year_is_judged_on_that_value()
    {
        IndicatorSeries s = Series(Obs(2023, "90人次"), Obs(2024, "95人次"));
        TrackingResult r = Tracker.Track(s, LevelTarget(2024, "95人次"));
        Assert.Equal(ProgressStatus.TargetAchieved, r.Status);
        Assert.Contains("the deadline 2024 has passed; judged on its value 95人次", r.Notes);
    }

    [Fact]
    public void A_passed_deadline_without_a_value_is_judged_on_the_latest_and_says_so()
    {
        IndicatorSeries s = Series(Obs(2022, "90人次"), Obs(2025, "101人次"));
        TrackingResult r = Tracker.Track(s, LevelTarget(2024, "100人次"));
        Assert.Equal(ProgressStatus.TargetAchieved, r.Status);
        Assert.Equal(Period.OfYear(2025), r.Latest!.Period);
        Assert.Contains("the deadline 2024 is not after the latest observation 2025", r.Notes);
    }

    [Fact]
    public void Quarterly_data_against_a_yearly_deadline_count_the_years_to_its_end()
    {
        Indicator quarterly = Arrivals(frequency: Frequency.Quarterly);

        // Latest 2024-Q2 ends at 2024.5; the deadline 2025 ends at 2026: 1.5 years. Required (121 / 100)^(1/1.5) − 1;
        // the five-year window (20 quarters) reaches back to 2020-Q1: observed (100 / 80)^(1/4.25) − 1.
        IndicatorSeries s = IndicatorSeries.Create(quarterly, [Quarter(2020, 1, "80人次"), Quarter(2023, 4, "95人次"), Quarter(2024, 2, "100人次")]);
        TrackingResult r = Tracker.Track(s, LevelTarget(2025, "121人次"));
        Assert.Equal(Math.Pow(1.21, 1 / 1.5) - 1, r.Required!.Value.Value, 12);
        Assert.Equal(Period.OfQuarter(2020, 1), r.ObservedFrom);
        Assert.Equal(Math.Pow(1.25, 1 / 4.25) - 1, r.Observed!.Value.Value, 12);

        // Latest 2024-Q4 ends with the deadline year 2024: no time left, and 110 < 121 is missed.
        IndicatorSeries end = IndicatorSeries.Create(quarterly, [Quarter(2024, 3, "100人次"), Quarter(2024, 4, "110人次")]);
        TrackingResult missed = Tracker.Track(end, LevelTarget(2024, "121人次"));
        Assert.Equal(ProgressStatus.TargetMissed, missed.Status);
        Assert.Contains("the deadline 2024 is not after the latest observation 2024-Q4", missed.Notes);
    }

    [Fact]
    public void At_most_is_met_exactly_at_the_target_by_an_exact_figure_only()
    {
        Indicator lower = Arrivals(Direction.LowerIsBetter);
        IndicatorSeries exact = IndicatorSeries.Create(lower, [Obs(2022, "121人次"), Obs(2024, "81人次")]);
        // the deadline 2026 is not yet observed: "on track" and "already at the target level", never "achieved"
        TrackingResult met = Tracker.Track(exact, LevelTarget(2026, "81人次", TargetComparison.AtMost));
        Assert.Equal(ProgressStatus.OnTrack, met.Status);
        Assert.Contains("already at the target level (2024: 81人次)", met.Notes);
        IndicatorSeries below = IndicatorSeries.Create(lower, [Obs(2022, "121人次"), Obs(2024, "81人次", Qualifier.AtMost)]);
        Assert.Contains("already at the target level (2024: ≤81人次)", Tracker.Track(below, LevelTarget(2026, "81人次", TargetComparison.AtMost)).Notes);
        IndicatorSeries above = IndicatorSeries.Create(lower, [Obs(2022, "121人次"), Obs(2024, "81人次", Qualifier.MoreThan)]);
        Assert.DoesNotContain(Tracker.Track(above, LevelTarget(2026, "81人次", TargetComparison.AtMost)).Notes, n => n.StartsWith("already", StringComparison.Ordinal));
    }

    [Fact]
    public void About_is_met_within_the_tolerance_in_the_indicator_unit()
    {
        // "about 100人次" allows ±0.5 (half the last digit): 100.5 is met, 100.6 is not; "nearly 100" is not about 100.
        Target about = LevelTarget(2026, "100人次", TargetComparison.About);
        static bool AtLevel(TrackingResult r) => r.Notes.Any(n => n.StartsWith("already at the target level", StringComparison.Ordinal));
        Assert.True(AtLevel(Tracker.Track(Series(Obs(2023, "90人次"), Obs(2024, "100.5人次")), about)));
        Assert.True(AtLevel(Tracker.Track(Series(Obs(2023, "90人次"), Obs(2024, "99.5人次")), about)));
        Assert.True(AtLevel(Tracker.Track(Series(Obs(2023, "90人次"), Obs(2024, "100人次", Qualifier.Approx)), about)));
        Assert.False(AtLevel(Tracker.Track(Series(Obs(2023, "90人次"), Obs(2024, "100.6人次")), about)));
        Assert.False(AtLevel(Tracker.Track(Series(Obs(2023, "90人次"), Obs(2024, "100人次", Qualifier.Nearly)), about)));

        // Grain in 吨, target "about 2000万斤" = 10000 吨 ± 0.5万斤 = ± 2.5 吨: 10002 吨 is met, 10003 吨 is not.
        var grain = new Indicator("grain", "粮食产量", "grain output", Zhibiao.Analytics.Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);
        Observation G(int year, string v) => new("grain", Period.OfYear(year), Measure.Level, Quantity.Parse(v), Qualifier.Exact, Src);
        var jin = new Target("grain", TargetKind.Level, Period.OfYear(2026), Quantity.Parse("2000万斤"), TargetComparison.About, Src);
        Assert.True(AtLevel(Tracker.Track(IndicatorSeries.Create(grain, [G(2023, "9000吨"), G(2024, "10002吨")]), jin)));
        Assert.False(AtLevel(Tracker.Track(IndicatorSeries.Create(grain, [G(2023, "9000吨"), G(2024, "10003吨")]), jin)));
    }

    [Fact]
    public void A_target_across_zero_has_no_required_growth_and_says_why()
    {
        // A loss of 50 to a profit of 100: no growth rate links values of different signs.
        IndicatorSeries s = Series(Obs(2023, "-80人次"), Obs(2024, "-50人次"));
        TrackingResult r = Tracker.Track(s, LevelTarget(2026, "100人次"));
        Assert.Equal(ProgressStatus.InsufficientData, r.Status);
        Assert.Contains(r.Notes, n => n.Contains("different signs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_observed_growth_from_zero_is_insufficient_data_and_says_why()
    {
        TrackingResult r = Tracker.Track(Series(Obs(2023, "0人次"), Obs(2024, "5人次")));
        Assert.Equal(ProgressStatus.InsufficientData, r.Status);
        Assert.Contains(r.Notes, n => n.Contains("a value is zero", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_is_judged_in_points_even_against_a_level_target()
    {
        // 88 % → 92 % over two years is 2 points a year; 95 % by 2026 needs 1.5 a year: CR = 4/3.
        var rate = new Indicator("rate", "就业率", "placement rate", Zhibiao.Analytics.Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Rate);
        Observation R(int year, string v) => new("rate", Period.OfYear(year), Measure.Level, Quantity.Parse(v), Qualifier.Exact, Src);
        var t = new Target("rate", TargetKind.Level, Period.OfYear(2026), Quantity.Parse("95%"), TargetComparison.AtLeast, Src);
        TrackingResult r = Tracker.Track(IndicatorSeries.Create(rate, [R(2022, "88%"), R(2024, "92%")]), t);
        Assert.Equal(GrowthBasis.PointsPerYear, r.Basis);
        Assert.Equal(1.5, r.Required!.Value.Value, 12);
        Assert.Equal(2, r.Observed!.Value.Value, 12);
        Assert.Equal(4.0 / 3, r.Ratio!.Value.Value, 12);
    }

    [Fact]
    public void The_notes_name_each_qualified_or_derived_value_of_the_window()
    {
        // Without a target: latest "more than 103", the window's start "more than 100" and derived.
        Observation start = Obs(2019, "100人次", Qualifier.MoreThan) with { Derivation = new Derivation("implied from 105人次 (2020) and growth 5%", new Interval(99, 101)) };
        TrackingResult r = Tracker.Track(Series(start, Obs(2024, "103人次", Qualifier.MoreThan)));
        Assert.Contains("latest value is more than 103人次: growth figures use the face value and carry the qualifier", r.Notes);
        Assert.Contains("2019 value is more than 100人次", r.Notes);
        Assert.Contains("2019 value is derived: implied from 105人次 (2020) and growth 5%", r.Notes);

        TrackingResult exact = Tracker.Track(Series(Obs(2019, "100人次"), Obs(2024, "103人次")));
        Assert.Empty(exact.Notes);
    }

    [Fact]
    public void A_latest_figure_at_the_target_but_short_of_it_is_judged_by_the_direction_of_growth()
    {
        // "nearly 3亿" for "at least 3亿": the required growth is 0 (no ratio); rising is on track, flat is limited
        // progress, falling is deterioration.
        Target atLeast = LevelTarget(2025, "3亿人次");
        TrackingResult rising = Tracker.Track(Series(Obs(2023, "2.5亿人次"), Obs(2024, "3亿人次", Qualifier.Nearly)), atLeast);
        Assert.Equal(ProgressStatus.OnTrack, rising.Status);
        Assert.Null(rising.Ratio);
        Assert.Contains("the latest figure equals the target but its qualifier puts the value short of it: status from the direction of growth", rising.Notes);
        Assert.Equal(ProgressStatus.LimitedProgress, Tracker.Track(Series(Obs(2023, "3亿人次"), Obs(2024, "3亿人次", Qualifier.Nearly)), atLeast).Status);
        Assert.Equal(ProgressStatus.Deterioration, Tracker.Track(Series(Obs(2023, "3.2亿人次"), Obs(2024, "3亿人次", Qualifier.Nearly)), atLeast).Status);

        // "more than 81" for "at most 81" (lower is better): falling is the right way.
        Indicator lower = Arrivals(Direction.LowerIsBetter);
        Target atMost = LevelTarget(2026, "81人次", TargetComparison.AtMost);
        Assert.Equal(ProgressStatus.OnTrack, Tracker.Track(IndicatorSeries.Create(lower, [Obs(2022, "100人次"), Obs(2024, "81人次", Qualifier.MoreThan)]), atMost).Status);
        Assert.Equal(ProgressStatus.Deterioration, Tracker.Track(IndicatorSeries.Create(lower, [Obs(2022, "70人次"), Obs(2024, "81人次", Qualifier.MoreThan)]), atMost).Status);
    }

    [Fact]
    public void A_ratio_of_two_falls_is_exact_only_when_both_are()
    {
        // Required −10 % a year (100 → 81 in two years), observed 121 → 100 over two years: CR = (1/11) / 0.1.
        Indicator lower = Arrivals(Direction.LowerIsBetter);
        Target t = LevelTarget(2026, "81人次", TargetComparison.AtMost);
        TrackingResult exact = Tracker.Track(IndicatorSeries.Create(lower, [Obs(2022, "121人次"), Obs(2024, "100人次")]), t);
        Assert.Equal(Qualifier.Exact, exact.Ratio!.Value.Qualifier);

        // Latest "more than 100": required at most −10 %, observed more than −1/11; a quotient of two negatives
        // pushed the same way has no known side.
        TrackingResult latest = Tracker.Track(IndicatorSeries.Create(lower, [Obs(2022, "121人次"), Obs(2024, "100人次", Qualifier.MoreThan)]), t);
        Assert.Equal(Qualifier.AtMost, latest.Required!.Value.Qualifier);
        Assert.Equal(Qualifier.MoreThan, latest.Observed!.Value.Qualifier);
        Assert.Equal(Qualifier.Approx, latest.Ratio!.Value.Qualifier);

        // Only the window's start qualified ("more than 121"): observed at most −1/11, required exact: still approx.
        TrackingResult start = Tracker.Track(IndicatorSeries.Create(lower, [Obs(2022, "121人次", Qualifier.MoreThan), Obs(2024, "100人次")]), t);
        Assert.Equal(Qualifier.Exact, start.Required!.Value.Qualifier);
        Assert.Equal(Qualifier.AtMost, start.Observed!.Value.Qualifier);
        Assert.Equal(Qualifier.Approx, start.Ratio!.Value.Qualifier);
    }

    [Fact]
    public void One_observation_says_there_is_no_observed_growth() =>
        Assert.Contains("only one observation: no observed growth", Tracker.Track(Series(Obs(2024, "95人次"))).Notes);
}
