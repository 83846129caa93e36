using System.Globalization;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Reports;

/// <summary>
/// The national history a report-series dataset holds (datasets/china-national): the first-published yearly
/// figures of each indicator (observations.csv) and every target the reports set (report-targets.csv), so that a
/// target's outcome is the figure of its year. It gives the pooled spread of year-to-year changes and the target
/// setters' track record of <see cref="BoardProbability"/>.
/// </summary>
public sealed class NationalRecord
{
    private static readonly string[] TargetColumns = ["year", "indicator", "wording", "value", "unit"];
    private static readonly string[] TargetOptional = ["subject", "high", "main", "source", "address"];
    private readonly Dictionary<(string, int), double> _values;

    private NationalRecord(Dictionary<(string, int), double> values, IReadOnlyList<ReportTarget> targets)
    {
        _values = values;
        Targets = targets;
    }

    /// <summary>The targets, in year order.</summary>
    public IReadOnlyList<ReportTarget> Targets { get; }

    /// <summary>An empty record (no history, no targets).</summary>
    public static NationalRecord Empty { get; } = new([], []);

    /// <summary>Loads a dataset directory, or a bundled dataset by name (china-national), with its report-targets.csv.</summary>
    /// <exception cref="DataFormatException">A file is missing or malformed (file, line and column named).</exception>
    public static NationalRecord Load(string directoryOrName)
    {
        ArgumentNullException.ThrowIfNull(directoryOrName);
        Dataset dataset = Dataset.Load(directoryOrName);
        bool bundled = !Directory.Exists(directoryOrName) && BundledDatasets.Contains(directoryOrName);
        string path = bundled ? $"bundled:{directoryOrName}/report-targets.csv" : Path.Combine(directoryOrName, "report-targets.csv");
        Func<TextReader>? open = bundled ? () => BundledDatasets.Open(directoryOrName, "report-targets.csv")
            : File.Exists(path) ? () => new StreamReader(path) : null;
        var targets = new List<ReportTarget>();
        foreach (CsvRecord r in CsvRecords.Read(path, open, TargetColumns, TargetOptional))
        {
            string id = r.Required("indicator");
            if (ReportIndicators.Find(id) is null) throw r.Error("indicator", $"'{id}' is not an indicator of government work reports");
            TargetWording wording = r.Parse("wording", ParseWording);
            double value = r.Parse("value", Number);
            double? high = r.ParseOptional("high", Number);
            targets.Add(new ReportTarget(r.Parse("year", s => int.Parse(s, CultureInfo.InvariantCulture)), id, r["subject"], value, high, wording,
                r["main"] != "false", r["source"], 0, 0, "")
            { Decimals = Decimals(r["value"]) });
        }

        var values = new Dictionary<(string, int), double>();
        foreach (Indicator ind in dataset.Indicators)
        {
            if (ReportIndicators.Find(ind.Id) is null) continue;
            foreach (Observation o in dataset.ObservationsOf(ind.Id).Where(o => o.Measure == Measure.Level && o.Period.Frequency == Frequency.Yearly))
                values.TryAdd((ind.Id, o.Period.Year), o.Value.ConvertTo(ind.Unit).Value);
        }

        return new NationalRecord(values, [.. targets.OrderBy(t => t.Year)]);
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

    /// <summary>Whether a target was met by the figure of its year (<see cref="TargetSemantics"/>), or null when there is none.</summary>
    public bool? Met(ReportTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Value(target.IndicatorId, target.Year) is not { } outcome) return null;
        return TargetSemantics.IsMet(target, ReportIndicators.Find(target.IndicatorId)!.Indicator, outcome);
    }

    /// <summary>(indicator, met) of the main targets whose outcome was published by <paramref name="asOf"/> (target year &lt; asOf), all when null.</summary>
    public IReadOnlyList<(string IndicatorId, bool Met)> Record(int? asOf = null) =>
        [.. Targets.Where(t => t.IsMain && (asOf is null || t.Year < asOf)).Select(t => (t.IndicatorId, Met: Met(t))).Where(x => x.Met is not null).Select(x => (x.IndicatorId, x.Met!.Value))];

    private static TargetWording ParseWording(string s) => s switch
    {
        "about" => TargetWording.About,
        "at_least" => TargetWording.AtLeast,
        "at_most" => TargetWording.AtMost,
        "range" => TargetWording.Range,
        "exact" => TargetWording.Exact,
        _ => throw new FormatException($"'{s}' is not a wording (exact, about, at_least, at_most, range)"),
    };

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Decimals(string s)
    {
        int dot = s.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || s.Contains('E', StringComparison.OrdinalIgnoreCase) ? 0 : s.Length - dot - 1;
    }
}
