namespace Zhibiao.Analytics.Tests.Tracking;

public class TrackerTests
{
    private static readonly Source Src = new("test");

    private static Indicator Arrivals(IndicatorKind kind = IndicatorKind.Flow, Unit? unit = null) =>
        new("arrivals", "接待游客", "tourist arrivals", unit ?? Zhibiao.Analytics.Units.PersonTime, Frequency.Yearly, Direction.HigherIsBetter, kind);

    private static Observation Obs(int year, string value, Qualifier q = Qualifier.Exact, string id = "arrivals") =>
        new(id, Period.OfYear(year), Measure.Level, Quantity.Parse(value), q, Src);

    private static Target LevelTarget(int year, string value, TargetComparison c = TargetComparison.AtLeast) =>
        new("arrivals", TargetKind.Level, Period.OfYear(year), Quantity.Parse(value), c, Src);

    [Fact]
    public void A_qualified_value_writes_its_sign_before_the_number_in_any_format()
    {
        Assert.Equal("≤0.0667", new QualifiedValue(0.066666, Qualifier.AtMost).ToString());
        Assert.Equal(">17.4", new QualifiedValue(17.4, Qualifier.MoreThan).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("5.00", new QualifiedValue(5, Qualifier.Exact).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Tourist_arrivals_need_six_point_seven_percent_and_are_on_track()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2020, "1.58亿人次"), Obs(2021, "1.91亿人次"), Obs(2023, "26544.03万人次"), Obs(2024, "3亿人次", Qualifier.MoreThan)]);
        TrackingResult r = Tracker.Track(s, LevelTarget(2025, "3.2亿人次"));
        Assert.Equal(3.2 / 3 - 1, r.Required!.Value.Value, 12);
        Assert.Equal(Qualifier.AtMost, r.Required.Value.Qualifier);
        Assert.Equal(Math.Pow(3 / 1.58, 0.25) - 1, r.Observed!.Value.Value, 12);
        Assert.Equal(Qualifier.MoreThan, r.Observed.Value.Qualifier);
        Assert.Equal(Period.OfYear(2020), r.ObservedFrom);
        Assert.Equal(Qualifier.MoreThan, r.Ratio!.Value.Qualifier);
        Assert.Equal(ProgressStatus.OnTrack, r.Status);
        Assert.Contains(r.Notes, n => n.Contains("more than 3亿人次", StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_is_not_treated_as_exactly_the_figure()
    {
        // "more than 3亿" already meets "at least 3亿", but "nearly 3亿" does not.
        var more = IndicatorSeries.Create(Arrivals(), [Obs(2023, "2.5亿人次"), Obs(2024, "3亿人次", Qualifier.MoreThan)]);
        TrackingResult m = Tracker.Track(more, LevelTarget(2025, "3亿人次"));
        Assert.Equal(ProgressStatus.OnTrack, m.Status);
        Assert.Contains("already at the target level (2024: >3亿人次)", m.Notes);
        var nearly = IndicatorSeries.Create(Arrivals(), [Obs(2023, "2.5亿人次"), Obs(2024, "3亿人次", Qualifier.Nearly)]);
        TrackingResult r = Tracker.Track(nearly, LevelTarget(2025, "3亿人次"));
        Assert.NotEqual(ProgressStatus.TargetAchieved, r.Status);
        Assert.Equal(Qualifier.MoreThan, r.Required!.Value.Qualifier);
    }

    [Fact]
    public void Window_defaults_to_five_years_and_widens_when_needed()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2010, "100人次"), Obs(2018, "200人次"), Obs(2024, "300人次")]);
        TrackingResult r = Tracker.Track(s, LevelTarget(2026, "400人次"));
        Assert.Equal(Period.OfYear(2018), r.ObservedFrom);
        Assert.Contains(r.Notes, n => n.Contains("no observation within 5 years", StringComparison.Ordinal));
        TrackingResult wide = Tracker.Track(s, LevelTarget(2026, "400人次"), options: new TrackingOptions { WindowYears = 20 });
        Assert.Equal(Period.OfYear(2010), wide.ObservedFrom);
    }

    [Fact]
    public void Falling_indicator_with_a_rising_target_deteriorates()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2022, "120人次"), Obs(2024, "100人次")]);
        Assert.Equal(ProgressStatus.Deterioration, Tracker.Track(s, LevelTarget(2026, "121人次")).Status);
    }

    [Fact]
    public void A_passed_deadline_is_judged_on_its_value()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2023, "90人次"), Obs(2024, "95人次"), Obs(2025, "99人次")]);
        Assert.Equal(ProgressStatus.TargetMissed, Tracker.Track(s, LevelTarget(2024, "100人次")).Status);
        Assert.Equal(ProgressStatus.TargetAchieved, Tracker.Track(s, LevelTarget(2024, "95人次")).Status);
    }

    [Fact]
    public void One_observation_is_insufficient()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2024, "95人次")]);
        TrackingResult r = Tracker.Track(s, LevelTarget(2025, "100人次"));
        Assert.Equal(ProgressStatus.InsufficientData, r.Status);
        Assert.NotNull(r.Required);
        Assert.Equal(ProgressStatus.InsufficientData, Tracker.Track(s).Status);
    }

    [Fact]
    public void Lower_is_better_targets_use_negative_growth()
    {
        var ind = Arrivals() with { Direction = Direction.LowerIsBetter };
        var s = IndicatorSeries.Create(ind, [Obs(2022, "121人次"), Obs(2024, "100人次")]);
        TrackingResult r = Tracker.Track(s, LevelTarget(2026, "81人次", TargetComparison.AtMost));
        Assert.Equal(-0.1, r.Required!.Value.Value, 12);
        Assert.Equal(-1.0 / 11, r.Observed!.Value.Value, 12);
        Assert.Equal(ProgressStatus.FairProgress, r.Status);
    }

    [Fact]
    public void Share_targets_are_judged_in_percentage_points()
    {
        var ind = new Indicator("share", "比重", "share", Zhibiao.Analytics.Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Share);
        var s = IndicatorSeries.Create(ind, [Obs(2022, "36%", id: "share"), Obs(2024, "50%", id: "share")]);
        var t = new Target("share", TargetKind.Share, Period.OfYear(2026), Quantity.Parse("60%"), TargetComparison.AtLeast, Src);
        TrackingResult r = Tracker.Track(s, t);
        Assert.Equal(GrowthBasis.PointsPerYear, r.Basis);
        Assert.Equal(5, r.Required!.Value.Value, 12);
        Assert.Equal(7, r.Observed!.Value.Value, 12);
        Assert.Equal(1.4, r.Ratio!.Value.Value, 12);
    }

    [Fact]
    public void Growth_targets_compare_the_latest_year_on_year_growth()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2023, "100人次"), Obs(2024, "104人次")]);
        var t = new Target("arrivals", TargetKind.Growth, Period.OfYear(2025), Quantity.Parse("5%"), TargetComparison.About, Src);
        TrackingResult r = Tracker.Track(s, t);
        Assert.Equal(GrowthBasis.YearOnYear, r.Basis);
        Assert.Equal(0.04, r.Observed!.Value.Value, 12);
        Assert.Equal(0.8, r.Ratio!.Value.Value, 12);
        Assert.Equal(ProgressStatus.FairProgress, r.Status);
        // a band of half the last digit: 5% ± 0.5 points, as a fraction
        Assert.Equal(0.005, t.Rule(s.Indicator).Tolerance, 12);
        Assert.True(t.Rule(s.Indicator).IsMetBy(0.054));
        Assert.False(t.Rule(s.Indicator).IsMetBy(0.056));
    }

    [Fact]
    public void Cumulative_targets_sum_the_plan_and_check_time_progress()
    {
        var plan = PlanPeriod.Parse("2021-2025");
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2021, "100人次"), Obs(2022, "110人次"), Obs(2023, "121人次")]);
        var t = new Target("arrivals", TargetKind.Cumulative, plan.End, Quantity.Parse("600人次"), TargetComparison.AtLeast, Src) { Plan = plan };
        TrackingResult r = Tracker.Track(s, t);
        // 331 so far; 269 needed over 2024-2025 from 121: 121(1+g) + 121(1+g)^2 = 269 gives g = 0.0564.
        double g = r.Required!.Value.Value;
        Assert.Equal(269, (121 * (1 + g)) + (121 * (1 + g) * (1 + g)), 6);
        Assert.Equal(0.1, r.Observed!.Value.Value, 12);
        Assert.Equal(331.0 / 600, r.TimeProgress!.ChangeShare, 12);
        Assert.Equal(0.6, r.TimeProgress.TimeShare, 12);
        Assert.False(r.TimeProgress.OnSchedule);
        Assert.Equal(ProgressStatus.OnTrack, r.Status);
        Assert.Contains("required growth keeps the flow growing so that 2021-2025 sums to 600人次", r.Notes);
    }

    [Fact]
    public void Plan_level_targets_report_time_progress_from_the_baseline()
    {
        var plan = PlanPeriod.Parse("2021-2025");
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2020, "100人次"), Obs(2023, "130人次")]);
        var t = LevelTarget(2025, "150人次") with { Plan = plan };
        TimeProgress tp = Tracker.Track(s, t).TimeProgress!;
        Assert.Equal(0.6, tp.ChangeShare, 12);
        Assert.Equal(0.6, tp.TimeShare, 12);
        Assert.True(tp.OnSchedule);
    }

    [Fact]
    public void A_target_in_an_incompatible_unit_is_an_error()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2023, "100人次"), Obs(2024, "104人次")]);
        var t = new Target("arrivals", TargetKind.Level, Period.OfYear(2025), Quantity.Parse("5吨"), TargetComparison.AtLeast, Src);
        Assert.Throws<IncompatibleUnitsException>(() => Tracker.Track(s, t));
        Assert.Throws<AnalyticsException>(() => Tracker.Track(s, t with { IndicatorId = "other" }));
    }

    [Fact]
    public void Without_a_target_the_observed_growth_is_classified()
    {
        var s = IndicatorSeries.Create(Arrivals(), [Obs(2019, "100人次"), Obs(2024, "103人次")]);
        TrackingResult r = Tracker.Track(s);
        Assert.Null(r.Target);
        Assert.Equal(ProgressStatus.FairProgress, r.Status);
    }
}
