using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>The walk-forward hindcast: nested choices that never read a later outcome.</summary>
public sealed class HindcastTests
{
    /// <summary>A forecast that answers from the latest figure known: met if it already meets the target, with 0.8 / 0.3.</summary>
    private sealed class Latest : ITargetAssessor
    {
        public TargetChance? Assess(TargetEvidence evidence) => evidence.Series.Latest is { } l
            ? new TargetChance(evidence.Target.Rule(evidence.Indicator).IsMetBy(l.Value.Value) ? 0.8 : 0.3, "latest") { Source = TargetChanceSource.Forecast }
            : null;
    }

    private static Dataset Record(double margin2018) => MarginModelTests.Record(y => y == 2018 ? margin2018 : y % 4 == 0 ? -0.3 : 0.6, 1995, 2022);

    [Fact]
    public void A_planted_later_outcome_changes_nothing_before_it_is_published()
    {
        Hindcast a = Hindcast.Run(Record(0.6), "a", new Latest());
        Hindcast b = Hindcast.Run(Record(-5), "b", new Latest());
        // The 2018 outcome is published in 2019: the answers to the targets of 1995–2018 and the choices for their years are the same.
        foreach ((HindcastRow x, HindcastRow y) in a.Rows.Zip(b.Rows).Where(p => p.First.Year <= 2018))
        {
            Assert.Equal(x.Answer?.Probability, y.Answer?.Probability);
            Assert.Equal(x.Choice, y.Choice);
        }

        Assert.NotEqual(a.Rows.Single(r => r.Year == 2020).Answer!.Probability, b.Rows.Single(r => r.Year == 2020).Answer!.Probability);
    }

    [Fact]
    public void Choices_wait_for_enough_earlier_outcomes_then_average_the_settings_by_their_likelihood()
    {
        Hindcast h = Hindcast.Run(Record(0.6), "a", new Latest());
        // 1995–2003 targets: fewer than 8 outcomes known before each year → the a-priori choice
        Assert.Equal(PoolingChoice.Default, h.ChoiceFor(2003));
        PoolingChoice c = h.ChoiceFor(2010);
        // the outcomes of 1996–2009 are known by 2010 (each is published the year after; 1995 had no record before it to answer)
        Assert.True(c.Why.StartsWith($"averaged over 60 settings by their likelihood on {h.Rows.Count(r => r.Year is > 1995 and < 2010)} earlier outcomes", StringComparison.Ordinal), c.Why);
        Assert.Equal(MarginModel.Grid.Count * HindcastOptions.Default.Weights.Count, c.Members.Count);
        Assert.Equal(1, c.Members.Sum(m => m.Probability), 12);
        Assert.Contains(c.Model, MarginModel.Grid);
        // the summary: the most probable settings and the posterior mean weight
        Assert.Equal(c.Members.GroupBy(m => m.Model).MaxBy(g => g.Sum(m => m.Probability))!.Key, c.Model);
        Assert.Equal(c.Members.Sum(m => m.Probability * m.Weight), c.Weight, 12);
    }

    /// <summary>A forecast that knows each outcome of <see cref="Record"/> (0.99 when met, 0.01 when missed), or its opposite.</summary>
    private sealed class Oracle(bool right) : ITargetAssessor
    {
        public TargetChance? Assess(TargetEvidence evidence)
        {
            bool met = evidence.Target.Deadline.Year % 4 != 0;
            return new TargetChance(met == right ? 0.99 : 0.01, "oracle") { Source = TargetChanceSource.Forecast };
        }
    }

    [Fact]
    public void A_forecast_that_foretells_outcomes_takes_the_weight_and_one_that_misleads_loses_it()
    {
        // Prior: half on weight 0. After 20 outcomes the likelihood decides: a forecast right every time takes nearly all
        // of the weight (w = 0.75 and 1 both answer 0.99 once clipped); one wrong every time nearly none of it.
        PoolingChoice right = Hindcast.Run(Record(0.6), "a", new Oracle(true)).ChoiceFor(2016);
        PoolingChoice wrong = Hindcast.Run(Record(0.6), "a", new Oracle(false)).ChoiceFor(2016);
        Assert.True(right.Weight > 0.75, $"{right.Weight}: {right.Why}");
        Assert.True(wrong.Weight < 0.01, $"{wrong.Weight}: {wrong.Why}");
    }

