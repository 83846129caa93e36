using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// One past target with its outcome: the target, its indicator, the outcome as first published (or, when the next
/// report gives no figure, its own verdict: <see cref="Stated"/>), the indicator's year-to-year scale known when the
/// target was set, and the government that set it.
/// </summary>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its indicator.</param>
/// <param name="Outcome">The judged quantity of the deadline period as first published, in the judged unit of <see cref="Target.Rule"/>; null when only a verdict is known.</param>
/// <param name="Scale">The indicator's typical year-to-year change before the target's year (<see cref="MarginScale"/>).</param>
/// <param name="Known">The year the outcome was published (its vintage; the deadline's next year when unknown).</param>
/// <param name="Government">Who set the target (the dataset's name for it; "" for the dataset's own).</param>
public sealed record RecordedTarget(Target Target, Indicator Indicator, double? Outcome, double Scale, int Known, string Government)
{
    /// <summary>The next report's own verdict (met or missed), the outcome when no figure is known; null when a figure is.</summary>
    public bool? Stated { get; init; }

    /// <summary>Whether the outcome met the target (<see cref="Target.Rule"/>), else the stated verdict.</summary>
    /// <exception cref="InvalidOperationException">Neither an outcome nor a verdict is known.</exception>
    public bool Met => Outcome is { } x ? Target.Rule(Indicator).IsMetBy(x)
        : Stated ?? throw new InvalidOperationException($"{Target.IndicatorId} {Target.Deadline}: neither an outcome nor a verdict is known");

    /// <summary>
    /// The standardised margin: the outcome's margin over the target in units of the indicator's scale
    /// (<see cref="MarginScale.Standardised"/>); null when only a verdict is known (the margin is then known only by its sign).
    /// </summary>
    public double? Margin => Outcome is { } x ? MarginScale.Standardised(Target.Rule(Indicator), x, Scale, MarginScale.InPoints(Indicator, Target)) : null;

    /// <summary>The target's year: the deadline's.</summary>
    public int Year => Target.Deadline.Year;
}

/// <summary>
/// The target setter's record: its past targets with their outcomes (<see cref="RecordedTarget"/>), from a dataset's
/// target history (target-history.csv), its first-published observations and, for a target whose figure the next
/// report does not give, that report's verdict on the target's indicator (verdicts.csv; a verdict on "all main targets"
/// names no indicator and is not taken as one's outcome). <see cref="KnownBy"/> cuts it to what was known in a year.
/// </summary>
public sealed class TargetRecord
{
    private TargetRecord(IReadOnlyList<RecordedTarget> targets, string name)
    {
        Targets = targets;
        Name = name;
    }

    /// <summary>The recorded targets, in year order.</summary>
    public IReadOnlyList<RecordedTarget> Targets { get; }

    /// <summary>What the record is (the dataset it comes from), for notes.</summary>
    public string Name { get; }

    /// <summary>No record.</summary>
    public static TargetRecord Empty { get; } = new([], "no record");

    /// <summary>The record of the targets of <paramref name="data"/>'s history whose outcome it holds.</summary>
    /// <param name="data">The dataset: its target history and its level (and growth) observations.</param>
    /// <param name="name">What to call the record in notes (the dataset's name).</param>
    /// <param name="government">Who set the targets ("" for the dataset's own government).</param>
    public static TargetRecord Of(Dataset data, string name, string government = "")
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = new List<RecordedTarget>();
        foreach (Target t in data.TargetHistory)
        {
            if (t.Kind == TargetKind.Cumulative || data.Find(t.IndicatorId) is not { } ind) continue;
            IndicatorSeries series = data.Series(ind.Id, implied: false);
            IndicatorSeries before = series.Before(t.Deadline);
            if (Judged(series, t, data.ChangesOf(ind.Id)) is { } outcome)
                targets.Add(new RecordedTarget(t, ind, outcome.Value, MarginScale.Of(ind, t, before), outcome.Known, government));
            else if (t.Plan is null && ReportVerdict.On(data.Verdicts, t, blanket: false) is { } stated)
                targets.Add(new RecordedTarget(t, ind, null, MarginScale.Of(ind, t, before), stated.ReportYear, government) { Stated = stated.Met });
        }

