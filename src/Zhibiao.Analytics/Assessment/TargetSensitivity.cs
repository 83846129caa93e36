using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>P(met) of a target under one setting of the margin model.</summary>
/// <param name="Model">The margin model's settings (κ, half-life).</param>
/// <param name="Record">P(met) of the record alone under them.</param>
/// <param name="Pooled">P(met) pooled with the judgement's forecast at its weight; null without a forecast.</param>
internal sealed record SensitivityRow(MarginModelOptions Model, double Record, double? Pooled);

/// <summary>
/// How much a P(met) rests on the margin model's settings: the judgement's target re-assessed under every setting of
/// <see cref="MarginModel.Grid"/> (prior strength κ × recency half-life) with the same record, the same forecast and
/// the same forecast weights, averaged as the judgement's were given those settings.
/// </summary>
internal static class TargetSensitivity
{
    /// <summary>One row per setting; empty when the judgement has no record input (no target history and no reference).</summary>
    /// <param name="data">The dataset judged (its own record when it has a target history, else the bundled china-national one).</param>
    /// <param name="judgement">A judgement of one of its targets (<see cref="TargetPipeline.Judge(Dataset, PipelineOptions?)"/>).</param>
    /// <param name="options">The options it was judged with: a dataset without a target history is judged by their <see cref="PipelineOptions.Reference"/> when set.</param>
    public static IReadOnlyList<SensitivityRow> Of(Dataset data, TargetJudgement judgement, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(judgement);
        if (judgement.Target is not { } target || judgement.Chance is not { } chance || chance.Input(TargetChanceSource.Record) is null) return [];
        TargetRecord own = TargetRecord.Of(data, "this dataset's record");
        TargetRecord record = own.Targets.Count > 0 ? own : options?.Reference ?? TargetPipeline.DefaultReference;
        double? forecast = chance.Input(TargetChanceSource.Forecast)?.Probability;
        PoolingChoice choice = chance.Choice ?? PoolingChoice.Default;
        var rows = new List<SensitivityRow>();
        foreach (MarginModelOptions m in MarginModel.Grid)
        {
            if (MarginModel.Assess(target.IndicatorId, target.Deadline.Year, "", record, m) is not { } r) continue;
            rows.Add(new SensitivityRow(m, r.Probability, forecast is { } f ? Pooled(r.Probability, f, m, choice) : null));
        }

        return rows;
    }

    /// <summary>
    /// P(met) under settings m: the pooled answers averaged over the forecast weights with their posterior probabilities
    /// given m (the choice's mean weight when it averaged over none with m).
    /// </summary>
    private static double Pooled(double record, double forecast, MarginModelOptions m, PoolingChoice choice)
    {
        var given = choice.Averaged.Where(x => x.Model == m).ToList();
        double total = given.Sum(x => x.Probability);
        return total > 0
            ? given.Sum(x => x.Probability * TargetAssessors.Pool(record, forecast, x.Weight)) / total
            : TargetAssessors.Pool(record, forecast, choice.Weight);
    }
}
