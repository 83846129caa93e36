using CsCheck;
using MathNet.Numerics.Distributions;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>
/// <see cref="YearToDateAssessor"/> against values worked by hand: a constructed monthly series with a known
/// seasonal pattern under the seasonal naive model (whose year total is normal with a known variance), scripted
/// paths for the requirement, the as-of cut, and bad input.
/// </summary>
public class YearToDateAssessorTests
{
    private static readonly Indicator Arrivals = new("arrivals", "接待游客", "tourist arrivals", Units.PersonTime, Frequency.Monthly, Direction.HigherIsBetter, IndicatorKind.Flow);

    private static readonly Indicator Quarterly = Arrivals with { Frequency = Frequency.Quarterly };

    /// <summary>The 2022 pattern: Jan 100 … Dec 140, total 1500.</summary>
    private static readonly double[] Pattern = [100, 90, 110, 120, 130, 140, 150, 160, 130, 120, 110, 140];

    /// <summary>
    /// 2022–2025 by month: odd months gain 2 a year, even months lose 2, so every change from the same month a year
    /// before is ±2 and the seasonal naive model's σ² = 4. 2024 totals 1500 (Jan–Sep 1134, Oct–Dec 116 + 114 + 136 = 366).
    /// </summary>
    private static IndicatorSeries Constructed(Period last)
    {
        var obs = new List<Observation>();
        for (Period p = Period.OfMonth(2022, 1); p <= last; p += 1)
        {
            int j = p.SubPeriod, years = p.Year - 2022;
            obs.Add(Level(Arrivals, p, Pattern[j - 1] + ((j % 2 == 1 ? 2 : -2) * years)));
        }

        return IndicatorSeries.Create(Arrivals, obs);
    }

    private static Observation Level(Indicator ind, Period p, double v) =>
        new(ind.Id, p, Measure.Level, Quantity.Of(v, Units.PersonTime), Qualifier.Exact, new Source("test"));

    private static Target Annual(double value, TargetComparison comparison = TargetComparison.AtLeast, TargetKind kind = TargetKind.Level, int year = 2025) =>
        new("arrivals", kind, Period.OfYear(year), Quantity.Of(value, kind == TargetKind.Growth ? Units.Percent : Units.PersonTime), comparison, new Source("test"));

    private static AssessmentOptions Snaive(int paths = 20_000) => new() { Forecaster = new SeasonalNaiveForecaster(), Paths = paths, Seed = 7 };

    [Theory]
    // k = 9: 2025 Jan–Sep = 1130 + 5·6 − 4·6 = 1136; the rest ~ N(366, 3·4): the year ~ N(1502, 12), P(≥ 1500) = Φ(2/√12) = Φ(0.5774) = 0.7181.
    [InlineData(9, 1136, 0.7181)]
    // k = 6: Jan–Jun = 690; the rest ~ N(810, 6·4): the year ~ N(1500, 24), P = Φ(0) = 0.5.
    [InlineData(6, 690, 0.5)]
    // k = 0 (as of December 2024): the year ~ N(1500, 48), P = 0.5.
    [InlineData(0, 0, 0.5)]
    public void Probability_after_k_months_is_the_normal_share_worked_by_hand(int k, double published, double expected)
    {
        Period asOf = Period.OfMonth(2025, 1) + (k - 1);
        YearToDateAssessment a = YearToDateAssessor.Assess(Constructed(Period.OfMonth(2025, 12)), Annual(1500), asOf, Snaive());
        Assert.Equal(k, a.PeriodsPublished);
        Assert.Equal(asOf, a.AsOf);
        Assert.Equal(published, a.PublishedTotal, 9);
        Assert.Equal(1500, a.LastYearTotal!.Value, 9);
        Assert.Equal(expected, a.ProbabilityMet, 0.015);
        Assert.Equal("Seasonal naive", a.Method);
        // The median year is the published total plus last year's remaining months (the model's mean).
        Assert.Equal(k == 9 ? 1502 : 1500, a.Median, 0.15);
        Assert.Equal(Normal.InvCDF(0, 1, 0.9) * Math.Sqrt(4 * (12 - k)), a.Interval80.Upper - a.Median, 0.3);
    }

