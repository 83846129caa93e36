using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Assessment;

public class TargetPipelineTests
{
    private static readonly Dataset Data = Dataset.Load(RepositoryPaths.XinjiangDataset);

    [Fact]
    public void Each_target_is_judged_once_into_one_result()
    {
        IReadOnlyList<TargetJudgement> judged = Data.Judge();
        TargetJudgement arrivals = judged.Single(j => j.Target is not null);
        Assert.Equal("tourist_arrivals", arrivals.Indicator.Id);
        // The probability carries the very tracking of its row, and the paths are those it was counted on.
        Assert.Same(arrivals.Tracking, arrivals.Probability!.Deterministic);
        Assert.Equal(arrivals.Probability.Steps, arrivals.Paths!.Horizon);
        Assert.Equal(arrivals.Target!.Deadline, arrivals.Paths.PeriodOf(arrivals.Paths.Horizon));
        Assert.Equal(arrivals.Probability.Median, arrivals.Paths.Quantile(arrivals.Paths.Horizon, 0.5), 12);
        Assert.Equal(arrivals.Probability.Interval95.Lower, arrivals.Paths.Quantile(arrivals.Paths.Horizon, 0.025), 12);
        // One row per target and one per indicator without a target; only targets get a probability.
        Assert.Equal(Data.Indicators.Count, judged.Count);
        Assert.All(judged.Where(j => j.Target is null), j => Assert.Null(j.Probability));
    }

    [Fact]
    public void Dataset_track_and_assess_agree_with_the_pipeline()
    {
        IReadOnlyList<TargetJudgement> judged = Data.Judge();
        Assert.Equal(judged.Select(j => (j.Indicator.Id, j.Target, j.Tracking.Status, j.Tracking.Ratio)), Data.Track().Select(r => (r.Indicator.Id, r.Target, r.Status, r.Ratio)));
        TargetAssessment a = Data.Assess().Single();
        TargetAssessment b = judged.Single(j => j.Probability is not null).Probability!;
        Assert.Equal(b.ProbabilityMet, a.ProbabilityMet);
        Assert.Equal(b.Median, a.Median);
    }

    [Fact]
    public void The_pipeline_matches_the_assessor_on_a_series()
    {
        IndicatorSeries s = Data.Series("tourist_arrivals");
        Target t = Data.Targets.Single();
        var options = new AssessmentOptions { Forecaster = new DriftForecaster(), Paths = 800 };
        TargetJudgement j = TargetPipeline.Judge(s, t, Data.ChangesOf(t.IndicatorId), new PipelineOptions { Assessment = options });
        TargetAssessment direct = TargetAssessor.Assess(s, t, options, Data.ChangesOf(t.IndicatorId));
        Assert.Equal(direct.ProbabilityMet, j.Probability!.ProbabilityMet);
        Assert.Equal(direct.Interval80, j.Probability.Interval80);
        Assert.Equal(direct.Deterministic.Status, j.Tracking.Status);
    }

    [Fact]
    public void Tracking_only_has_no_probability_and_no_paths()
    {
        TargetJudgement j = TargetPipeline.JudgeFirst(Data, "tourist_arrivals", new PipelineOptions { Probability = false });
        Assert.NotNull(j.Target);
        Assert.Null(j.Probability);
        Assert.Null(j.Paths);
    }

    [Fact]
    public void A_target_of_another_indicator_is_refused_with_its_name()
    {
        IndicatorSeries s = Data.Series("tourist_arrivals");
        Target t = Data.Targets.Single() with { IndicatorId = "gdp" };
        var e = Assert.Throws<AnalyticsException>(() => TargetPipeline.Judge(s, t));
        Assert.Equal("target of 'gdp' given for indicator 'tourist_arrivals'", e.Message);
    }

    [Fact]
    public void A_target_on_a_single_observation_keeps_its_tracking_and_says_why_it_has_no_probability()
    {
        IndicatorSeries one = IndicatorSeries.Create(Data.Get("tourist_arrivals"), [Data.Series("tourist_arrivals").Latest!]);
        Target t = Data.Targets.Single();
        TargetJudgement j = TargetPipeline.Judge(one, t);
        Assert.Null(j.Probability);
        Assert.Null(j.Paths);
        Assert.Same(t, j.Target);
        Assert.StartsWith("P(met) needs at least two observations; there is one (2024", j.Unassessed, StringComparison.Ordinal);
    }
}
