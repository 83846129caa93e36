using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Assessment;

/// <summary>The sensitivity of P(met) to the margin model's settings averages to the judgement's answer.</summary>
public sealed class TargetSensitivityTests
{
    [Fact]
    public void The_answer_is_the_rows_averaged_by_the_settings_posterior_and_every_setting_has_a_row()
    {
        Dataset data = Dataset.Load("china-national");
        var options = new PipelineOptions { Assessment = new AssessmentOptions { Paths = 400 } };
        TargetJudgement j = TargetPipeline.Judge(data, options).First(x => x.Target?.IndicatorId == "gdp_growth");
        IReadOnlyList<SensitivityRow> rows = TargetSensitivity.Of(data, j);
        Assert.Equal(MarginModel.Grid.Count, rows.Count);
        PoolingChoice chosen = Hindcast.Run(data, "this dataset's record", new SimulationAssessor(options.Assessment)).ChoiceFor(j.Target!.Deadline.Year);
        // the answer averages the rows by the settings' posterior probabilities: P = Σ_m π(m)·P_m
        double averaged = rows.Sum(r => chosen.Averaged.Where(x => x.Model == r.Model).Sum(x => x.Probability) * r.Pooled!.Value);
        Assert.Equal(j.ProbabilityMet!.Value, averaged, 12);
        Assert.InRange(j.ProbabilityMet!.Value, rows.Min(r => r.Pooled!.Value), rows.Max(r => r.Pooled!.Value));
        Assert.All(rows, r => Assert.InRange(r.Record, 0, 1));
    }

    [Fact]
    public void A_dataset_without_a_history_is_re_assessed_with_the_reference_it_was_judged_by()
    {
        // a reference setter that misses every target by half a point: the tourist target judged by it, and its sensitivity
        Dataset data = Dataset.Load("xinjiang");
        TargetRecord missing = TargetRecord.Of(Probability.MarginModelTests.Record(y => -0.5 + (0.1 * Math.Sin(y))), "a missing setter", "elsewhere");
        var options = new PipelineOptions { Assessment = new AssessmentOptions { Paths = 400 }, Reference = missing };
        TargetJudgement j = TargetPipeline.Judge(data, options).Single(x => x.Target?.IndicatorId == "tourist_arrivals");
        IReadOnlyList<SensitivityRow> rows = TargetSensitivity.Of(data, j, options);
        Assert.Equal(MarginModel.Grid.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r.Record < 0.5, $"{r.Model}: {r.Record}"));
        // judged with the a-priori choice: every setting alike, forecast weight 0, so the answer is the rows' mean
        Assert.Equal(j.ProbabilityMet!.Value, rows.Average(r => r.Pooled!.Value), 12);
    }

    [Fact]
    public void A_judgement_without_a_record_input_has_no_rows()
    {
        Dataset data = Dataset.Load("china-national");
        TargetJudgement j = TargetPipeline.Judge(data, new PipelineOptions { Probability = false }).First(x => x.Target is not null);
        Assert.Empty(TargetSensitivity.Of(data, j));
    }
}
