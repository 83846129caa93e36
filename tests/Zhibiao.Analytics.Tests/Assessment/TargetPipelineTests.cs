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
        // The simulation carries the very tracking of its row, and the paths are those it was counted on.
        Assert.Same(arrivals.Tracking, arrivals.Simulation!.Deterministic);
        Assert.Equal(arrivals.Simulation.Steps, arrivals.Paths!.Horizon);
        Assert.Equal(arrivals.Target!.Deadline, arrivals.Paths.PeriodOf(arrivals.Paths.Horizon));
        Assert.Equal(arrivals.Simulation.Median, arrivals.Paths.Quantile(arrivals.Paths.Horizon, 0.5), 12);
        Assert.Equal(arrivals.Simulation.Interval95.Lower, arrivals.Paths.Quantile(arrivals.Paths.Horizon, 0.025), 12);
        // One row per target and one per indicator without a target; only targets get a probability.
        Assert.Equal(Data.Indicators.Count, judged.Count);
        Assert.All(judged.Where(j => j.Target is null), j => Assert.Null(j.Chance));
    }

    [Fact]
    public void Tracking_alone_agrees_with_the_full_judgement()
    {
        IReadOnlyList<TargetJudgement> judged = Data.Judge();
        IReadOnlyList<TargetJudgement> tracked = Data.Judge(new PipelineOptions { Probability = false });
        Assert.Equal(judged.Select(j => (j.Indicator.Id, j.Target, j.Tracking.Status, j.Tracking.Ratio)), tracked.Select(j => (j.Indicator.Id, j.Target, j.Tracking.Status, j.Tracking.Ratio)));
        Assert.All(tracked, j => Assert.Null(j.Chance));
    }

    [Fact]
    public void A_dataset_without_a_record_pools_the_national_record_with_the_forecast_and_says_so()
    {
        IndicatorSeries s = Data.Series("tourist_arrivals");
        Target t = Data.Targets.Single();
        var options = new AssessmentOptions { Forecaster = new DriftForecaster(), Paths = 800 };
        TargetJudgement j = TargetPipeline.Judge(s, t, Data.ChangesOf(t.IndicatorId), new PipelineOptions { Assessment = options });
        TargetChance forecast = new SimulationAssessor(options).Assess(new TargetEvidence(t, s, j.Tracking) { Reported = [.. Data.ChangesOf(t.IndicatorId)] })!;
        // The settings and the forecast's weight are those chosen walk-forward on the bundled national record for 2025.
        PoolingChoice choice = Hindcast.Run(Dataset.Load("china-national"), "china-national", new SimulationAssessor()).ChoiceFor(2025);
        // P = Σ_j π_j·p_j, logit p_j = (1 − w_j)·logit p_record(m_j) + w_j·logit p_forecast
        double p = choice.Averaged.Sum(m => m.Probability
            * TargetAssessors.Pool(MarginModel.Assess(t.IndicatorId, 2025, "", TargetPipeline.DefaultReference, m.Model)!.Probability, forecast.Probability, m.Weight));
        Assert.Equal(p, j.ProbabilityMet!.Value, 12);
        Assert.Equal(TargetChanceSource.Pooled, j.Chance!.Source);
        Assert.Equal(choice.Weight, j.Chance.Weight);
        Assert.Contains("china-national", j.Chance.Method, StringComparison.Ordinal);
        Assert.Contains("another government's record", j.Chance.Method, StringComparison.Ordinal);
        // The same answer as the whole dataset's (the one default composition).
        Assert.Equal(j.ProbabilityMet, TargetPipeline.Judge(Data, new PipelineOptions { Assessment = options }).Single(x => x.Target is not null).ProbabilityMet);
    }

    [Fact]
    public void Tracking_only_has_no_probability_and_no_paths()
    {
        TargetJudgement j = TargetPipeline.JudgeFirst(Data, "tourist_arrivals", new PipelineOptions { Probability = false });
        Assert.NotNull(j.Target);
        Assert.Null(j.Chance);
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
        TargetJudgement j = TargetPipeline.Judge(one, t, options: new PipelineOptions { Reference = TargetRecord.Empty });
        Assert.Null(j.Chance);
        Assert.Null(j.Paths);
        Assert.Same(t, j.Target);
        Assert.StartsWith("P(met) needs at least two observations or a track record; there is one (2024", j.Unassessed, StringComparison.Ordinal);
        // with the national record it has the record's answer, and no forecast
        TargetJudgement r = TargetPipeline.Judge(one, t);
        Assert.Equal(TargetChanceSource.Record, r.Chance!.Source);
        Assert.Null(r.Paths);
    }
}
