using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Reports;

/// <summary>
/// The national history a report-series dataset holds (datasets/china-national): the first-published yearly
/// figures of each indicator (observations.csv) and every target the reports set (target-history.csv), so that a
/// target's outcome is the figure of its year. It gives the pooled spread of year-to-year changes and the target
/// setters' track record of <see cref="BoardProbability"/>.
/// </summary>
public sealed class NationalRecord
{
    private readonly Dictionary<(string, int), double> _values;

    private NationalRecord(Dictionary<(string, int), double> values, IReadOnlyList<Target> targets)
    {
        _values = values;
        Targets = targets;
    }

    /// <summary>The targets, in year order.</summary>
    public IReadOnlyList<Target> Targets { get; }

    /// <summary>An empty record (no history, no targets).</summary>
    public static NationalRecord Empty { get; } = new([], []);

    /// <summary>Loads a dataset directory, or a bundled dataset by name (china-national), with its target-history.csv.</summary>
    /// <exception cref="DataFormatException">A file is missing or malformed (file, line and column named).</exception>
    public static NationalRecord Load(string directoryOrName)
    {
        ArgumentNullException.ThrowIfNull(directoryOrName);
        return Of(Dataset.Load(directoryOrName));
    }

    /// <summary>The record of a dataset: its yearly levels of the reports' indicators and its target history.</summary>
    public static NationalRecord Of(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var values = new Dictionary<(string, int), double>();
        foreach (Indicator ind in dataset.Indicators)
        {
            if (ReportIndicators.Find(ind.Id) is null) continue;
            foreach (Observation o in dataset.ObservationsOf(ind.Id).Where(o => o.Measure == Measure.Level && o.Period.Frequency == Frequency.Yearly))
                values.TryAdd((ind.Id, o.Period.Year), o.Value.ConvertTo(ind.Unit).Value);
        }

        var targets = dataset.TargetHistory.Where(t => ReportIndicators.Find(t.IndicatorId) is not null).OrderBy(t => t.Deadline.Year).ToList();
        return new NationalRecord(values, targets);
    }

    /// <summary>The figure of an indicator for a year, or null.</summary>
    public double? Value(string indicatorId, int year) => _values.TryGetValue((indicatorId, year), out double v) ? v : null;

    /// <summary>
    /// The year-to-year changes of an indicator between years before <paramref name="before"/> (all when null): in
    /// points for % indicators, in natural-log units for levels (jobs, grain).
    /// </summary>
    public IReadOnlyList<double> Changes(string indicatorId, int? before = null)
    {
        bool percent = ReportIndicators.Find(indicatorId)?.Indicator.Unit.Symbol == "%";
        var changes = new List<double>();
        foreach (((string id, int year), double v) in _values.OrderBy(kv => kv.Key.Item2))
        {
            if (id != indicatorId || (before is { } b && year >= b) || Value(id, year - 1) is not { } prev) continue;
            if (percent) changes.Add(v - prev);
            else if (v > 0 && prev > 0) changes.Add(Math.Log(v / prev));
        }

        return changes;
    }

    /// <summary>Whether a target was met by the figure of its year (<see cref="Target.Rule"/>), or null when there is none.</summary>
    public bool? Met(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Value(target.IndicatorId, target.Deadline.Year) is not { } outcome) return null;
        return target.Rule(ReportIndicators.Find(target.IndicatorId)!.Indicator).IsMetBy(outcome);
    }

    /// <summary>(indicator, met) of the main targets whose outcome was published by <paramref name="asOf"/> (target year &lt; asOf), all when null.</summary>
    public IReadOnlyList<(string IndicatorId, bool Met)> Record(int? asOf = null) =>
        [.. Targets.Where(t => t.IsMain && (asOf is null || t.Deadline.Year < asOf)).Select(t => (t.IndicatorId, Met: Met(t))).Where(x => x.Met is not null).Select(x => (x.IndicatorId, x.Met!.Value))];
}
