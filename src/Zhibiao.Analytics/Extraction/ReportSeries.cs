namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// The reports of one government in year order. A figure for a period is kept with its first-published vintage;
/// later reports' different figures are revisions, never conflicts. Outcomes of a year's targets are the next
/// report's figures; histories known at a year use only reports up to that year.
/// </summary>
public sealed class ReportSeries
{
    private ReportSeries(IReadOnlyList<ReportContent> reports) => Reports = reports;

    /// <summary>The reports, oldest first.</summary>
    public IReadOnlyList<ReportContent> Reports { get; }

    /// <summary>Reads report files or directories (their *.txt files). Every file is read before anything is returned.</summary>
    /// <exception cref="AnalyticsException">No report given, a file unreadable or not a report, or two reports of one year (both files named).</exception>
    public static ReportSeries Load(IEnumerable<string> paths, Extraction.SynonymTable? synonyms = null)
    {
        IReadOnlyList<string> files = ReportReader.Files(paths);
        return Of(files.Select(f => ReportReader.ReadFile(f, synonyms)), files);
    }

    /// <summary>A series from reports already read.</summary>
    /// <exception cref="AnalyticsException">Two reports of one year.</exception>
    public static ReportSeries Of(IEnumerable<ReportContent> reports, IReadOnlyList<string>? paths = null)
    {
        var list = reports.ToList();
        var byYear = new Dictionary<int, int>();
        for (int i = 0; i < list.Count; i++)
        {
            if (byYear.TryGetValue(list[i].Year, out int j))
            {
                string a = paths?[j] ?? list[j].File, b = paths?[i] ?? list[i].File;
                throw new AnalyticsException($"{b}: a second report of {list[i].Year} (already given: {a}); give one report per year");
            }

            byYear[list[i].Year] = i;
        }

        return new ReportSeries([.. list.OrderBy(r => r.Year)]);
    }

    /// <summary>The report of a year, or null.</summary>
    public ReportContent? Report(int year) => Reports.FirstOrDefault(r => r.Year == year);

    /// <summary>
    /// Every figure as first published, from the reports up to <paramref name="asOf"/> (all when null), by indicator
    /// then period: the vintage backtests use. Later different figures are <see cref="Revisions"/>.
    /// </summary>
    public IReadOnlyList<Observation> Figures(int? asOf = null) => [.. Vintages(asOf).Select(v => v[0])];

    /// <summary>Later reports' figures that differ from the figure before them, for the same indicator and period, each with its vintage.</summary>
    public IReadOnlyList<Observation> Revisions(int? asOf = null)
    {
        var revisions = new List<Observation>();
        foreach (List<Observation> l in Vintages(asOf))
        {
            double last = l[0].Value.Value;
            foreach (Observation f in l.Skip(1))
            {
                if (Math.Abs(f.Value.Value - last) > 1e-9 * Math.Max(1, Math.Abs(last))) revisions.Add(f);
                last = f.Value.Value;
            }
        }

        return revisions;
    }

    /// <summary>The first-published yearly values of an indicator known from the reports up to <paramref name="asOf"/>, by year.</summary>
    public IReadOnlyList<Observation> History(string indicatorId, int asOf) =>
        [.. Figures(asOf).Where(f => f.IndicatorId == indicatorId && f.Plan is null).OrderBy(f => f.Period)];

    /// <summary>The outcome of a target: the figure of its year in the next report, or null when that report is absent or silent.</summary>
    public Observation? Outcome(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Report(target.Deadline.Year + 1)?.Figures.FirstOrDefault(f => f.IndicatorId == target.IndicatorId && f.Plan is null && f.Period == target.Deadline);
    }

    /// <summary>Every figure's vintages, first published first, grouped by indicator, period and plan.</summary>
    private List<List<Observation>> Vintages(int? asOf)
    {
        var groups = new Dictionary<(string, Period, PlanPeriod?), List<Observation>>();
        var order = new List<(string Id, Period Period, PlanPeriod? Plan)>();
        foreach (ReportContent r in Reports.Where(r => asOf is null || r.Year <= asOf))
        {
            foreach (Observation f in r.Figures)
            {
                var key = (f.IndicatorId, f.Period, f.Plan);
                if (!groups.TryGetValue(key, out var l)) { groups[key] = l = []; order.Add(key); }
                l.Add(f);
            }
        }

        return [.. order.OrderBy(k => IndexOf(k.Id)).ThenBy(k => k.Plan?.ToString() ?? k.Period.ToString(), StringComparer.Ordinal).Select(k => groups[(k.Id, k.Period, k.Plan)])];
    }

    /// <summary>The next report's verdict on a target: for its indicator, else for all main targets (main targets only); null if silent.</summary>
    public bool? StatedVerdict(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ReportVerdict.On(Report(target.Deadline.Year + 1)?.Verdicts ?? [], target, blanket: true)?.Met;
    }

    private static int IndexOf(string id)
    {
        for (int i = 0; i < ReportIndicators.All.Count; i++)
            if (ReportIndicators.All[i].Id == id) return i;
        return int.MaxValue;
    }
}
