using CsCheck;
using Zhibiao.Analytics.Extraction;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Targets;

namespace Zhibiao.Analytics.Tests.Probability;

public sealed class ThinHistoryAssessorTests
{
    private static TargetChance? Assess(Target target, double? latest, double? average, IReadOnlyList<double> changes, double averageWeight = 0.5)
    {
        Indicator ind = ReportIndicators.Find(target.IndicatorId)!.Indicator;
        Observation? last = latest is { } l ? new Observation(ind.Id, target.Deadline - 1, Measure.Level, Quantity.Of(l, ind.Unit), Qualifier.Exact, Source.Computed) : null;
        Observation? avg = average is { } a
            ? new Observation(ind.Id, target.Deadline - 1, Measure.Level, Quantity.Of(a, ind.Unit), Qualifier.Exact, Source.Computed) { Plan = new PlanPeriod(target.Deadline - 5, target.Deadline - 1) }
            : null;
        var series = IndicatorSeries.Create(ind, last is null ? [] : [last]);
        var evidence = new TargetEvidence(target, series, Tracker.Track(series, target)) { Average = avg };
        return new ThinHistoryAssessor((_, _) => changes, new ThinHistoryOptions { AverageWeight = averageWeight }).Assess(evidence);
    }

    private static Target Gdp(double value) => TargetRuleTests.Stated("gdp_growth", value, TargetWording.About) with { Deadline = Period.OfYear(2026) };

    [Fact]
    public void The_forecast_is_a_student_t_around_last_year_with_the_pooled_scale()
    {
        // changes ±1 → scale √((1 + 1)/2) = 1, ν = 1 (Cauchy); 5%左右 is met from 4.9%; latest 5.4%:
        // P = 1 − F(−0.5) = 1/2 + atan(0.5)/π = 0.6475836 (worked by hand).
        Assert.Equal(0.6475836, Assess(Gdp(5), 5.4, null, [1, -1], 0)!.Probability, 6);
        // the five-year average pulls the centre: (5.4 + 4.4) / 2 = 4.9 → exactly at the threshold, P = 1/2
        Assert.Equal(0.5, Assess(Gdp(5), 5.4, 4.4, [1, -1])!.Probability, 9);
    }

    [Fact]
    public void Without_history_or_changes_it_has_nothing_to_say()
    {
        Assert.Null(Assess(Gdp(5), null, null, [1, -1]));
        Assert.Null(Assess(Gdp(5), 5.4, null, [1]));
    }

    [Fact]
    public void Jobs_change_in_log_units()
    {
        Target jobs = TargetRuleTests.Stated("urban_new_jobs", 500_000, TargetWording.AtLeast) with { Deadline = Period.OfYear(2026) };
        // ln(500000/500000) = 0 → P = 1/2 whatever the scale
        Assert.Equal(0.5, Assess(jobs, 500_000, null, [0.1, -0.1, 0.05])!.Probability, 9);
    }

    [Fact]
    public void P_met_rises_with_last_year_for_a_higher_is_better_target() =>
        Gen.Double[-5, 15].Select(Gen.Double[0, 3]).SamplePinned((latest, step) =>
        {
            double low = Assess(Gdp(5), latest, null, [0.8, -1.2, 0.5], 0)!.Probability;
            double high = Assess(Gdp(5), latest + step, null, [0.8, -1.2, 0.5], 0)!.Probability;
            return high >= low - 1e-12;
        }, seed: "0thin0rises0");
}
