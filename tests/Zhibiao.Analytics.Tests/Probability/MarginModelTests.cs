using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>The margin model on constructed records, and the pooling worked by hand.</summary>
public sealed class MarginModelTests
{
    private static readonly Indicator Rate = new("x", "某率", "a rate", Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Rate);

    /// <summary>A setter's record: a floor of 5% every year from 2000, outcome 5% + margin(year); the year-to-year changes are the margins'.</summary>
    internal static Dataset Record(Func<int, double> margin, int from = 2000, int to = 2020, Indicator? indicator = null)
    {
        Indicator ind = indicator ?? Rate;
        var obs = new List<Observation>();
        var targets = new List<Target>();
        for (int y = from; y <= to; y++)
        {
            obs.Add(new Observation(ind.Id, Period.OfYear(y), Measure.Level, Quantity.Of(5 + margin(y), ind.Unit), Qualifier.Exact, new Source("r")) { Vintage = Period.OfYear(y + 1) });
            targets.Add(new Target(ind.Id, TargetKind.Level, Period.OfYear(y), Quantity.Of(5, ind.Unit), TargetComparison.AtLeast, new Source("r")) { IsMain = true });
        }

        return new Dataset([ind], obs, [], targets);
    }

    private static double P(Dataset data, int year, MarginModelOptions? options = null) =>
        MarginModel.Assess("x", year, "", TargetRecord.Of(data, "test"), options)!.Probability;

    [Fact]
    public void A_setter_who_always_beats_by_half_a_point_meets_a_target_it_set_the_same_way()
    {
        // margins 0.5 ± 0.2: the changes between years are at most 0.4, so every margin is above one scale unit
        Dataset d = Record(y => 0.5 + (0.2 * Math.Sin(y)));
        Assert.True(P(d, 2021) > 0.95, $"P = {P(d, 2021)}");
    }

    [Fact]
    public void A_setter_whose_margins_trend_to_zero_is_about_as_likely_as_not_to_meet_the_next()
    {
        // margins fall from 1 point in 2000 to 0 by 2005 and stay around 0 (±0.2) to 2020
        Dataset d = Record(y => y <= 2005 ? 0.2 * (2005 - y) : 0.2 * Math.Sin(y));
        double p = P(d, 2021);
        Assert.InRange(p, 0.4, 0.7);
        // recency matters: weighing all years alike, the early wide margins make it look safer
        Assert.True(P(d, 2021, new MarginModelOptions { HalfLife = double.PositiveInfinity }) > p);
    }

    [Fact]
    public void Only_outcomes_published_before_the_year_count()
    {
        Dataset d = Record(y => 0.5);
        TargetRecord r = TargetRecord.Of(d, "test");
        // the 2010 outcome is published in 2011 (its vintage): a 2011 target sees 2000–2010, a 2010 target 2000–2009
        Assert.Equal(11, r.KnownBy(2011).Targets.Count);
        Assert.Equal(10, r.KnownBy(2010).Targets.Count);
        Assert.Null(MarginModel.Assess("x", 2000, "", r));
    }

    [Fact]
    public void Another_governments_record_answers_with_more_spread()
    {
        Dataset d = Record(y => 0.3 + (0.3 * Math.Sin(y)));
        TargetRecord r = TargetRecord.Of(d, "test", "national");
        double own = MarginModel.Assess("x", 2021, "national", r)!.Probability;
        double other = MarginModel.Assess("x", 2021, "a province", r)!.Probability;
        Assert.True(other < own && other > 0.5, $"own {own}, other {other}");
    }

    [Fact]
    public void Standardised_margins_are_worked_by_hand()
    {
        // a floor at 7.4 (7.5%左右), outcome 7.7, scale 0.6 points: (7.7 − 7.4) / 0.6 = 0.5
        Assert.Equal(0.5, MarginScale.Standardised(new TargetRule(TargetComparison.AtLeast, 7.5, 0.1), 7.7, 0.6, points: true), 12);
        // a ceiling of 1000万人 for a level in log units: ln(1000/900) / 0.05
        Assert.Equal(Math.Log(1000.0 / 900) / 0.05, MarginScale.Standardised(new TargetRule(TargetComparison.AtMost, 1000, 0), 900, 0.05, points: false), 12);
        // the scale of a history: √(mean of squared changes between consecutive years) = √((1 + 4) / 2)
        var s = IndicatorSeries.Create(Rate, [Obs(2001, 5), Obs(2002, 6), Obs(2003, 4), Obs(2005, 9)]);
        Target t = new("x", TargetKind.Level, Period.OfYear(2006), Quantity.Of(5, Units.Percent), TargetComparison.AtLeast, new Source("r"));
        Assert.Equal(Math.Sqrt(2.5), MarginScale.Of(Rate, t, s), 12);
        Assert.Equal(1, MarginScale.Of(Rate, t, IndicatorSeries.Create(Rate, [Obs(2001, 5)])), 12);
    }

