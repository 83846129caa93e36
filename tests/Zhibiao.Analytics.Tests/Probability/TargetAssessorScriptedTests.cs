using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>
/// <see cref="TargetAssessor"/> on paths written by hand (<see cref="ScriptedForecaster"/>), so every figure of the
/// assessment is worked out below. The four paths run from 2019 (latest level 100) to the deadline 2021:
/// step 1 (2020) 95, 100, 105, 110 and step 2 (2021) 90, 100, 110, 120.
/// </summary>
public class TargetAssessorScriptedTests
{
    private static readonly Source Src = new("test");

    private static readonly Indicator Flow = new("x", "指标", "indicator", Zhibiao.Analytics.Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static readonly double[][] FourPaths = [[95, 90], [100, 100], [105, 110], [110, 120]];

    private static ScriptedForecaster Model(params double[][] paths) => new() { Paths = paths };

    private static AssessmentOptions Options(IForecaster model, int paths = 4) => new() { Forecaster = model, Paths = paths };

    private static Observation Obs(Indicator ind, Period p, double v, Qualifier q = Qualifier.Exact) =>
        new(ind.Id, p, Measure.Level, Quantity.Of(v, ind.Unit), q, Src);

    /// <summary>Five exact yearly values 2015..2019 (five values: enough for the model), the last one <paramref name="latest"/>.</summary>
    private static IndicatorSeries Series(double latest = 100, Indicator? ind = null)
    {
        ind ??= Flow;
        return IndicatorSeries.Create(ind, Enumerable.Range(0, 5).Select(i => Obs(ind, Period.OfYear(2015 + i), i == 4 ? latest : 100)));
    }

    private static Target Level(TargetComparison c, double value, int year = 2021) =>
        new("x", TargetKind.Level, Period.OfYear(year), Quantity.Of(value, Zhibiao.Analytics.Units.Tonne), c, Src);

    [Fact]
    public void At_least_counts_the_paths_at_or_above_the_goal_and_averages_margin_and_shortfall()
    {
        // Judged 90, 100, 110, 120 against ≥ 100: met 3 of 4 (100 counts); margins −10, 0, 10, 20 → 5;
        // shortfalls 10, 0, 0, 0 → 2.5; median (type 7) 105, 80% band 93..117 (positions 0.3 and 2.7);
        // growth per year (105/100)^(1/2) − 1.
        TargetAssessment a = TargetAssessor.Assess(Series(), Level(TargetComparison.AtLeast, 100), Options(Model(FourPaths)));
        Assert.Equal(0.75, a.ProbabilityMet, 12);
        Assert.Equal(Likelihood.Likely, a.Likelihood);
        Assert.Equal(2, a.Steps);
        Assert.Equal(105, a.Median, 9);
        Assert.Equal(93, a.Interval80.Lower, 9);
        Assert.Equal(117, a.Interval80.Upper, 9);
        Assert.Equal(5, a.ExpectedMargin, 9);
        Assert.Equal(2.5, a.ExpectedShortfall, 9);
        Assert.Equal(Math.Sqrt(1.05) - 1, a.ForecastGrowth, 12);
        Assert.Equal("scripted method", a.Method);
        Assert.DoesNotContain(a.Notes, n => n.Contains("gaps", StringComparison.Ordinal) || n.Contains("histories", StringComparison.Ordinal));
    }

    [Fact]
    public void At_most_counts_the_paths_at_or_below_the_goal_with_the_margin_turned_round()
    {
        // Judged 90, 100, 110, 120 against ≤ 100: met 2 of 4; margins goal − x = 10, 0, −10, −20 → −5; shortfalls 0, 0, 10, 20 → 7.5.
        TargetAssessment a = TargetAssessor.Assess(Series(), Level(TargetComparison.AtMost, 100), Options(Model(FourPaths)));
        Assert.Equal(0.5, a.ProbabilityMet, 12);
        Assert.Equal(-5, a.ExpectedMargin, 9);
        Assert.Equal(7.5, a.ExpectedShortfall, 9);
    }

    [Fact]
    public void About_counts_the_paths_within_the_tolerance_converted_to_the_indicators_unit()
    {
        // Goal 100000 公斤 = 100 吨, tolerance 10000 公斤 = 10 吨: |x − 100| = 10, 0, 10, 20 → met 3 of 4 (10 counts);
        // margin 10 − |x − goal| = 0, 10, 0, −10 → 0; shortfall max(0, |x − goal| − 10) = 0, 0, 0, 10 → 2.5.
        var t = new Target("x", TargetKind.Level, Period.OfYear(2021), Quantity.Of(100000, Zhibiao.Analytics.Units.Kilogram), TargetComparison.About, Src) { Tolerance = 10000 };
        TargetAssessment a = TargetAssessor.Assess(Series(), t, Options(Model(FourPaths)));
        Assert.Equal(100, a.Goal, 9);
        Assert.Equal(0.75, a.ProbabilityMet, 12);
        Assert.Equal(0, a.ExpectedMargin, 9);
        Assert.Equal(2.5, a.ExpectedShortfall, 9);
    }

    [Fact]
    public void Growth_targets_judge_the_last_steps_growth_with_the_tolerance_in_points()
    {
        // Step 1 is 110 on every path, step 2 is 110 × 1.045, 1.05, 1.058, 1.07: growths 4.5%, 5%, 5.8%, 7%
        // (from step 1, not from the latest level 100). About 5% ± 1 point: met 3 of 4; median growth (5 + 5.8)/2 = 5.4%.
        double[][] paths = [[110, 110 * 1.045], [110, 110 * 1.05], [110, 110 * 1.058], [110, 110 * 1.07]];
        var t = new Target("x", TargetKind.Growth, Period.OfYear(2021), Quantity.Parse("5%"), TargetComparison.About, Src) { Tolerance = 1 };
        TargetAssessment a = TargetAssessor.Assess(Series(), t, Options(Model(paths)));
        Assert.Equal(0.75, a.ProbabilityMet, 12);
        Assert.Equal(0.054, a.Median, 9);
        Assert.Equal(0.054, a.ForecastGrowth, 9);
    }

    [Fact]
    public void Cumulative_targets_add_the_simulated_years_inside_the_plan()
    {
        // Plan 2020-2021 right after the latest year 2019: totals 95 + 90, 100 + 100, 105 + 110, 110 + 120 = 185, 200, 215, 230.
        var plan = PlanPeriod.Parse("2020-2021");
        var t = new Target("x", TargetKind.Cumulative, plan.End, Quantity.Of(200, Zhibiao.Analytics.Units.Tonne), TargetComparison.AtLeast, Src) { Plan = plan };
        TargetAssessment a = TargetAssessor.Assess(Series(), t, Options(Model(FourPaths)));
        Assert.Equal(0.75, a.ProbabilityMet, 12);
        Assert.Equal(207.5, a.Median, 9);
        Assert.True(double.IsNaN(a.ForecastGrowth));
    }

    [Fact]
    public void Forecast_growth_is_per_year_for_quarterly_indicators()
    {
        // Two quarters to the deadline are half a year: (105/100)^(1/0.5) − 1 = 10.25% a year.
        var q = Flow with { Frequency = Frequency.Quarterly };
        var s = IndicatorSeries.Create(q, Enumerable.Range(0, 5).Select(i => Obs(q, Period.OfQuarter(2018, 1) + i, 100)));
        var t = new Target("x", TargetKind.Level, Period.OfQuarter(2019, 3), Quantity.Of(100, Zhibiao.Analytics.Units.Tonne), TargetComparison.AtLeast, Src);
        TargetAssessment a = TargetAssessor.Assess(s, t, Options(Model(FourPaths)));
        Assert.Equal(0.1025, a.ForecastGrowth, 12);
    }

    [Fact]
    public void Forecast_growth_of_a_share_is_in_points_per_year()
    {
        // A share at 30 (%) with a median of 31 two years on: (31 − 30)/2 = 0.5 points a year.
        var share = new Indicator("x", "比重", "share", Zhibiao.Analytics.Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Share);
        var s = IndicatorSeries.Create(share, Enumerable.Range(0, 5).Select(i => Obs(share, Period.OfYear(2015 + i), 30)));
        var t = new Target("x", TargetKind.Level, Period.OfYear(2021), Quantity.Of(31, Zhibiao.Analytics.Units.Percent), TargetComparison.AtLeast, Src);
        TargetAssessment a = TargetAssessor.Assess(s, t, Options(Model([30, 29], [30, 30.5], [30, 31.5], [30, 33])));
        Assert.Equal(31, a.Median, 9);
        Assert.Equal(0.5, a.ForecastGrowth, 9);
    }

    [Theory]
    [InlineData(-100)]
    [InlineData(0)]
    public void Forecast_growth_is_undefined_from_a_level_that_is_not_positive(double latest)
    {
        // One step to 2020 with a median of 50: a growth rate from −100 or 0 has no meaning.
        TargetAssessment a = TargetAssessor.Assess(Series(latest), Level(TargetComparison.AtLeast, 40, 2020), Options(Model([50])));
        Assert.Equal(50, a.Median, 12);
        Assert.True(double.IsNaN(a.ForecastGrowth), $"{a.ForecastGrowth}");
    }

    [Fact]
    public void Five_values_are_enough_for_the_model_and_a_model_that_cannot_fit_gives_way_to_the_log_random_walk()
    {
        var refusing = new ScriptedForecaster { Refuse = "too short" };
        TargetAssessment a = TargetAssessor.Assess(Series(), Level(TargetComparison.AtLeast, 100), Options(refusing, 10));
        Assert.Equal("Log random walk with drift", a.Method);
        Assert.Contains("scripted could not fit (too short): log random walk with drift instead", a.Notes);
        Assert.Equal("scripted method", TargetAssessor.Assess(Series(), Level(TargetComparison.AtLeast, 100), Options(Model(FourPaths))).Method);
    }

    [Fact]
    public void Assess_and_simulate_agree_step_by_step()
    {
        // The judged level at the deadline is step 2 of each path, as Simulate gives it.
        IndicatorPaths fan = TargetAssessor.Simulate(Series(), 2, Options(Model(FourPaths)));
        Assert.Equal(4, fan.Paths.Count);
        Assert.Equal(102.5, fan.Quantile(1, 0.5), 12);
        Assert.Equal(105, fan.Quantile(2, 0.5), 12);
        Assert.Equal(110, fan.Paths[2, 2], 12);
    }

    [Fact]
    public void Exact_figures_give_exactly_the_paths_asked_for_from_one_history()
    {
        var model = Model(FourPaths);
        IndicatorPaths fan = TargetAssessor.Simulate(Series(), 2, new AssessmentOptions { Forecaster = model, Paths = 10, Histories = 40 });
        Assert.Equal(10, fan.Paths.Count);
        Assert.Single(model.Seen);
        Assert.Equal("scripted method", fan.Method);
        Assert.Empty(fan.Notes);
    }

    [Fact]
    public void One_qualified_figure_makes_every_history_a_draw_within_the_figures_intervals()
    {
        // 2019 "more than 100" with width 0.05 lies in [100, 105]; the exact figures stay as they are.
        IndicatorSeries s = IndicatorSeries.Create(Flow, Enumerable.Range(0, 5).Select(i => Obs(Flow, Period.OfYear(2015 + i), 100, i == 4 ? Qualifier.MoreThan : Qualifier.Exact)));
        var model = Model(FourPaths);
        IndicatorPaths fan = TargetAssessor.Simulate(s, 2, new AssessmentOptions { Forecaster = model, Paths = 6, Histories = 3 });
        Assert.Equal(6, fan.Paths.Count);
        Assert.Equal(3, model.Seen.Count);
        Assert.All(model.Seen, v =>
        {
            Assert.Equal([100, 100, 100, 100], v[..4]);
            Assert.InRange(v[4], 100, 105);
        });
        Assert.Contains("qualified or rounded figures enter as intervals: 3 histories drawn from them", fan.Notes);
    }

    [Fact]
    public void A_gap_in_positive_values_is_filled_log_linearly_before_the_fit()
    {
        // 2017 missing between 110 and 133.1: the geometric mean 121 (linear would give 121.55). A filled value is
        // "about" its interpolation; with a qualifier width of 0 it is taken at face value, so one history is fitted.
        double[] v = [100, 110, 133.1, 146.41];
        int[] years = [2015, 2016, 2018, 2019];
        IndicatorSeries s = IndicatorSeries.Create(Flow, years.Select((y, i) => Obs(Flow, Period.OfYear(y), v[i])));
        var model = Model(FourPaths);
        // Four real observations (filled gaps do not count toward the model's minimum): the model fits from four here.
        TargetAssessment a = TargetAssessor.Assess(s, Level(TargetComparison.AtLeast, 100), Options(model) with { QualifierWidth = 0, MinimumForModel = 4 });
        Assert.Equal(121, model.Seen.Single()[2], 9);
        Assert.Contains("gaps 2017 filled by log-linear interpolation for the forecast", a.Notes);
    }

    [Fact]
    public void A_gap_beside_a_zero_is_filled_linearly()
    {
        // 0, 10, (2017), 30, (2019), 50: not all positive, so the straight line gives 20 and 40.
        double[] v = [0, 10, 30, 50];
        int[] years = [2015, 2016, 2018, 2020];
        IndicatorSeries s = IndicatorSeries.Create(Flow, years.Select((y, i) => Obs(Flow, Period.OfYear(y), v[i])));
        var model = Model(FourPaths);
        IndicatorPaths fan = TargetAssessor.Simulate(s, 2, Options(model) with { QualifierWidth = 0, MinimumForModel = 4 });
        double[] seen = model.Seen.Single();
        Assert.Equal(20, seen[2], 9);
        Assert.Equal(40, seen[4], 9);
        Assert.Contains("gaps 2017, 2019 filled by linear interpolation for the forecast", fan.Notes);
    }

    [Fact]
    public void Simulate_refuses_what_it_cannot_simulate_and_names_the_indicator()
    {
        var empty = IndicatorSeries.Create(Flow, []);
        Assert.Equal("x: no observations", Assert.Throws<AnalyticsException>(() => TargetAssessor.Simulate(empty, 1)).Message);
        Assert.Equal("x: no observations", Assert.Throws<AnalyticsException>(() => TargetAssessor.Assess(empty, Level(TargetComparison.AtLeast, 1))).Message);
        IndicatorSeries one = IndicatorSeries.Create(Flow, [Obs(Flow, Period.OfYear(2019), 100)]);
        Assert.Contains("x: a forecast needs at least two observations", Assert.Throws<AnalyticsException>(() => TargetAssessor.Simulate(one, 1)).Message, StringComparison.Ordinal);
        Assert.Equal($"x: horizon must be between 1 and {ForecastLimits.MaxHorizon}, not {ForecastLimits.MaxHorizon + 1}",
            Assert.Throws<AnalyticsException>(() => TargetAssessor.Simulate(Series(), ForecastLimits.MaxHorizon + 1)).Message);
    }

    [Fact]
    public void Simulate_accepts_two_values_and_the_longest_horizon()
    {
        IndicatorSeries two = IndicatorSeries.Create(Flow, [Obs(Flow, Period.OfYear(2018), 100), Obs(Flow, Period.OfYear(2019), 110)]);
        Assert.Equal(1, TargetAssessor.Simulate(two, 1, new AssessmentOptions { Paths = 1 }).Paths.Count);
        Assert.Equal(ForecastLimits.MaxHorizon, TargetAssessor.Simulate(Series(), ForecastLimits.MaxHorizon, Options(Model([1]), 1)).Horizon);
    }

    [Fact]
    public void A_single_value_is_refused_before_the_targets_unit_is_looked_at()
    {
        // The checks come in the order they are documented: the series first, then the target.
        IndicatorSeries one = IndicatorSeries.Create(Flow, [Obs(Flow, Period.OfYear(2019), 100)]);
        var wrongUnit = new Target("x", TargetKind.Level, Period.OfYear(2021), Quantity.Parse("5千瓦"), TargetComparison.AtLeast, Src);
        var e = Assert.Throws<AnalyticsException>(() => TargetAssessor.Assess(one, wrongUnit));
        Assert.Contains("x: a probability needs at least two observations", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tracking_result_without_a_target_cannot_be_assessed()
    {
        TrackingResult untargeted = Tracker.Track(Series());
        var e = Assert.Throws<ArgumentException>(() => TargetAssessor.AssessTracked(Series(), untargeted, AssessmentOptions.Default));
        Assert.Contains("the tracking result has no target", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_of_another_frequency_is_refused()
    {
        var t = new Target("x", TargetKind.Level, Period.OfQuarter(2021, 1), Quantity.Of(100, Zhibiao.Analytics.Units.Tonne), TargetComparison.AtLeast, Src);
        var e = Assert.Throws<AnalyticsException>(() => TargetAssessor.Assess(Series(), t, Options(Model(FourPaths))));
        Assert.Equal("x: target deadline 2021-Q1 is not a yearly period", e.Message);
    }

    [Fact]
    public void The_interval_of_a_figure_follows_its_qualifier()
    {
        // Width 0.05 of 100: "nearly" [95, 100], "about" ±2.5, a derived figure its derivation's bounds.
        Observation o = Obs(Flow, Period.OfYear(2019), 100);
        Assert.Equal(new Interval(95, 100), TargetAssessor.Bounds(o with { Qualifier = Qualifier.Nearly }, 0.05));
        Assert.Equal(new Interval(97.5, 102.5), TargetAssessor.Bounds(o with { Qualifier = Qualifier.Approx }, 0.05));
        Assert.Equal(new Interval(90, 110), TargetAssessor.Bounds(o with { Derivation = new Derivation("sum", new Interval(90, 110)) }, 0.05));
        Assert.Equal(new Interval(100, 100), TargetAssessor.Bounds(o, 0.05));
    }
}