    /// <summary>
    /// 2021–2025 by month from the 2021 pattern: odd months gain and even months lose 1 in 2022 and 2023, 2 in 2024 and
    /// 2025, so the seasonal naive model's residuals (the changes from the same month a year before) are ±1 in 2022–2023
    /// and ±2 after; every year totals 1500 (six months up, six down).
    /// </summary>
    private static IndicatorSeries Louder(Period last)
    {
        int[] change = [0, 1, 2, 4, 6];
        var obs = new List<Observation>();
        for (Period p = Period.OfMonth(2021, 1); p <= last; p += 1)
        {
            int j = p.SubPeriod;
            obs.Add(Level(Arrivals, p, Pattern[j - 1] + ((j % 2 == 1 ? 1 : -1) * change[p.Year - 2021])));
        }

        return IndicatorSeries.Create(Arrivals, obs);
    }

    [Theory]
    // k = 0 (as of 2024-12): residuals 2022–2024 are 12 × 1², 12 × 1², 12 × 2²: the model's σ² = 72/36 = 2, the last two
    // years' mean square (12 + 48)/24 = 2.5, so each remaining month's variance is 2.5 (not 2): the year ~ N(1500, 12 · 2.5 = 30),
    // P(≥ 1505) = 1 − Φ(5/√30) = 1 − Φ(0.9129) = 0.1807 (0.1537 with σ² = 2); the 80% interval's upper half 1.2816 · √30 = 7.019.
    [InlineData(0, 1505, 0.1807, 7.019)]
    // k = 6 (as of 2025-06): residuals 2022-01 … 2025-06 sum 12 + 12 + 48 + 24 = 96 over 42, the last 24 (2023-07 …)
    // 6 + 48 + 24 = 78: each remaining month's variance 78/24 = 3.25; Jan–Jun 2025 = 690, the year ~ N(1500, 6 · 3.25 = 19.5),
    // P(≥ 1503) = 1 − Φ(3/√19.5) = 1 − Φ(0.6794) = 0.2485 (0.2089 with σ² = 96/42); 1.2816 · √19.5 = 5.659.
    [InlineData(6, 1503, 0.2485, 5.659)]
    public void Paths_take_the_scale_of_the_last_two_years_residuals_worked_by_hand(int k, double target, double expected, double upperHalf80)
    {
        Period asOf = Period.OfMonth(2025, 1) + (k - 1);
        YearToDateAssessment a = YearToDateAssessor.Assess(Louder(Period.OfMonth(2025, 12)), Annual(target), asOf, Snaive());
        Assert.Equal(k == 0 ? 0 : 690, a.PublishedTotal, 9);
        Assert.Equal(expected, a.ProbabilityMet, 0.008);
        Assert.Equal(1500, a.Median, 0.15);
        Assert.Equal(upperHalf80, a.Interval80.Upper - a.Median, 0.2);
    }

    [Fact]
    public void The_requirement_after_nine_months_is_worked_by_hand()
    {
        // 1500 needs 1500 − 1136 = 364 from Oct–Dec, which brought 366 last year: growth 364/366 − 1 = −0.546%.
        YearToDateAssessment a = YearToDateAssessor.Assess(Constructed(Period.OfMonth(2025, 9)), Annual(1500), Period.OfMonth(2025, 9), Snaive(2000));
        Assert.Equal(1134, a.LastYearSamePeriods!.Value, 9);
        Assert.Equal((364.0 / 366) - 1, a.RequiredGrowth!.Value.Lower, 12);
        Assert.Equal(double.PositiveInfinity, a.RequiredGrowth!.Value.Upper);
        Assert.Equal(0, a.ForecastGrowth!.Value, 0.01);
        // The required path: published to September, then 1136 + (last year's total to month j − 1134)·(1 − 0.546%).
        Assert.Equal(1136, a.RequiredTotalAt(9)!.Value, 9);
        Assert.Equal(1500, a.RequiredTotalAt(12)!.Value, 9);
        Assert.Equal(1136 + (116 * 364.0 / 366), a.RequiredTotalAt(10)!.Value, 9);
        Assert.Equal(Period.OfMonth(2025, 10), a.FirstSimulated);
        Assert.Equal(3, a.Totals!.Horizon);
    }

