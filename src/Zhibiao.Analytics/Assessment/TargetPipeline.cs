using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>
/// The one place targets are judged: the deterministic tracking (<see cref="Tracker"/>), then P(met) by the assessor
/// composition, kept together in a <see cref="TargetJudgement"/>. Commands, charts, reports, the board and notebooks
/// draw from these results. The default composition pools the setter's record (<see cref="MarginModel"/>) with a
/// simulated forecast (<see cref="SimulationAssessor"/>): for a dataset with a target history of its own, its record
/// with the settings and the forecast's weights averaged by their walk-forward likelihood on that history (<see cref="Hindcast"/>); for a
/// dataset without one, the bundled china-national record as another government's (with more spread) and the choices
/// made walk-forward on that record.
/// </summary>
public static class TargetPipeline
{
    private static readonly Lazy<TargetRecord> NationalRecord = new(() => TargetRecord.Of(Dataset.Load("china-national"), "china-national", "china-national"));

    /// <summary>The bundled china-national record (its government named "china-national"): the reference of datasets without a record of their own.</summary>
    public static TargetRecord DefaultReference => NationalRecord.Value;

    private static readonly Lazy<Hindcast> NationalHindcast = new(() => Hindcast.Run(Dataset.Load("china-national"), "china-national", new SimulationAssessor()));

    /// <summary>
    /// The walk-forward hindcast of the bundled china-national record with the default forecast: the settings and the
    /// forecast's weight a dataset without a target history of its own takes for its year (computed once per process).
    /// </summary>
    private static Hindcast ReferenceHindcast => NationalHindcast.Value;

    /// <summary>Judges one target of a series, or classifies the series' growth when the target is null.</summary>
    /// <param name="series">The levels of the indicator.</param>
    /// <param name="target">The target, or null.</param>
    /// <param name="reported">Reported change and growth figures of the indicator (growth targets use them).</param>
    /// <param name="options">Tracking, simulation, the assessor, and whether to assess the probability.</param>
    /// <exception cref="AnalyticsException">
    /// The target belongs to another indicator or its unit does not fit; with a probability also: its deadline is
    /// not after the latest observation.
    /// </exception>
    public static TargetJudgement Judge(IndicatorSeries series, Target? target, IEnumerable<Observation>? reported = null, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= PipelineOptions.Default;
        AssessmentOptions assessment = options.Assessment ?? AssessmentOptions.Default;
        Observation[] changes = [.. reported ?? []];
        TrackingResult tracking = Tracker.Track(series, target, changes, assessment.Tracking);
        if (!options.Probability || target is null) return new TargetJudgement(tracking, null);
        ITargetAssessor assessor = options.Assessor ?? WithoutRecord(new SimulationAssessor(assessment), options.Reference);
        return Assess(assessor, new TargetEvidence(target, series, tracking) { Reported = changes });
    }

    /// <summary>Judges one target with an assessor, its evidence completed by the caller (a thin history's average, the government).</summary>
    internal static TargetJudgement Judge(IndicatorSeries series, Target target, ITargetAssessor assessor, Func<TargetEvidence, TargetEvidence> complete, TrackingOptions? tracking = null)
    {
        TrackingResult t = Tracker.Track(series, target, null, tracking);
        return Assess(assessor, complete(new TargetEvidence(target, series, t)));
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
        var rows = new List<(TrackingResult Tracking, TargetEvidence? Evidence)>();
        foreach (Indicator ind in data.Indicators)
        {
            IndicatorSeries s = data.Series(ind.Id);
            Observation[] changes = [.. data.ChangesOf(ind.Id)];
            Target[] targets = [.. data.Targets.Where(t => t.IndicatorId == ind.Id).OrderBy(t => t.Deadline.Year)];
            if (targets.Length == 0) rows.Add((Tracker.Track(s, null, changes, assessment.Tracking), null));
            foreach (Target t in targets)
            {
                TrackingResult tracking = Tracker.Track(s, t, changes, assessment.Tracking);
                rows.Add((tracking, new TargetEvidence(t, s, tracking) { Reported = changes }));
            }
        }

        if (!options.Probability || rows.All(r => r.Evidence is null))
            return [.. rows.Select(r => new TargetJudgement(r.Tracking, null))];
        ITargetAssessor assessor = options.Assessor ?? Compose(data, assessment, options.Reference);
        return [.. rows.Select(r => r.Evidence is null ? new TargetJudgement(r.Tracking, null) : Assess(assessor, r.Evidence))];
    }