        return new TargetRecord([.. targets.OrderBy(r => r.Year)], name);
    }

    /// <summary>The record with another's targets added (a reference record, such as the national one for a province).</summary>
    public TargetRecord With(TargetRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Targets.Count == 0 ? this : Targets.Count == 0 ? other
            : new([.. Targets.Concat(other.Targets).OrderBy(r => r.Year)], $"{Name} with {other.Name}");
    }

    /// <summary>The targets whose outcome was published by <paramref name="year"/> (the targets set in that year are never among them).</summary>
    public TargetRecord KnownBy(int year) => new([.. Targets.Where(r => r.Known <= year && r.Year < year)], Name);

    /// <summary>The judged quantity of a target's deadline period as first published, and when it was published; null when absent.</summary>
    private static (double Value, int Known)? Judged(IndicatorSeries series, Target t, IEnumerable<Observation> changes)
    {
        Observation? level = series.Find(t.Deadline);
        if (t.Kind != TargetKind.Growth)
            return level is null ? null : (level.Value.Value, level.Vintage?.Year ?? t.Deadline.Year + 1);
        if (changes.FirstOrDefault(o => o.Period == t.Deadline && o.Measure == Measure.Growth && o.Value.Unit == Units.Percent) is { } g)
            return (g.Value.Value / 100, g.Vintage?.Year ?? t.Deadline.Year + 1);
        if (level is null || series.Find(t.Deadline - 1) is not { } prev || prev.Value.Value == 0) return null;
        return ((level.Value.Value / prev.Value.Value) - 1, level.Vintage?.Year ?? t.Deadline.Year + 1);
    }
}

/// <summary>
/// How margins of targets of different indicators are made comparable: a margin (outcome against the target, positive
/// when met, <see cref="TargetRule.Margin"/>) is divided by the indicator's typical year-to-year change, the root mean
/// square of its changes between consecutive years — in points for rates, shares and growth targets, in natural-log
/// units for levels and flows (ln(outcome / threshold) against ln(y_t / y_{t−1})).
/// </summary>
internal static class MarginScale
{
    /// <summary>The scale used when a history has fewer than two consecutive years: 1 point for % rates, 0.01 for growth fractions, 0.05 in log units (a year's change of a typical macro indicator; chosen a priori, not fitted).</summary>
    public static double Fallback(Indicator indicator, Target target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == TargetKind.Growth ? 0.01 : InPoints(indicator, target) ? (indicator.Unit == Units.Percent ? 1 : 0.05 * Math.Abs(target.Value.Value)) : 0.05;
    }

    /// <summary>Whether the target's margins are in points (rates, shares, % indicators, growth targets) rather than log units.</summary>
    public static bool InPoints(Indicator indicator, Target target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == TargetKind.Growth || indicator.ChangesInPoints || indicator.Unit == Units.Percent;
    }

    /// <summary>
    /// The indicator's typical year-to-year change in the history known before a target: √(mean of squared changes
    /// between consecutive periods), of the growth rates for a growth target; <see cref="Fallback"/> with fewer than two.
    /// </summary>
    public static double Of(Indicator indicator, Target target, IndicatorSeries history)
    {
        ArgumentNullException.ThrowIfNull(history);
        bool points = InPoints(indicator, target);
        var values = history.Select(o => (o.Period, o.Value.Value)).ToList();
        if (target.Kind == TargetKind.Growth)
        {
            values = [.. values.Zip(values.Skip(1)).Where(p => p.Second.Period == p.First.Period + 1 && p.First.Value != 0)
                .Select(p => (p.Second.Period, (p.Second.Value / p.First.Value) - 1))];
        }

        double sum = 0;
        int n = 0;
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i].Period != values[i - 1].Period + 1) continue;
            double d = points ? values[i].Value - values[i - 1].Value
                : values[i].Value > 0 && values[i - 1].Value > 0 ? Math.Log(values[i].Value / values[i - 1].Value) : double.NaN;
            if (!double.IsFinite(d)) continue;
            sum += d * d;
            n++;
        }

        double s = n >= 2 ? Math.Sqrt(sum / n) : 0;
        return s > 0 ? s : Fallback(indicator, target);
    }

    /// <summary>
    /// The margin of an outcome in units of the scale: the rule's margin over the scale in points; in log units
    /// ln(x / threshold) for a floor, ln(threshold / x) for a ceiling (the rule's margin over |bound| when either is not positive).
    /// </summary>
    public static double Standardised(TargetRule rule, double outcome, double scale, bool points)
    {
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "a scale is positive");
        if (points) return rule.Margin(outcome) / scale;
        double threshold = rule.Threshold;
        if (rule.Side != TargetComparison.About && outcome > 0 && threshold > 0)
            return (rule.Side == TargetComparison.AtLeast ? Math.Log(outcome / threshold) : Math.Log(threshold / outcome)) / scale;
        return rule.Margin(outcome) / Math.Max(Math.Abs(rule.Bound), double.Epsilon) / scale;
    }
}