    [Fact]
    public void Scripted_paths_give_the_share_and_requirement_worked_by_hand()
    {
        // Quarterly: 2024 = 10, 20, 30, 40 (100); 2025 Q1 12, Q2 18 (30, the same as last year's 30). Paths of Q3 + Q4:
        // 75, 85, 80, 60 → years 105, 115, 110, 90.
        Observation[] obs = [.. new[] { 10.0, 20, 30, 40, 12, 18 }.Select((v, i) => Level(Quarterly, Period.OfQuarter(2024, 1) + i, v))];
        IndicatorSeries s = IndicatorSeries.Create(Quarterly, obs);
        var script = new ScriptedForecaster { Paths = [[35, 40], [40, 45], [38, 42], [30, 30]] };
        var options = new AssessmentOptions { Forecaster = script, Paths = 4 };
        Period asOf = Period.OfQuarter(2025, 2);

        // ≥ 110: met by 115 and 110 → 0.5; the rest needs 80 against last year's 70: +14.29%; median rest 77.5 → +10.71%.
        YearToDateAssessment floor = YearToDateAssessor.Assess(s, Annual(110), asOf, options);
        Assert.Equal(0.5, floor.ProbabilityMet);
        Assert.Equal((80.0 / 70) - 1, floor.RequiredGrowth!.Value.Lower, 12);
        Assert.Equal((77.5 / 70) - 1, floor.ForecastGrowth!.Value, 12);
        Assert.Equal(107.5, floor.Median, 12);

        // Growth ≥ 10% on last year's 100 is the same target.
        Assert.Equal(0.5, YearToDateAssessor.Assess(s, Annual(10, kind: TargetKind.Growth), asOf, options).ProbabilityMet);

        // ≤ 100: met by 90 only; the rest may grow at most 70/70 − 1 = 0.
        YearToDateAssessment ceiling = YearToDateAssessor.Assess(s, Annual(100, TargetComparison.AtMost), asOf, options);
        Assert.Equal(0.25, ceiling.ProbabilityMet);
        Assert.Equal(new Interval(double.NegativeInfinity, 0), ceiling.RequiredGrowth);

        // About 110 ± 5: met by 105, 115 and 110; the rest needs 75 to 85: −7.14% to +21.43%.
        YearToDateAssessment band = YearToDateAssessor.Assess(s, Annual(110, TargetComparison.About) with { Tolerance = 5 }, asOf, options);
        Assert.Equal(0.75, band.ProbabilityMet);
        Assert.Equal((75.0 / 70) - 1, band.RequiredGrowth!.Value.Lower, 12);
        Assert.Equal((85.0 / 70) - 1, band.RequiredGrowth!.Value.Upper, 12);
    }

    [Fact]
    public void As_of_never_reads_a_later_figure()
    {
        // The full series runs to December 2025, with a wild October; as of September the model sees only up to September.
        var script = new ScriptedForecaster { Paths = [[120, 110, 140]] };
        var options = new AssessmentOptions { Forecaster = script, Paths = 1 };
        IndicatorSeries full = IndicatorSeries.Create(Arrivals, [.. Constructed(Period.OfMonth(2025, 12)).Select(o => o.Period == Period.OfMonth(2025, 10) ? Level(Arrivals, o.Period, 1e9) : o)]);
        YearToDateAssessment a = YearToDateAssessor.Assess(full, Annual(1500), Period.OfMonth(2025, 9), options);
        // Two fits: the model's form on the history before 2025 (36 months), then everything to September (45).
        Assert.Equal([36, 45], script.Seen.Select(h => h.Length));
        Assert.All(script.Seen, h => Assert.DoesNotContain(1e9, h));
        double[] seen = script.Seen[^1];
        Assert.Equal(Pattern[8] + 6, seen[^1]);
        YearToDateAssessment cut = YearToDateAssessor.Assess(Constructed(Period.OfMonth(2025, 9)), Annual(1500), Period.OfMonth(2025, 9), options);
        Assert.Equal((cut.ProbabilityMet, cut.Median, cut.PublishedTotal, cut.RequiredGrowth, cut.AsOf), (a.ProbabilityMet, a.Median, a.PublishedTotal, a.RequiredGrowth, a.AsOf));
        Assert.Equal(cut.LastYearTotals.ToArray(), a.LastYearTotals.ToArray());
        // The scripted 370 for Oct–Dec against last year's 366, with a long-run growth of 0 (every year 1500), is tempered
        // (YearToDateAssessor.Temper) to 370 · (366/370)^0.1.
        Assert.Equal(1136 + (370 * Math.Pow(366.0 / 370, 0.1)), a.Median, 9);
    }