    [Fact]
    public void The_spread_is_the_margins_about_their_own_indicators_mean_not_the_distance_between_indicators()
    {
        // x beats its floor by 0.5 ± 0.2; y, another indicator, misses its own by 0.5 ± 0.2 (far from x's mean, as steady).
        var y = new Indicator("y", "另一率", "another rate", Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Rate);
        Dataset alone = Record(t => 0.5 + (0.2 * Math.Sin(t)));
        Dataset other = Record(t => -0.5 + (0.2 * Math.Cos(t)), indicator: y);
        Dataset both = new([.. alone.Indicators, .. other.Indicators], [.. alone.Observations, .. other.Observations], [], [.. alone.TargetHistory, .. other.TargetHistory]);
        // pooled (κ 4), x's mean margin moves toward the record's, but y's margins only add evidence of how much margins vary about
        // their mean: x's P hardly moves (a spread about the grand mean would take it toward ½)
        var own = new MarginModelOptions { Strength = 4, HalfLife = double.PositiveInfinity };
        Assert.InRange(P(both, 2021, own) - P(alone, 2021, own), -0.05, 0.05);
        Assert.True(P(alone, 2021, own) > 0.9, $"alone {P(alone, 2021, own)}");
    }

    [Fact]
    public void A_target_known_only_by_a_verdict_counts_by_its_sign()
    {
        // 2000–2020 met by 0.5 ± 0.2; a 2021 target whose figure the 2022 report leaves out but says it was missed (or met)
        Dataset d = Record(y => 0.5 + (0.2 * Math.Sin(y)));
        Target t2021 = new("x", TargetKind.Level, Period.OfYear(2021), Quantity.Of(5, Units.Percent), TargetComparison.AtLeast, new Source("r")) { IsMain = true };
        Dataset With(bool met) => new(d.Indicators, d.Observations, [], [.. d.TargetHistory, t2021])
        {
            Verdicts = [new ReportVerdict(2022, 2021, "x", met, "r-2022", 0, 0, met ? "完成" : "没有完成"), new ReportVerdict(2022, 2021, null, true, "r-2022", 0, 0, "主要目标全面完成")],
        };
        RecordedTarget stated = TargetRecord.Of(With(false), "test").Targets[^1];
        Assert.Null(stated.Outcome);
        Assert.Null(stated.Margin);
        Assert.False(stated.Met);
        Assert.Equal(2022, stated.Known);
        // a stated miss lowers P(met) of the next target, a stated success raises it; neither is known before 2022
        double before = P(d, 2022);
        Assert.True(P(With(false), 2022) < before - 0.01, $"{P(With(false), 2022)} vs {before}");
        Assert.True(P(With(true), 2022) > before, $"{P(With(true), 2022)} vs {before}");
        Assert.Equal(P(d, 2021), P(With(false), 2021), 12);
        // a verdict on all main targets names no indicator: it is not taken as the outcome of x
        Dataset blanket = new(d.Indicators, d.Observations, [], [.. d.TargetHistory, t2021]) { Verdicts = [new ReportVerdict(2022, 2021, null, false, "r-2022", 0, 0, "未完成")] };
        Assert.Equal(21, TargetRecord.Of(blanket, "test").Targets.Count);
    }

    [Fact]
    public void Pooling_is_worked_by_hand()
    {
        Assert.Equal(0.5, TargetAssessors.Pool(0.8, 0.2, 0.5), 12);
        // logit p = 0.5·logit 0.6 + 0.5·logit 0.95 = 0.5·(0.405465 + 2.944439) = 1.674952 → p = 0.842235
        Assert.Equal(0.842235, TargetAssessors.Pool(0.6, 0.95, 0.5), 6);
        Assert.Equal(0.6, TargetAssessors.Pool(0.6, 0.95, 0), 12);
        Assert.Equal(0.99, TargetAssessors.Pool(0.6, 0.999, 1), 12); // clipped to [0.01, 0.99]
        Assert.Equal(Math.Log(0.99), TargetAssessors.LogScore(1, true), 12);
        Assert.Equal(Math.Log(0.3), TargetAssessors.LogScore(0.7, false), 12);
    }

    private static Observation Obs(int year, double v) => new("x", Period.OfYear(year), Measure.Level, Quantity.Of(v, Units.Percent), Qualifier.Exact, new Source("r"));
}
