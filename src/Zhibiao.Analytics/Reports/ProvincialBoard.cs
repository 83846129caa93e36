namespace Zhibiao.Analytics.Reports;

/// <summary>The main targets of one regional report, with what its review says of the year before.</summary>
/// <param name="Region">The region as the report names it (浙江省, 新疆维吾尔自治区).</param>
/// <param name="File">The report file name.</param>
/// <param name="Content">The report as read.</param>
/// <param name="Main">Its main targets of the board's indicators, in text order.</param>
/// <param name="Note">Why it has none (no main-targets statement found), else null.</param>
public sealed record RegionTargets(string Region, string File, ReportContent Content, IReadOnlyList<Target> Main, string? Note);

/// <summary>One cell of the board: a region's main target with its latest outcome, five-year average, P(met) and status.</summary>
/// <param name="Region">The region as the report names it.</param>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its indicator.</param>
/// <param name="Latest">The region's figure for the year before (its own review), or null.</param>
/// <param name="Average5y">The yearly average of the five years before (十四五 figures), or null.</param>
/// <param name="Chance">P(met) and its inputs.</param>
/// <param name="Status">The deterministic verdict: on_track when last year's figure already meets this year's target, off_track when not, insufficient_data without it.</param>
public sealed record BoardRow(string Region, Target Target, ReportIndicator Indicator, Observation? Latest, Observation? Average5y, BoardChance Chance, string Status);

/// <summary>
/// Every region's main targets of one year on one board (issue 17): the main targets of each report (its
/// 主要预期目标 statement, <see cref="ReportReader.MainStatement"/>), last year's outcome and the five-year average from
/// its own review, and P(met) by <see cref="BoardProbability"/> with the spread of changes pooled across the regions
/// and the national history, and the national target setters' track record.
/// </summary>
public sealed class ProvincialBoard
{
    /// <summary>The indicators of the board, in column order.</summary>
    public static IReadOnlyList<string> Indicators { get; } =
    [
        "gdp_growth", "industrial_value_added_growth", "fixed_investment_growth", "retail_sales_growth", "trade_growth", "budget_revenue_growth",
        "income_growth", "urban_income_growth", "rural_income_growth", "cpi", "urban_new_jobs", "surveyed_unemployment", "grain_output",
    ];

    private ProvincialBoard(IReadOnlyList<RegionTargets> regions, IReadOnlyList<BoardRow> rows)
    {
        Regions = regions;
        Rows = rows;
    }

    /// <summary>The regions, in the order given.</summary>
    public IReadOnlyList<RegionTargets> Regions { get; }

    /// <summary>One row per region and main target.</summary>
    public IReadOnlyList<BoardRow> Rows { get; }

    /// <summary>Reads report files or directories (their *.txt files) and builds the board; every file is read before anything is returned.</summary>
    /// <exception cref="AnalyticsException">No report given, or a file unreadable or not a report (the file named).</exception>
    public static ProvincialBoard Load(IEnumerable<string> paths, NationalRecord national, BoardProbabilityOptions? options = null)
    {
        IReadOnlyList<string> files = ReportReader.Files(paths);
        var regions = files.Select(f => Read(Extraction.FactExtractor.ReadReport(f), Path.GetFileName(f), ReportReader.YearOfFileName(Path.GetFileNameWithoutExtension(f)))).ToList();
        return Build(regions, national, options);
    }

    /// <summary>Reads one regional report: its region, main targets and a note when it has no main-targets statement.</summary>
    /// <exception cref="AnalyticsException">Not a government work report.</exception>
    public static RegionTargets Read(string text, string file, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReportContent content;
        try
        {
            content = ReportReader.Read(text, file, year);
        }
        catch (AnalyticsException e) when (!e.Message.StartsWith(file, StringComparison.Ordinal))
        {
            throw new AnalyticsException($"{file}: {e.Message}", e);
        }

        var main = content.Targets.Where(t => t.IsMain && Indicators.Contains(t.IndicatorId)).ToList();
        string? note = content.MainStatement is null
            ? "no main-targets statement found (no 主要预期目标/主要目标 … 是/为 for the coming year, nor a list after 今年)"
            : main.Count == 0 ? "the main-targets statement names none of the board's indicators with a figure" : null;
        return new RegionTargets(RegionOf(text, file), file, content, main, note);
    }