    [Fact]
    public void A_year_published_in_full_is_judged_on_its_total()
    {
        YearToDateAssessment a = YearToDateAssessor.Assess(Constructed(Period.OfMonth(2025, 12)), Annual(1500), Period.OfMonth(2026, 3), Snaive(10));
        Assert.Equal((12, 1500.0, 1.0, "published"), (a.PeriodsPublished, a.PublishedTotal, a.ProbabilityMet, a.Method));
        Assert.Null(a.Totals);
        Assert.Null(a.RequiredGrowth);
        Assert.Equal(0, YearToDateAssessor.Assess(Constructed(Period.OfMonth(2025, 12)), Annual(1501), Period.OfMonth(2025, 12), Snaive(10)).ProbabilityMet);
    }

    [Fact]
    public void A_month_missing_in_the_middle_of_the_year_is_an_error_naming_indicator_and_period()
    {
        IndicatorSeries s = IndicatorSeries.Create(Arrivals, Constructed(Period.OfMonth(2025, 6)).Where(o => o.Period != Period.OfMonth(2025, 3)));
        var e = Assert.Throws<AnalyticsException>(() => YearToDateAssessor.Assess(s, Annual(1500), Period.OfMonth(2025, 6), Snaive(10)));
        Assert.Equal("arrivals 2025-03: no value, but 2025 is published up to 2025-06; the year-to-date total of 2025 cannot be formed", e.Message);
    }

    [Fact]
    public void A_gap_in_an_earlier_year_is_filled_for_the_model_with_a_note()
    {
        IndicatorSeries s = IndicatorSeries.Create(Arrivals, Constructed(Period.OfMonth(2025, 6)).Where(o => o.Period != Period.OfMonth(2022, 5)));
        YearToDateAssessment a = YearToDateAssessor.Assess(s, Annual(1500), Period.OfMonth(2025, 6), Snaive(10));
        Assert.Equal("gaps 2022-05 filled by log-linear interpolation for the model", Assert.Single(a.Notes));
    }