    /// <summary>
    /// The default composition for a dataset: its own record with the hindcast's choices when it has a target history
    /// with outcomes; else the bundled china-national record with the choices of its hindcast
    /// (its walk-forward hindcast with the default forecast, computed once per process), or a reference record given with
    /// the a-priori choice.
    /// </summary>
    public static ITargetAssessor Compose(Dataset data, AssessmentOptions? assessment = null, TargetRecord? reference = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var forecast = new SimulationAssessor(assessment);
        if (TargetRecord.Of(data, "this dataset's record").Targets.Count > 0)
        {
            Hindcast h = Hindcast.Run(data, assessment);
            return new PooledAssessor(forecast, h.Record, h.ChoiceFor);
        }

        return WithoutRecord(forecast, reference);
    }

    /// <summary>
    /// The composition for targets without a record of their own: the bundled china-national record with the choices
    /// of its hindcast, or a reference record given with the a-priori choice.
    /// </summary>
    private static PooledAssessor WithoutRecord(SimulationAssessor forecast, TargetRecord? reference)
    {
        if (reference is not null)
        {
            string why = reference.Targets.Count == 0 ? "no record" : $"no target history of its own: {reference.Name}'s record with the a-priori settings";
            return new PooledAssessor(forecast, reference, _ => PoolingChoice.Default with { Why = why });
        }

        return new PooledAssessor(forecast, DefaultReference, year =>
        {
            PoolingChoice c = ReferenceHindcast.ChoiceFor(year);
            return c with { Why = $"no target history of its own: the china-national record with the choice made on it ({c.Why})" };
        });
    }

    /// <summary>The judgement of an indicator's first target by deadline (or of the indicator alone when it has none).</summary>
    /// <exception cref="AnalyticsException">Unknown indicator, or the target cannot be judged.</exception>
    public static TargetJudgement JudgeFirst(Dataset data, string indicatorId, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        IndicatorSeries series = data.Series(indicatorId);
        Target? target = data.Targets.Where(t => t.IndicatorId == indicatorId).OrderBy(t => t.Deadline).FirstOrDefault();
        options ??= PipelineOptions.Default;
        if (target is not null && options.Probability && options.Assessor is null)
            options = options with { Assessor = Compose(data, options.Assessment, options.Reference) };
        return Judge(series, target, data.ChangesOf(indicatorId), options);
    }

    private static TargetJudgement Assess(ITargetAssessor assessor, TargetEvidence e)
    {
        TargetChance? chance = assessor.Assess(e);
        if (chance is not null) return new TargetJudgement(e.Tracking, chance);
        string latest = e.Series.Latest is { } o ? $"there is one ({o})" : "there is none";
        return new TargetJudgement(e.Tracking, null) { Unassessed = e.Series.Count < 2 ? $"P(met) needs at least two observations or a track record; {latest}" : "no assessor could answer" };
    }
}

/// <summary>The pipeline over a whole dataset, as a method of it.</summary>
public static class DatasetAssessment
{
    /// <summary>Every target judged once (<see cref="TargetPipeline.Judge(Dataset, PipelineOptions?)"/>).</summary>
    /// <exception cref="AnalyticsException">A target cannot be judged.</exception>
    public static IReadOnlyList<TargetJudgement> Judge(this Dataset data, PipelineOptions? options = null) => TargetPipeline.Judge(data, options);
}
