using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics;

/// <summary>The main targets of one regional report, with what its review says of the year before.</summary>
/// <param name="Region">The region as the report names it (浙江省, 新疆维吾尔自治区).</param>
/// <param name="File">The report file name.</param>
/// <param name="Content">The report as read.</param>
/// <param name="Main">Its main targets of the board's indicators, in text order.</param>
/// <param name="Note">Why it has none (no main-targets statement found), else null.</param>
internal sealed record RegionTargets(string Region, string File, ReportContent Content, IReadOnlyList<Target> Main, string? Note);

/// <summary>One cell of the board: a region's main target with its latest outcome, five-year average and judgement.</summary>
/// <param name="Region">The region as the report names it.</param>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its canonical indicator.</param>
/// <param name="Latest">The region's figure for the year before (its own review), or null.</param>
/// <param name="Average5y">The yearly average of the five years before (十四五 figures), or null.</param>
/// <param name="Judgement">The target judged by the pipeline: its tracking on last year's figure and P(met).</param>
public sealed record BoardRow(string Region, Target Target, ReportIndicator Indicator, Observation? Latest, Observation? Average5y, TargetJudgement Judgement);

/// <summary>
/// Every region's main targets of one year on one board (issue 17): the main targets of each report (its
/// 主要预期目标 statement), last year's outcome and the five-year average from its own review, each judged by the
/// pipeline (<see cref="TargetPipeline"/>) with the board's composition: the national record (the region has none of
/// its own, so with more spread: <see cref="MarginModelOptions.BetweenGovernments"/>) pooled with a forecast from the
/// thin history (<see cref="ThinHistoryAssessor"/>, its changes pooled across the regions and the national history),
/// the settings and the forecast's weights averaged by their walk-forward likelihood on the national targets (<see cref="NationalHindcast(Dataset)"/>).
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
    internal IReadOnlyList<RegionTargets> Regions { get; }

    /// <summary>One row per region and main target.</summary>
    public IReadOnlyList<BoardRow> Rows { get; }

    /// <summary>Reads report files or directories (their *.txt files) and builds the board; every file is read before anything is returned.</summary>
    /// <exception cref="AnalyticsException">No report given, or a file unreadable or not a report (the file named).</exception>
    public static ProvincialBoard Load(IEnumerable<string> paths, Dataset national) => Load(paths, national, null);

    /// <inheritdoc cref="Load(IEnumerable{string}, Dataset)"/>
    internal static ProvincialBoard Load(IEnumerable<string> paths, Dataset national, ThinHistoryOptions? options)
    {
        IReadOnlyList<string> files = ReportReader.Files(paths);
        var regions = files.Select(f => Read(FactExtractor.ReadReport(f), Path.GetFileName(f), ReportReader.YearOfFileName(Path.GetFileNameWithoutExtension(f)))).ToList();
        return Build(regions, national, options);
    }

    /// <summary>Reads one regional report: its region, main targets and a note when it has no main-targets statement.</summary>
    /// <exception cref="AnalyticsException">Not a government work report.</exception>
    internal static RegionTargets Read(string text, string file, int? year = null)
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

    /// <summary>
    /// The national hindcast the board's choices come from: the national main targets judged walk-forward from the thin
    /// history a provincial report shows of each (last year's figure and the five-year average of the growth
    /// indicators), with the national changes known before each year.
    /// </summary>
    public static Hindcast NationalHindcast(Dataset national) => NationalHindcast(national, null);

    /// <inheritdoc cref="NationalHindcast(Dataset)"/>
    internal static Hindcast NationalHindcast(Dataset national, ThinHistoryOptions? options)
    {
        ArgumentNullException.ThrowIfNull(national);
        var thin = new ThinHistoryAssessor((id, year) => ThinHistoryAssessor.Changes(national, id, year), options);
        Dataset main = new(national.Indicators, national.Observations, national.Targets, national.TargetHistory.Where(t => t.IsMain)) { Verdicts = national.Verdicts };
        return Hindcast.Run(main, "china-national", thin, null, (d, t) => ThinEvidence(d, t));
    }

    /// <summary>Builds the board from reports already read.</summary>
    internal static ProvincialBoard Build(IReadOnlyList<RegionTargets> regions, Dataset national, ThinHistoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(national);
        Hindcast hindcast = NationalHindcast(national, options);
        var changes = Indicators.ToDictionary(id => id, id => PooledChanges(id, regions, national));
        var assessor = new PooledAssessor(new ThinHistoryAssessor((id, _) => changes.GetValueOrDefault(id) ?? [], options), hindcast.Record, hindcast.ChoiceFor);
        var rows = new List<BoardRow>();
        foreach (RegionTargets r in regions)
        {
            foreach (Target t in r.Main)
            {
                ReportIndicator ind = ReportIndicators.Find(t.IndicatorId)!;
                Observation? latest = Latest(r.Content, t.IndicatorId);
                Observation? average = Average(r.Content, t.IndicatorId);
                var series = IndicatorSeries.Create(ind.Indicator, latest is null ? [] : [latest]);
                TargetJudgement j = TargetPipeline.Judge(series, t, assessor, e => e with { Average = average, Government = r.Region, RecordIndicatorId = ind.Id });
                rows.Add(new BoardRow(r.Region, t, ind, latest, average, j));
            }
        }

        return new ProvincialBoard(regions, rows);
    }

    /// <summary>
    /// The changes pooled for an indicator: its national year-to-year changes and each region's deviation of last year
    /// from its five-year average, times √(5/3): for yearly values y = μ + ε, Var(y_t − y_{t−1}) = 2σ² while
    /// Var(y_t − mean of 5) = 1.2σ² (in points for % indicators, in log units for levels).
    /// </summary>
    internal static IReadOnlyList<double> PooledChanges(string indicatorId, IEnumerable<RegionTargets> regions, Dataset national)
    {
        ArgumentNullException.ThrowIfNull(national);
        bool percent = ReportIndicators.Find(indicatorId)?.Indicator.Unit == Units.Percent;
        var pooled = ThinHistoryAssessor.Changes(national, indicatorId).ToList();
        foreach (RegionTargets r in regions)
        {
            if (Latest(r.Content, indicatorId) is not { } l || Average(r.Content, indicatorId) is not { } a) continue;
            double lv = l.Value.Value, av = a.Value.Value;
            double d = percent ? lv - av : lv > 0 && av > 0 ? Math.Log(lv / av) : double.NaN;
            if (double.IsFinite(d)) pooled.Add(d * Math.Sqrt(2 / 1.2));
        }

        return pooled;
    }

    /// <summary>A national target's thin history as a provincial report shows it: last year's figure, and the five-year average of a growth indicator.</summary>
    private static TargetEvidence ThinEvidence(Dataset national, Target t)
    {
        Indicator ind = national.Get(t.IndicatorId);
        int year = t.Deadline.Year;
        IndicatorSeries all = national.Series(ind.Id, implied: false);
        Observation? latest = all.Find(Period.OfYear(year - 1));
        var five = Enumerable.Range(year - 5, 5).Select(y => all.Find(Period.OfYear(y))).ToList();
        Observation? average = five.All(o => o is not null) && ReportIndicators.Find(ind.Id)?.Reads == Measure.Growth
            ? new Observation(ind.Id, Period.OfYear(year - 1), Measure.Level, Quantity.Of(five.Average(o => o!.Value.Value), ind.Unit), Qualifier.Exact, Source.Computed)
            { Plan = new PlanPeriod(Period.OfYear(year - 5), Period.OfYear(year - 1)) }
            : null;
        var series = IndicatorSeries.Create(ind, latest is null ? [] : [latest]);
        return new TargetEvidence(t, series, Tracker.Track(series, t)) { Average = average };
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
