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
    public void Choices_wait_for_enough_earlier_outcomes_then_are_made_on_them()
    {
        Hindcast h = Hindcast.Run(Record(0.6), "a", new Latest());
        // 1995–2003 targets: fewer than 8 outcomes known before each year → the a-priori choice
        Assert.Equal(PoolingChoice.Default, h.ChoiceFor(2003));
        Assert.StartsWith("chosen on", h.ChoiceFor(2010).Why, StringComparison.Ordinal);
        Assert.Contains(h.ChoiceFor(2010).Model, MarginModel.Grid);
        Assert.Contains(h.ChoiceFor(2010).Weight, HindcastOptions.Default.Weights);
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
        Assert.Throws<ArgumentException>(() => TargetBacktest.Score(h, 2020, 2010));
        Assert.Null(TargetBacktest.Score(h, 2030, 2031));
    }
}
