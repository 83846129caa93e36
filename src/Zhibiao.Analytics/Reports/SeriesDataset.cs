using System.Globalization;
using System.Text;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Reports;

/// <summary>
/// Writes a report series as a dataset directory: indicators.csv, observations.csv (first-published figures; the
/// note names later revisions) and targets.csv in the format <see cref="Dataset"/> reads, plus revisions.csv (every
/// later different figure with its vintage), averages.csv (plan-period yearly averages, e.g. 2011-2015),
/// report-targets.csv (targets as worded, with range bounds and the main-statement flag), verdicts.csv (the
/// reports' own statements) and synonyms.csv (the subject table used). Everything is built before any file is
/// written, and files are written beside their places and then moved in. targets.csv holds only the open targets
/// (the latest report's); report-targets.csv holds all.
/// </summary>
public static class SeriesDataset
{
    /// <summary>Builds the dataset (indicators, first-published observations, targets by <see cref="TargetSemantics"/>).</summary>
    public static Dataset Build(ReportSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var figures = series.Figures();
        var observations = new List<Observation>();
        foreach (VintagedFigure v in figures)
        {
            if (v.First.Year is not { } y) continue;
            ReportIndicator ind = ReportIndicators.Find(v.First.IndicatorId)!;
            string? note = v.Revisions.Count == 0 ? null
                : "revised: " + string.Join("; ", v.Revisions.Select(r => $"{r.Written} in the {r.ReportYear} report"));
            observations.Add(new Observation(ind.Id, Period.OfYear(y), Measure.Level, v.First.Figure, v.First.Qualifier,
                new Source(v.First.File, $"chars {v.First.Start}-{v.First.End}", note)));
        }

        // targets.csv holds the open targets (those of the latest report), which track and probability assess;
        // every target, past ones included, is in report-targets.csv.
        var targets = series.Reports[^1].Targets.Select(ToTarget).ToList();
        var used = observations.Select(o => o.IndicatorId).Concat(targets.Select(t => t.IndicatorId)).ToHashSet(StringComparer.Ordinal);
        return new Dataset(ReportIndicators.All.Where(i => used.Contains(i.Id)).Select(i => i.Indicator), observations, targets);
    }

    /// <summary>A report's target as the dataset's <see cref="Target"/>: the side and bound of <see cref="TargetSemantics"/>, its tolerance.</summary>
    public static Target ToTarget(ReportTarget t)
    {
        ArgumentNullException.ThrowIfNull(t);
        Indicator ind = ReportIndicators.Find(t.IndicatorId)!.Indicator;
        (TargetComparison side, _, double tol) = TargetSemantics.Rule(t, ind.Direction, ind.Unit.Symbol == "%");
        Quantity value = side == TargetComparison.AtMost && t.High is { } high ? Quantity.Of(high, ind.Unit) : t.Figure;
        string note = $"{Token(t.Wording)} {t.Written}{(t.IsMain ? ", main target" : "")}";
        return new Target(ind.Id, TargetKind.Level, Period.OfYear(t.Year), value, side, new Source(t.File, $"chars {t.Start}-{t.End}", note))
        {
            Tolerance = tol > 0 ? tol : null,
        };
    }

    /// <summary>The token of a wording in files: exact, about, at_least, at_most, range.</summary>
    public static string Token(TargetWording w) => w switch
    {
        TargetWording.About => "about",
        TargetWording.AtLeast => "at_least",
        TargetWording.AtMost => "at_most",
        TargetWording.Range => "range",
        _ => "exact",
    };

    /// <summary>Writes the dataset and its side files into a directory.</summary>
    /// <exception cref="AnalyticsException">The directory cannot be written.</exception>
    public static void Write(ReportSeries series, string directory, SynonymTable synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        Dataset dataset = Build(series);
        var side = new Dictionary<string, string>
        {
            ["revisions.csv"] = Revisions(series),
            ["averages.csv"] = Averages(series),
            ["report-targets.csv"] = ReportTargets(series),
            ["verdicts.csv"] = Verdicts(series),
            ["synonyms.csv"] = Synonyms(synonyms),
        };
        // The dataset's three files and the side files together, all or nothing (AtomicFile.WriteAll).
        DatasetWriter.Write(dataset, directory, side);
    }

    private static string Revisions(ReportSeries series)
    {
        var sb = new StringBuilder("indicator,period,vintage,value,unit,first_value,source,address\n");
        foreach (VintagedFigure v in series.Figures())
            foreach (ReportFigure r in v.Revisions)
                sb.Append(Csv(r.IndicatorId, r.Period, Num(r.ReportYear), Num(r.Value), Unit(r.IndicatorId), Num(v.First.Value), r.File, $"chars {r.Start}-{r.End}"));
        return sb.ToString();
    }

    private static string Averages(ReportSeries series)
    {
        var sb = new StringBuilder("indicator,period,measure,value,unit,revisions,source,address\n");
        foreach (VintagedFigure v in series.Figures().Where(v => v.First.Year is null))
            sb.Append(Csv(v.First.IndicatorId, v.First.Period, "yearly_average", Num(v.First.Value), Unit(v.First.IndicatorId),
                string.Join(";", v.Revisions.Select(r => $"{Num(r.Value)}@{r.ReportYear}")), v.First.File, $"chars {v.First.Start}-{v.First.End}"));
        return sb.ToString();
    }

    private static string ReportTargets(ReportSeries series)
    {
        var sb = new StringBuilder("year,indicator,subject,wording,value,high,unit,main,source,address\n");
        foreach (ReportTarget t in series.Reports.SelectMany(r => r.Targets))
            sb.Append(Csv(Num(t.Year), t.IndicatorId, t.Subject, Token(t.Wording), Num(t.Value), t.High is { } h ? Num(h) : "", Unit(t.IndicatorId),
                t.IsMain ? "true" : "false", t.File, $"chars {t.Start}-{t.End}"));
        return sb.ToString();
    }

    private static string Verdicts(ReportSeries series)
    {
        var sb = new StringBuilder("report_year,year,indicator,met,source,address,text\n");
        foreach (ReportVerdict v in series.Reports.SelectMany(r => r.Verdicts))
            sb.Append(Csv(Num(v.ReportYear), Num(v.Year), v.IndicatorId ?? "*main*", v.Met ? "true" : "false", v.File, $"chars {v.Start}-{v.End}", v.Text.Trim()));
        return sb.ToString();
    }

    private static string Synonyms(SynonymTable synonyms)
    {
        var sb = new StringBuilder("subject,indicator,unit,note\n");
        foreach (Synonym s in synonyms.Entries.OrderBy(s => s.IndicatorId, StringComparer.Ordinal).ThenBy(s => s.Subject, StringComparer.Ordinal))
            sb.Append(Csv(s.Subject, s.IndicatorId, s.Unit?.Symbol ?? "", ""));
        return sb.ToString();
    }

    private static string Unit(string id) => ReportIndicators.Find(id)!.Indicator.Unit.Symbol;

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Csv(params string[] cells) =>
        string.Join(",", cells.Select(c => c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)) + "\n";
}
