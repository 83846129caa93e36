using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Reports;

/// <summary>The forecast side of a report target: P(met) from the indicator's own history and the deterministic status.</summary>
/// <param name="Probability">P(met) by the forecast alone.</param>
/// <param name="Status">The deterministic status token (on_track, achieved …).</param>
/// <param name="OnTrack">Whether the deterministic rule says the target will be met (achieved or on track).</param>
/// <param name="Method">How the probability was made.</param>
internal sealed record ForecastSide(double Probability, string Status, bool OnTrack, string Method);

/// <summary>
/// The one place where report targets meet the assessment pipeline (<see cref="TargetPipeline"/>: the deterministic
/// tracking and the probability, judged once). A target enters as it is, on the indicator's own yearly values.
/// </summary>
internal static class AssessmentAdapter
{
    /// <summary>Assesses a target on the yearly history known at its year.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="history">Yearly first-published figures before the target's year, oldest first.</param>
    /// <param name="target">The target.</param>
    /// <param name="options">Assessment options (model, paths, seed).</param>
    /// <returns>The forecast side, or null when the history has fewer than two values.</returns>
    public static ForecastSide? Assess(ReportIndicator indicator, IReadOnlyList<Observation> history, Target target, AssessmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(target);
        var usable = history.Where(h => h.Period < target.Deadline).ToList();
        if (usable.Count < 2) return null;
        Indicator ind = indicator.Indicator;
        var observations = usable.Select(h => new Observation(ind.Id, h.Period, Measure.Level, Quantity.Of(h.Value.ConvertTo(ind.Unit).Value, ind.Unit), Qualifier.Exact, h.Source));
        var series = IndicatorSeries.Create(ind, observations);
        TargetAssessment a = TargetPipeline.Judge(series, target, options: new PipelineOptions { Assessment = options }).Probability!;
        ProgressStatus s = a.Deterministic.Status;
        return new ForecastSide(a.ProbabilityMet, s.ToToken(), s is ProgressStatus.TargetAchieved or ProgressStatus.OnTrack, a.Method);
    }
}