    /// <summary>Builds the board from reports already read.</summary>
    public static ProvincialBoard Build(IReadOnlyList<RegionTargets> regions, NationalRecord national, BoardProbabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(national);
        options ??= BoardProbabilityOptions.Default;
        var rows = new List<BoardRow>();
        var changes = Indicators.ToDictionary(id => id, id => PooledChanges(id, regions, national, options));
        var record = national.Record();
        foreach (RegionTargets r in regions)
        {
            foreach (Target t in r.Main)
            {
                ReportIndicator ind = ReportIndicators.Find(t.IndicatorId)!;
                Observation? latest = Latest(r.Content, t.IndicatorId);
                Observation? average = Average(r.Content, t.IndicatorId);
                BoardChance chance = BoardProbability.Assess(t, new ThinHistory(latest?.Value.Value, average?.Value.Value), changes[t.IndicatorId], record, options);
                string status = latest is null ? "insufficient_data" : t.Rule(ind.Indicator).IsMetBy(latest.Value.Value) ? "on_track" : "off_track";
                rows.Add(new BoardRow(r.Region, t, ind, latest, average, chance, status));
            }
        }

        return new ProvincialBoard(regions, rows);
    }

    /// <summary>
    /// The changes pooled for an indicator: its national year-to-year changes and each region's deviation of last year
    /// from its five-year average (scaled by √<see cref="BoardProbabilityOptions.DeviationToChange"/>).
    /// </summary>
    public static IReadOnlyList<double> PooledChanges(string indicatorId, IEnumerable<RegionTargets> regions, NationalRecord national, BoardProbabilityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(national);
        options ??= BoardProbabilityOptions.Default;
        bool percent = ReportIndicators.Find(indicatorId)?.Indicator.Unit.Symbol == "%";
        var pooled = national.Changes(indicatorId).ToList();
        foreach (RegionTargets r in regions)
        {
            if (Latest(r.Content, indicatorId) is not { } l || Average(r.Content, indicatorId) is not { } a) continue;
            double lv = l.Value.Value, av = a.Value.Value;
            double d = percent ? lv - av : lv > 0 && av > 0 ? Math.Log(lv / av) : double.NaN;
            if (double.IsFinite(d)) pooled.Add(d * Math.Sqrt(options.DeviationToChange));
        }

        return pooled;
    }

    /// <summary>The report's figure of the year before for an indicator, or null.</summary>
    public static Observation? Latest(ReportContent report, string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Figures.FirstOrDefault(f => f.IndicatorId == indicatorId && f.Plan is null && f.Period == Period.OfYear(report.Year - 1));
    }

    /// <summary>The report's yearly average of the five years before (e.g. 2021-2025) for an indicator, or null.</summary>
    public static Observation? Average(ReportContent report, string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = new PlanPeriod(Period.OfYear(report.Year - 5), Period.OfYear(report.Year - 1));
        return report.Figures.FirstOrDefault(f => f.IndicatorId == indicatorId && f.Plan == plan);
    }

    /// <summary>
    /// The region as the report names it, among the 31 provincial-level regions: from its title, byline or signature
    /// (2026年浙江省政府工作报告, 在浙江省第十四届人民代表大会…, 浙江省人民政府省长), else the region its text names most often,
    /// else from the file name (zhejiang-2026.txt), else the file name as it is.
    /// </summary>
    public static string RegionOf(string text, string file) => Extraction.Regions.Of(text, file);
}
