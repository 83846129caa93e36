namespace Zhibiao.Analytics.Data;

/// <summary>
/// Indicators with their observations and targets, as held in a dataset directory (indicators.csv,
/// observations.csv, targets.csv, and target-history.csv and verdicts.csv when the setter's record is known; formats in
/// docs/data-formats.md). Immutable; every observation and target refers to a known indicator in a unit of its dimension.
/// </summary>
public sealed class Dataset
{
    private readonly Dictionary<string, Indicator> _indicators;
    private readonly ILookup<string, Observation> _byIndicator;

    /// <summary>A dataset from its parts; checks that they fit together.</summary>
    /// <param name="indicators">The indicators.</param>
    /// <param name="observations">Their observations.</param>
    /// <param name="targets">The targets to judge.</param>
    /// <param name="targetHistory">Every target the setter has stated, past ones included (its record), or none.</param>
    /// <exception cref="AnalyticsException">An observation or target refers to an unknown indicator or an incompatible unit, or two figures disagree.</exception>
    public Dataset(IEnumerable<Indicator> indicators, IEnumerable<Observation> observations, IEnumerable<Target> targets, IEnumerable<Target>? targetHistory = null)
    {
        Indicators = [.. indicators];
        _indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (Indicator i in Indicators)
            if (!_indicators.TryAdd(i.Id, i)) throw new AnalyticsException($"indicator '{i.Id}' is defined twice");
        Observations = [.. observations];
        Targets = [.. targets];
        TargetHistory = [.. targetHistory ?? []];
        foreach (Observation o in Observations) DatasetRules.Check(Get(o.IndicatorId), o);
        foreach (Target t in Targets.Concat(TargetHistory)) DatasetRules.Check(Get(t.IndicatorId), t);
        DatasetRules.CheckDuplicates(Observations);
        _byIndicator = Observations.ToLookup(o => o.IndicatorId, StringComparer.Ordinal);
    }

    /// <summary>The indicators, in file order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Every observation: levels, changes and growth figures.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>The targets to judge.</summary>
    public IReadOnlyList<Target> Targets { get; }

    /// <summary>
    /// Every target the setter has stated, past ones included (target-history.csv; empty when the dataset has none):
    /// with the observations, the setter's record of targets met and missed.
    /// </summary>
    public IReadOnlyList<Target> TargetHistory { get; }

    /// <summary>
    /// What the setter's later reports said of its past targets, met or missed (verdicts.csv; empty when the dataset has
    /// none): the outcome of a target whose figure the next report does not give (a missed target is more often named
    /// than quantified).
    /// </summary>
    public IReadOnlyList<ReportVerdict> Verdicts { get; init; } = [];

    /// <summary>
    /// Reads a dataset directory, or a bundled dataset by name (<see cref="BundledNames"/>, e.g. "xinjiang") when no
    /// such directory exists; nothing is returned unless all three files are valid.
    /// </summary>
    /// <exception cref="DataFormatException">A file is missing or malformed (the message names file, line and column), or neither a directory nor a bundled name.</exception>
    public static Dataset Load(string directoryOrName)
    {
        if (Directory.Exists(directoryOrName)) return DatasetReader.Read(directoryOrName);
        if (BundledDatasets.Contains(directoryOrName)) return BundledDatasets.Load(directoryOrName);
        throw new DataFormatException(directoryOrName, 0, null,
            $"dataset directory not found, nor a bundled dataset (bundled: {string.Join(", ", BundledNames)})");
    }

    /// <summary>The names of the datasets that ship inside the package (the repository's datasets/NAME), sorted.</summary>
    public static IReadOnlyList<string> BundledNames => BundledDatasets.Names;

    /// <summary>Writes the three files into a directory, each atomically (written aside, then moved into place).</summary>
    public void Save(string directory) => DatasetWriter.Write(this, directory);

    /// <summary>
    /// The dataset as it stood at the end of <paramref name="asOf"/>: only the figures of periods that had ended by
    /// then (a year ends in December, a quarter in its third month) and, when their vintage is known, published by then;
    /// the targets unchanged. No later figure is left in it.
    /// </summary>
    public Dataset AsOf(Period asOf) =>
        new(Indicators, Observations.Where(o => EndsBy(o.Period, asOf) && (o.Vintage is not { } v || EndsBy(v, asOf))), Targets, TargetHistory)
        {
            Verdicts = [.. Verdicts.Where(v => EndsBy(Period.OfYear(v.ReportYear), asOf))],
        };

    /// <summary>Whether a period ends no later than another: its last month is at or before the other's.</summary>
    internal static bool EndsBy(Period p, Period asOf) => LastMonth(p) <= LastMonth(asOf);

    private static int LastMonth(Period p) => (p.Year * 12) + (p.SubPeriod * (12 / p.Frequency.PeriodsPerYear()));

    /// <summary>The indicator with the id, or null.</summary>
    public Indicator? Find(string id) => _indicators.GetValueOrDefault(id);

    /// <summary>The indicator with the id.</summary>
    /// <exception cref="AnalyticsException">No such indicator; the message lists the known ids.</exception>
    public Indicator Get(string id) => Find(id) ?? throw new AnalyticsException(
        $"unknown indicator '{id}' (known: {string.Join(", ", Indicators.Select(i => i.Id))})");

    /// <summary>Every observation of an indicator.</summary>
    public IEnumerable<Observation> ObservationsOf(string id) => _byIndicator[id];

    /// <summary>The reported change and growth figures of an indicator over one period (not year-to-date ones).</summary>
    public IEnumerable<Observation> ChangesOf(string id) => _byIndicator[id].Where(o => o.Measure != Measure.Level && !o.IsYearToDate);

    /// <summary>
    /// The level series of an indicator: its values of each period. A monthly or quarterly flow's periods without a
    /// reported value take the value its year-to-date totals (and year-to-date growth with last year's totals) give,
    /// marked derived (<see cref="YearToDate"/>; 1–9月累计 less 1–8月累计 is September's value). With
    /// <paramref name="implied"/>, periods still without a level take the level implied by the next period's reported
    /// change or growth, marked derived.
    /// </summary>
    /// <exception cref="AnalyticsException">A flow's year-to-date total falls within a year, or a period between two of a year's totals has none.</exception>
    public IndicatorSeries Series(string id, bool implied = true)
    {
        Indicator ind = Get(id);
        Observation[] levels = [.. _byIndicator[id].Where(o => o.Measure == Measure.Level && !o.IsYearToDate)];
        IndicatorSeries s = IndicatorSeries.Create(ind, levels.Concat(YearToDate.PeriodValues(ind, levels, _byIndicator[id].Where(o => o.IsYearToDate))));
        return implied ? s.WithImpliedPrevious(ChangesOf(id)) : s;
    }

    /// <summary>The growth table of an indicator (with implied values), reported growth beside the computed.</summary>
    public GrowthTable GrowthTable(string id, Period? indexBase = null) => Zhibiao.Analytics.GrowthTable.Of(Series(id), ChangesOf(id), indexBase);
}
