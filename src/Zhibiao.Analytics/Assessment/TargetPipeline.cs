using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>
/// The one place targets are judged: the deterministic tracking (<see cref="Tracker"/>), then, from the same
/// tracking, the probability by simulation (<see cref="TargetAssessor"/>), kept together with the paths in a
/// <see cref="TargetJudgement"/>. Commands, charts, reports and notebooks draw from these results.
/// </summary>
public static class TargetPipeline
{
    /// <summary>Judges one target of a series, or classifies the series' growth when the target is null.</summary>
    /// <param name="series">The levels of the indicator.</param>
    /// <param name="target">The target, or null.</param>
    /// <param name="reported">Reported change and growth figures of the indicator (growth targets use them).</param>
    /// <param name="options">Tracking, simulation, and whether to assess the probability.</param>
    /// <exception cref="AnalyticsException">
    /// The target belongs to another indicator or its unit does not fit; with a probability also: its deadline is
    /// not after the latest observation. A series with fewer than two values gives no probability but
    /// <see cref="TargetJudgement.Unassessed"/>.
    /// </exception>
    public static TargetJudgement Judge(IndicatorSeries series, Target? target, IEnumerable<Observation>? reported = null, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= PipelineOptions.Default;
        AssessmentOptions assessment = options.Assessment ?? AssessmentOptions.Default;
        TrackingResult tracking = Tracker.Track(series, target, reported, assessment.Tracking);
        return options.Probability && target is not null ? WithProbability(series, tracking, assessment) : new TargetJudgement(tracking, null, null);
    }

    /// <summary>
    /// Judges every target of a dataset, and classifies each indicator without one: in indicator order, targets in
    /// deadline order. Every row is tracked first, then the targets are assessed.
    /// </summary>
    /// <exception cref="AnalyticsException">A target cannot be tracked, or (with a probability) cannot be assessed.</exception>
    public static IReadOnlyList<TargetJudgement> Judge(Dataset data, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= PipelineOptions.Default;
        AssessmentOptions assessment = options.Assessment ?? AssessmentOptions.Default;
        var rows = new List<(IndicatorSeries Series, TrackingResult Tracking)>();
        foreach (Indicator ind in data.Indicators)
        {
            IndicatorSeries s = data.Series(ind.Id);
            Target[] targets = [.. data.Targets.Where(t => t.IndicatorId == ind.Id).OrderBy(t => t.Deadline.Year)];
            if (targets.Length == 0) rows.Add((s, Tracker.Track(s, null, data.ChangesOf(ind.Id), assessment.Tracking)));
            foreach (Target t in targets) rows.Add((s, Tracker.Track(s, t, data.ChangesOf(ind.Id), assessment.Tracking)));
        }

        return [.. rows.Select(r => options.Probability && r.Tracking.Target is not null
            ? WithProbability(r.Series, r.Tracking, assessment)
            : new TargetJudgement(r.Tracking, null, null))];
    }

    /// <summary>The judgement of an indicator's first target by deadline (or of the indicator alone when it has none).</summary>
    /// <exception cref="AnalyticsException">Unknown indicator, or the target cannot be judged.</exception>
    public static TargetJudgement JudgeFirst(Dataset data, string indicatorId, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        IndicatorSeries series = data.Series(indicatorId);
        Target? target = data.Targets.Where(t => t.IndicatorId == indicatorId).OrderBy(t => t.Deadline).FirstOrDefault();
        return Judge(series, target, data.ChangesOf(indicatorId), options);
    }

    private static TargetJudgement WithProbability(IndicatorSeries series, TrackingResult tracking, AssessmentOptions options)
    {
        if (series.Count < 2)
        {
            string latest = series.Latest is { } o ? $"there is one ({o})" : "there is none";
            return new TargetJudgement(tracking, null, null) { Unassessed = $"P(met) needs at least two observations; {latest}" };
        }

        (TargetAssessment assessment, IndicatorPaths paths) = TargetAssessor.AssessTracked(series, tracking, options);
        return new TargetJudgement(tracking, assessment, paths);
    }
}

/// <summary>The pipeline over a whole dataset, as methods of it.</summary>
public static class DatasetAssessment
{
    /// <summary>Every target judged once (<see cref="TargetPipeline.Judge(Dataset, PipelineOptions?)"/>).</summary>
    /// <exception cref="AnalyticsException">A target cannot be judged.</exception>
    public static IReadOnlyList<TargetJudgement> Judge(this Dataset data, PipelineOptions? options = null) => TargetPipeline.Judge(data, options);

    /// <summary>
    /// Tracks every indicator: one result per target, and one for each indicator without a target, in indicator
    /// order (targets in deadline order).
    /// </summary>
    public static IReadOnlyList<TrackingResult> Track(this Dataset data, TrackingOptions? options = null) =>
        [.. TargetPipeline.Judge(data, new PipelineOptions { Assessment = new AssessmentOptions { Tracking = options }, Probability = false }).Select(j => j.Tracking)];

    /// <summary>The probability assessment of every target (in indicator order, targets in deadline order).</summary>
    /// <exception cref="AnalyticsException">A target cannot be assessed (deadline not after the latest observation, too few values).</exception>
    public static IReadOnlyList<TargetAssessment> Assess(this Dataset data, AssessmentOptions? options = null) =>
        [.. TargetPipeline.Judge(data, new PipelineOptions { Assessment = options }).Select(j => j.Probability).OfType<TargetAssessment>()];
}
