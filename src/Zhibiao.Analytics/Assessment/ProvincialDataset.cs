using System.Globalization;
using System.Text;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics;

/// <summary>
/// Writes a <see cref="ProvincialBoard"/> as a dataset directory (datasets/china-provinces-2026): one indicator per
/// region and canonical indicator, its id the canonical id and the report's file stem (gdp_growth.zhejiang);
/// observations.csv the figures of the year before each report states; targets.csv (and target-history.csv) the main
/// targets as worded, side and tolerance by <see cref="Target.FromWording"/>; plus board.csv (the board's rows, the
/// columns of the board command), averages.csv (five-year yearly averages, in the observations.csv format),
/// regions.csv (region, file, main targets found, note) and synonyms.csv (the shipped subject table). Everything is
/// built before any file is written, and written all or nothing.
/// </summary>
internal static class ProvincialDataset
{
    /// <summary>The columns of board.csv, as the board command prints them.</summary>
    public static IReadOnlyList<string> BoardColumns { get; } = ["region", "year", "indicator", "subject", "kind", "direction", "value", "high", "unit", "latest", "latest_period", "average_5y", "p_met", "status", "note"];

    /// <summary>The dataset id of a canonical indicator in a region's report: gdp_growth.zhejiang for zhejiang-2026.txt.</summary>
    public static string RegionalId(string indicatorId, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string stem = Path.GetFileNameWithoutExtension(file);
        int dash = stem.LastIndexOf('-');
        if (dash > 0 && ReportReader.YearOfFileName(stem[(dash + 1)..]) is not null) stem = stem[..dash];
        return $"{indicatorId}.{stem}";
    }

    /// <summary>Builds the dataset: indicators, observations of the year before, main targets (also its target history).</summary>
    public static Dataset Build(ProvincialBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var observations = new List<Observation>();
        var targets = new List<Target>();
        foreach (RegionTargets r in board.Regions)
        {
            foreach (Observation f in r.Content.Figures.Where(f => f.Plan is null && ProvincialBoard.Indicators.Contains(f.IndicatorId)))
                observations.Add(f with { IndicatorId = Regional(indicators, r, f.IndicatorId) });
            foreach (Target t in r.Main)
                targets.Add(t with { IndicatorId = Regional(indicators, r, t.IndicatorId) });
        }

        return new Dataset(indicators.Values, observations, targets, targets);
    }

    /// <summary>Writes the dataset and its side files into a directory, all or nothing.</summary>
    /// <exception cref="AnalyticsException">The directory cannot be written.</exception>
    public static void Write(ProvincialBoard board, string directory)
    {
        ArgumentNullException.ThrowIfNull(board);
        Dataset dataset = Build(board);
        var side = new DatasetSideFiles
        {
            Observations =
            {
                ["averages.csv"] = [.. board.Regions.SelectMany(r => r.Content.Figures
                    .Where(f => f.Plan is not null && ProvincialBoard.Indicators.Contains(f.IndicatorId))
                    .Select(f => f with { IndicatorId = RegionalId(f.IndicatorId, r.File) }))],
            },
            Tables =
            {
                ["board.csv"] = BoardTable(board),
                ["regions.csv"] = Regions(board),
                ["synonyms.csv"] = ReportTables.Synonyms(ReportIndicators.DefaultSynonyms),
            },
        };
        DatasetWriter.Write(dataset, directory, side);
    }

    /// <summary>The board as CSV (the columns of <see cref="BoardColumns"/>).</summary>
    public static string BoardCsv(ProvincialBoard board)
    {
        CsvTable table = BoardTable(board);
        var sb = new StringBuilder(string.Join(",", table.Columns) + "\n");
        foreach (IReadOnlyList<string> row in table.Rows)
            sb.Append(string.Join(",", row.Select(c => c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c))).Append('\n');
        return sb.ToString();
    }

    private static CsvTable BoardTable(ProvincialBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new(BoardColumns, [.. board.Rows.Select(r => (IReadOnlyList<string>)[
            r.Region, Num(r.Target.Deadline.Year), r.Indicator.Id, r.Target.Source.Subject ?? "", r.Indicator.Reads == Measure.Growth ? "growth" : "level",
            Indicator.ToToken(r.Indicator.Indicator.Direction), Num(r.Target.Value.Value), r.Target.High is { } h ? Num(h.ConvertTo(r.Indicator.Indicator.Unit).Value) : "",
            r.Indicator.Indicator.Unit.Symbol, r.Latest is { } l ? Num(l.Value.Value) : "", r.Latest?.Period.ToString() ?? "",
            r.Average5y is { } a ? Num(a.Value.Value) : "", r.Judgement.ProbabilityMet is { } p ? Num(Math.Round(p, 4)) : "", r.Judgement.Tracking.Status.ToToken(), ""]),
            // Every region given is on the board: one without main targets is a row with its note.
            .. board.Regions.Where(r => r.Main.Count == 0).Select(r => (IReadOnlyList<string>)[
                r.Region, Num(r.Content.Year), "", "", "", "", "", "", "", "", "", "", "", "", r.Note ?? ""])]);
    }

    private static CsvTable Regions(ProvincialBoard board) => new(
        ["region", "file", "year", "main_targets", "statement", "note"],
        [.. board.Regions.Select(r => (IReadOnlyList<string>)[r.Region, r.File, Num(r.Content.Year), Num(r.Main.Count),
            r.Content.MainStatement is { } s ? $"chars {s.Start}-{s.End}" : "", r.Note ?? ""])]);

    private static string Regional(Dictionary<string, Indicator> indicators, RegionTargets r, string id)
    {
        string rid = RegionalId(id, r.File);
        if (!indicators.ContainsKey(rid))
        {
            Indicator ind = ReportIndicators.Find(id)!.Indicator;
            indicators[rid] = ind with { Id = rid, NameZh = r.Region + ind.NameZh, NameEn = $"{ind.NameEn}, {r.Region}" };
        }

        return rid;
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