    [Fact]
    public void A_years_targets_count_as_the_square_root_of_their_number_in_the_likelihood()
    {
        // Two indicators with a target every year (one set of settings, forecast weight 0 or 1): the posterior of weight 1
        // against weight 0 is Σ_y (Σ_{i∈y} ln p_i(1) − ln p_i(0)) / √2 over the years before, each year holding two targets.
        Indicator y2 = new("y", "另一率", "another rate", Units.Percent, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Rate);
        Dataset a = Record(0.6), b = MarginModelTests.Record(y => y % 3 == 0 ? -0.4 : 0.5, 1995, 2022, y2);
        var data = new Dataset([.. a.Indicators, .. b.Indicators], [.. a.Observations, .. b.Observations], [], [.. a.TargetHistory, .. b.TargetHistory]);
        var options = new HindcastOptions { Models = [MarginModelOptions.Default], Weights = [0, 1] };
        Hindcast h = Hindcast.Run(data, "two", new Latest(), options);
        const int year = 2012;
        double log = 0;
        foreach (var g in h.Rows.Where(r => r.Year < year && r.Outcome!.Known <= year && r.Forecast is not null).GroupBy(r => r.Year))
        {
            Assert.Equal(2, g.Count());
            log += g.Sum(r => TargetAssessors.LogScore(r.Forecast!.Probability, r.Met!.Value) - TargetAssessors.LogScore(r.Record!.Probability, r.Met!.Value)) / Math.Sqrt(2);
        }

        // prior ½ on each weight: π(1) = 1 / (1 + e^(−log))
        PoolingChoice c = h.ChoiceFor(year);
        Assert.Equal(1 / (1 + Math.Exp(-log)), c.Members.Single(m => m.Weight == 1).Probability, 10);
    }

    [Fact]
    public void The_paired_difference_has_its_standard_error_clustered_by_year()
    {
        // d = 1, 2, 3, 6 in years 2001, 2001, 2002, 2003: mean 3; residuals −2, −1, 0, 3 sum by year to −3, 0, 3;
        // SE² = 3/2 · (9 + 0 + 9) / 4² = 27/16
        (double mean, double se) = TargetBacktest.PairedDifference([1, 2, 3, 6], [2001, 2001, 2002, 2003]);
        Assert.Equal(3, mean, 12);
        Assert.Equal(Math.Sqrt(27) / 4, se, 12);
        // one year: no spread between years to estimate it from
        Assert.Equal((2.0, 0.0), TargetBacktest.PairedDifference([1, 3], [2001, 2001]));
        Assert.Throws<ArgumentException>(() => TargetBacktest.PairedDifference([1, 3], [2001]));
    }

    [Fact]
    public void The_backtest_scores_the_answer_beside_the_baselines()
    {
        Hindcast h = Hindcast.Run(Record(0.6), "a", new Latest());
        IReadOnlyList<BacktestScores> scores = TargetBacktest.Score(h, 2005, 2022)!;
        Assert.Equal(["p_met", "record", "forecast", "hit_rate", "constant_0.9", "constant_0.95", "deterministic"], scores.Select(s => s.Method));
        // every year has an outcome: 18 cases, of which the years divisible by 4 (2008, 2012, 2016, 2020) are missed
        Assert.All(scores, s => Assert.Equal(18, s.Scores.Cases));
        Assert.Equal(14 / 18.0, scores[0].Scores.BaseRate, 12);
        // the constant 0.9: Brier (14·0.01 + 4·0.81) / 18
        Assert.Equal(((14 * 0.01) + (4 * 0.81)) / 18, scores.Single(s => s.Method == "constant_0.9").Scores.Brier, 12);
        // differences are each method's score minus P(met)'s over the same targets
        Assert.Equal((0.0, 0.0), scores[0].BrierDifference);
        Assert.All(scores.Skip(1), s =>
        {
            Assert.Equal(s.Scores.Brier - scores[0].Scores.Brier, s.BrierDifference.Mean, 12);
            Assert.Equal(s.Scores.Log - scores[0].Scores.Log, s.LogDifference.Mean, 12);
            Assert.True(s.BrierDifference.StandardError >= 0 && s.LogDifference.StandardError >= 0);
        });
        Assert.Throws<ArgumentException>(() => TargetBacktest.Score(h, 2020, 2010));
        Assert.Null(TargetBacktest.Score(h, 2030, 2031));
    }
}
