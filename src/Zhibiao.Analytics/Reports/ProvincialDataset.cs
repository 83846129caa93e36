using System.Globalization;
using System.Text;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Reports;

/// <summary>
/// Writes a <see cref="ProvincialBoard"/> as a dataset directory (datasets/china-provinces-2026): one indicator per
/// region and canonical indicator, its id the canonical id and the report's file stem (gdp_growth.zhejiang);
/// observations.csv the figures of the year before each report states; targets.csv the main targets by
/// <see cref="TargetSemantics"/>; plus board.csv (the board's rows, the columns of the board command),
/// report-targets.csv (each main target as worded: wording, value, range bound, unit, character span), averages.csv
/// (five-year yearly averages), regions.csv (region, file, main targets found, note) and synonyms.csv (the shipped
/// subject table). Everything is built before any file is written.
/// </summary>
public static class ProvincialDataset
{
    /// <summary>The columns of board.csv, as the board command prints them.</summary>
    public static IReadOnlyList<string> BoardColumns { get; } = ["region", "year", "indicator", "subject", "kind", "direction", "value", "high", "unit", "latest", "latest_period", "average_5y", "p_met", "status"];

    /// <summary>The dataset id of a canonical indicator in a region's report: gdp_growth.zhejiang for zhejiang-2026.txt.</summary>
    public static string RegionalId(string indicatorId, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string stem = Path.GetFileNameWithoutExtension(file);
        int dash = stem.LastIndexOf('-');
        if (dash > 0 && ReportReader.YearOfFileName(stem[(dash + 1)..]) is not null) stem = stem[..dash];
        return $"{indicatorId}.{stem}";
    }

    /// <summary>Builds the dataset: indicators, observations of the year before, main targets.</summary>
    public static Dataset Build(ProvincialBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var observations = new List<Observation>();
        var targets = new List<Target>();
        foreach (RegionTargets r in board.Regions)
        {
            Indicator Of(string id)
            {
                string rid = RegionalId(id, r.File);
                Indicator ind = ReportIndicators.Find(id)!.Indicator;
                if (!indicators.TryGetValue(rid, out Indicator? made))
                    indicators[rid] = made = ind with { Id = rid, NameZh = r.Region + ind.NameZh, NameEn = $"{ind.NameEn}, {r.Region}" };
                return made;
            }

            foreach (ReportFigure f in r.Content.Figures.Where(f => f.Year is not null && ProvincialBoard.Indicators.Contains(f.IndicatorId)))
                observations.Add(new Observation(Of(f.IndicatorId).Id, Period.OfYear(f.Year!.Value), Measure.Level, f.Figure, f.Qualifier,
                    new Source(f.File, $"chars {f.Start}-{f.End}")));
            foreach (ReportTarget t in r.Main)
                targets.Add(SeriesDataset.ToTarget(t) with { IndicatorId = Of(t.IndicatorId).Id });
        }

        return new Dataset(indicators.Values, observations, targets);
    }

    /// <summary>Writes the dataset and its side files into a directory.</summary>
    /// <exception cref="AnalyticsException">The directory cannot be written.</exception>
    public static void Write(ProvincialBoard board, string directory)
    {
        ArgumentNullException.ThrowIfNull(board);
        Dataset dataset = Build(board);
        var side = new Dictionary<string, string>
        {
            ["board.csv"] = BoardCsv(board),
            ["report-targets.csv"] = ReportTargets(board),
            ["averages.csv"] = Averages(board),
            ["regions.csv"] = Regions(board),
            ["synonyms.csv"] = Synonyms(),
        };
        // The dataset's three files and the side files together, all or nothing (AtomicFile.WriteAll).
        DatasetWriter.Write(dataset, directory, side);
    }

    /// <summary>The board as CSV (the columns of <see cref="BoardColumns"/>).</summary>
    public static string BoardCsv(ProvincialBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var sb = new StringBuilder(string.Join(",", BoardColumns) + "\n");
        foreach (BoardRow r in board.Rows)
        {
            sb.Append(Csv(r.Region, Num(r.Target.Year), r.Indicator.Id, r.Target.Subject, r.Indicator.Reads == Measure.Growth ? "growth" : "level",
                Indicator.ToToken(r.Indicator.Indicator.Direction), Num(r.Target.Value), r.Target.High is { } h ? Num(h) : "", r.Indicator.Indicator.Unit.Symbol,
                r.Latest is { } l ? Num(l.Value) : "", r.Latest?.Period ?? "", r.Average5y is { } a ? Num(a.Value) : "",
                Num(Math.Round(r.Chance.PMet, 4)), r.Status));
        }

        return sb.ToString();
    }

    private static string ReportTargets(ProvincialBoard board)
    {
        var sb = new StringBuilder("file,region,year,indicator,subject,wording,value,high,unit,source,address\n");
        foreach (RegionTargets r in board.Regions)
            foreach (ReportTarget t in r.Main)
                sb.Append(Csv(r.File, r.Region, Num(t.Year), t.IndicatorId, t.Subject, SeriesDataset.Token(t.Wording), Num(t.Value), t.High is { } h ? Num(h) : "",
                    ReportIndicators.Find(t.IndicatorId)!.Indicator.Unit.Symbol, t.File, $"chars {t.Start}-{t.End}"));
        return sb.ToString();
    }

    private static string Averages(ProvincialBoard board)
    {
        var sb = new StringBuilder("indicator,region,period,measure,value,unit,source,address\n");
        foreach (RegionTargets r in board.Regions)
            foreach (ReportFigure f in r.Content.Figures.Where(f => f.Year is null && ProvincialBoard.Indicators.Contains(f.IndicatorId)))
                sb.Append(Csv(RegionalId(f.IndicatorId, r.File), r.Region, f.Period, "yearly_average", Num(f.Value), ReportIndicators.Find(f.IndicatorId)!.Indicator.Unit.Symbol, f.File, $"chars {f.Start}-{f.End}"));
        return sb.ToString();
    }

    private static string Regions(ProvincialBoard board)
    {
        var sb = new StringBuilder("region,file,year,main_targets,statement,note\n");
        foreach (RegionTargets r in board.Regions)
            sb.Append(Csv(r.Region, r.File, Num(r.Content.Year), Num(r.Main.Count),
                r.Content.MainStatement is { } s ? $"chars {s.Start}-{s.End}" : "", r.Note ?? ""));
        return sb.ToString();
    }

    private static string Synonyms()
    {
        var sb = new StringBuilder("subject,indicator,unit,note\n");
        foreach (Extraction.Synonym s in ReportIndicators.DefaultSynonyms.Entries.OrderBy(s => s.IndicatorId, StringComparer.Ordinal).ThenBy(s => s.Subject, StringComparer.Ordinal))
            sb.Append(Csv(s.Subject, s.IndicatorId, s.Unit?.Symbol ?? "", ""));
        return sb.ToString();
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Csv(params string[] cells) =>
        string.Join(",", cells.Select(c => c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)) + "\n";
}