    [Theory]
    [InlineData("level", "arrivals: year-to-date judging sums the periods of a year, which needs a flow; arrivals is a level indicator")]
    [InlineData("monthly-deadline", "arrivals target 2025-12: an annual target's deadline is a year (2025), not a monthly period")]
    [InlineData("share", "arrivals target 2025: a share target is not judged from year-to-date data (level and growth targets are)")]
    [InlineData("quarter", "arrivals: as-of period 2025-Q3 is not a monthly period")]
    public void Bad_input_is_an_error_naming_the_indicator(string what, string message)
    {
        IndicatorSeries s = Constructed(Period.OfMonth(2025, 6));
        Target t = Annual(1500);
        Period asOf = Period.OfMonth(2025, 6);
        switch (what)
        {
            case "level":
                s = IndicatorSeries.Create(Arrivals with { Kind = IndicatorKind.Level }, s);
                break;
            case "monthly-deadline":
                t = t with { Deadline = Period.OfMonth(2025, 12) };
                break;
            case "share":
                t = t with { Kind = TargetKind.Share };
                break;
            default:
                asOf = Period.OfQuarter(2025, 3);
                break;
        }

        var e = Assert.Throws<AnalyticsException>(() => YearToDateAssessor.Assess(s, t, asOf, Snaive(10)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_growth_target_needs_last_years_periods()
    {
        IndicatorSeries s = IndicatorSeries.Create(Arrivals, Constructed(Period.OfMonth(2025, 6)).Where(o => o.Period >= Period.OfMonth(2024, 3)));
        var e = Assert.Throws<AnalyticsException>(() => YearToDateAssessor.Assess(s, Annual(5, kind: TargetKind.Growth), Period.OfMonth(2025, 6), Snaive(10)));
        Assert.Equal("arrivals 2024-01: a growth target for 2025 needs every period of 2024, and the series starts at 2024-03", e.Message);
    }

    [Fact]
    public void The_accepted_interval_is_the_met_rule() =>
        Gen.Select(Gen.Double[-1000, 1000], Gen.Double[0, 50], Gen.Int[0, 2], Gen.Double[-2000, 2000]).SamplePinned((goal, tolerance, side, x) =>
        {
            var comparison = (TargetComparison)side;
            Target t = Annual(goal, comparison) with { Tolerance = tolerance };
            var judge = YearToDateAssessor.Judgement(Arrivals, t);
            Interval accepted = judge.MetInterval;
            Assert.Equal(t.Rule(Arrivals).IsMetBy(x), judge.IsMet(x));

            // Away from its ends (the rule allows 1e-9 of the bound for binary rounding) the interval is the rule.
            double slack = 2e-9 * Math.Max(1, Math.Abs(goal));
            if (Math.Abs(x - accepted.Lower) > slack && Math.Abs(x - accepted.Upper) > slack)
                Assert.Equal(judge.IsMet(x), x >= accepted.Lower && x <= accepted.Upper);
        }, seed: "0ytd00metrul");

    [Fact]
    public void The_months_of_a_year_fit_the_ets_form_selected_before_it()
    {
        // Automatic ETS selects a form on the history before the year; the year's fits estimate that form only.
        double[] before = [.. Constructed(Period.OfMonth(2024, 12)).Select(o => o.Value.Value)];
        var auto = new Analytics.Forecasting.Ets.EtsForecaster();
        var selected = (Analytics.Forecasting.Ets.EtsFittedModel)auto.Fit(before, 12);
        var pinned = Assert.IsType<Analytics.Forecasting.Ets.EtsForecaster>(YearToDateAssessor.ForYear(auto, selected));
        Assert.Equal(selected.Method, pinned.Fit(before, 12).Method);
        Assert.Equal(selected.Model.Code, pinned.Options.Model);
        var theta = new Analytics.Forecasting.Theta.ThetaForecaster();
        Assert.Same(theta, YearToDateAssessor.ForYear(theta, theta.Fit(before, 12)));
    }

    [Fact]
    public void The_forecast_growth_is_tempered_with_the_long_run_growth_worked_by_hand()
    {
        // Quarterly: three years totalling 100, 110, 132 (growth ln 1.1 and ln 1.2, whose median is their mean
        // (ln 1.1 + ln 1.2)/2 = ln √1.32), then Q1 of the year published (k = 1). The paths forecast Q2–Q4 at 1.5 × last
        // year's 33 + 33 + 33 = 99: g = ln 1.5; every value is multiplied by exp(0.1 · (ln √1.32 − ln 1.5)) = (√1.32 / 1.5)^0.1.
        double[] history = [25, 25, 25, 25, 27.5, 27.5, 27.5, 27.5, 33, 33, 33, 33, 40];
        double[] paths = [49.5, 49.5, 49.5, 40, 50, 58.5];
        YearToDateAssessor.Temper(paths, history, 4, 3);
        double factor = Math.Pow(Math.Sqrt(1.32) / 1.5, 0.1);
        Assert.Equal(
            [49.5 * factor, 49.5 * factor, 49.5 * factor, 40 * factor, 50 * factor, 58.5 * factor],
            paths, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(0.9737, factor, 4);
    }

    [Theory]
    // Fewer than two whole years before the year; a year not yet begun (steps > m); a year total not positive.
    [InlineData(new double[] { 10, 10, 10, 10, 11, 11, 11 }, 4, 1)]
    [InlineData(new double[] { 10, 10, 10, 10, 11, 11, 11, 11, 12, 12 }, 4, 6)]
    [InlineData(new double[] { 0, 0, 0, 0, 11, 11, 11, 11, 12 }, 4, 3)]
    public void Paths_stay_as_they_are_without_a_long_run_growth(double[] history, int m, int steps)
    {
        double[] paths = [.. Enumerable.Range(1, steps * 3).Select(i => 10.0 + i)];
        double[] before = [.. paths];
        YearToDateAssessor.Temper(paths, history, m, steps);
        Assert.Equal(before, paths);
    }
}
