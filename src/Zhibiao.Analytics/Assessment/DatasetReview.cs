using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>Every target of a dataset judged as <c>analytics track</c> judges them (<see cref="DatasetReview.Of"/>).</summary>
/// <param name="Judgements">The pipeline's judgements: every indicator, with its targets other than those in <paramref name="YearToDate"/>.</param>
/// <param name="YearToDate">Annual targets of monthly and quarterly flows, judged from the year's published part.</param>
public sealed record DatasetReview(IReadOnlyList<TargetJudgement> Judgements, IReadOnlyList<YearToDateAssessment> YearToDate)
{
    /// <summary>
    /// Judges a dataset as published by <paramref name="asOf"/> (all of it when null; <see cref="Dataset.AsOf"/>):
    /// annual targets of monthly and quarterly flows from the months or quarters of the year published by then and a
    /// forecast of the rest (<see cref="YearToDateAssessor"/>, with its default model), every other target and indicator
    /// by the pipeline (<see cref="TargetPipeline.Judge(Dataset, PipelineOptions?)"/>).
    /// </summary>
    /// <exception cref="AnalyticsException">A target cannot be judged, or a flow has no figure to judge its year from.</exception>
    public static DatasetReview Of(Dataset data, Period? asOf = null, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= PipelineOptions.Default;
        if (asOf is { } cut) data = data.AsOf(cut);
        Target[] annual = [.. data.Targets.Where(t => YearToDateAssessor.Judges(data.Get(t.IndicatorId), t))];
        IReadOnlyList<TargetJudgement> judgements = TargetPipeline.Judge(WithoutTargets(data, annual), options);
        AssessmentOptions ytd = (options.Assessment ?? AssessmentOptions.Default) with { Forecaster = null };
        return new DatasetReview(judgements, [.. annual.Select(t => YearToDateAssessor.Assess(data.Series(t.IndicatorId), t, AsOfFor(data, t, asOf), ytd))]);
    }

    /// <summary>
    /// The judgement of an indicator's annual target from year-to-date data as <see cref="Of"/> makes it (the first by
    /// deadline of its targets that <see cref="YearToDateAssessor.Judges"/>), as published by <paramref name="asOf"/>
    /// (all of it when null); null when the indicator has no such target.
    /// </summary>
    /// <exception cref="AnalyticsException">The indicator is unknown, or the target cannot be judged from the figures.</exception>
    public static YearToDateAssessment? YearToDateOf(Dataset data, string indicatorId, Period? asOf = null, AssessmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Indicator ind = data.Get(indicatorId);
        if (data.Targets.Where(t => t.IndicatorId == ind.Id && YearToDateAssessor.Judges(ind, t)).MinBy(t => t.Deadline) is not { } target) return null;
        if (asOf is { } cut) data = data.AsOf(cut);
        return YearToDateAssessor.Assess(data.Series(ind.Id), target, AsOfFor(data, target, asOf), (options ?? AssessmentOptions.Default) with { Forecaster = null });
    }

    /// <summary>The dataset without the year-to-date targets (and without the indicators left with no target by that).</summary>
    private static Dataset WithoutTargets(Dataset data, Target[] annual)
    {
        if (annual.Length == 0) return data;
        var left = data.Targets.Except(annual).ToArray();
        var gone = new HashSet<string>(annual.Select(t => t.IndicatorId).Where(id => !left.Any(t => t.IndicatorId == id)), StringComparer.Ordinal);
        return new Dataset(data.Indicators.Where(i => !gone.Contains(i.Id)), data.Observations.Where(o => !gone.Contains(o.IndicatorId)), left, data.TargetHistory.Where(t => !gone.Contains(t.IndicatorId)))
        {
            Verdicts = data.Verdicts,
        };
    }

    /// <summary>The period a year-to-date target is judged as of: the cut in the indicator's frequency, else its latest figure.</summary>
    private static Period AsOfFor(Dataset data, Target t, Period? cut)
    {
        Indicator ind = data.Get(t.IndicatorId);
        if (cut is not { } c)
            return data.Series(ind.Id).Latest?.Period ?? throw new AnalyticsException($"{ind.Id}: no figure to judge the {t.Deadline} target from");
        int month = c.Frequency == Frequency.Monthly ? c.SubPeriod : c.SubPeriod * (12 / c.Frequency.PeriodsPerYear());
        return ind.Frequency == Frequency.Monthly ? Period.OfMonth(c.Year, month)
            : month >= 3 ? Period.OfQuarter(c.Year, month / 3) : Period.OfQuarter(c.Year - 1, 4);
    }
}
