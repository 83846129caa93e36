using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// Writes a report series as a dataset directory: indicators.csv, observations.csv (first-published figures with
/// their vintage; the note names later revisions), targets.csv (the open targets: the latest report's) and
/// target-history.csv (every target of every report: the setter's record) in the format <see cref="Dataset"/> reads,
/// plus, through the same writer and in the same all-or-nothing write, revisions.csv (every later different figure with its vintage, in the observations.csv format), averages.csv
/// (plan-period yearly averages, e.g. 2011-2015, in the observations.csv format), verdicts.csv (the reports' own
/// statements) and synonyms.csv (the subject table used).
/// </summary>
internal static class SeriesDataset
{
    /// <summary>Builds the dataset: indicators, first-published yearly observations, the latest report's targets.</summary>
    public static Dataset Build(ReportSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var revisions = series.Revisions().ToLookup(r => (r.IndicatorId, r.Period, r.Plan));
        var observations = new List<Observation>();
        foreach (Observation f in series.Figures().Where(f => f.Plan is null))
        {
            var later = revisions[(f.IndicatorId, f.Period, f.Plan)].ToList();
            string? note = later.Count == 0 ? null
                : "revised: " + string.Join("; ", later.Select(r => $"{r.Value.ToWrittenString()} in the {r.Vintage} report"));
            observations.Add(f with { Source = f.Source with { Note = note } });
        }

        // targets.csv holds the open targets (those of the latest report), which track and probability assess;
        // every target, past ones included, is in target-history.csv.
        var targets = series.Reports[^1].Targets;
        var history = series.Reports.SelectMany(r => r.Targets).ToList();
        var used = observations.Select(o => o.IndicatorId).Concat(history.Select(t => t.IndicatorId)).ToHashSet(StringComparer.Ordinal);
        return new Dataset(ReportIndicators.All.Where(i => used.Contains(i.Id)).Select(i => i.Indicator), observations, targets, history)
        {
            Verdicts = [.. series.Reports.SelectMany(r => r.Verdicts).Where(v => v.IndicatorId is null || used.Contains(v.IndicatorId))],
        };
    }

    /// <summary>Writes the dataset and its side files into a directory, all or nothing.</summary>
    /// <exception cref="AnalyticsException">The directory cannot be written.</exception>
    public static void Write(ReportSeries series, string directory, SynonymTable synonyms)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(synonyms);
        Dataset dataset = Build(series);
        var side = new DatasetSideFiles
        {
            Observations =
            {
                ["revisions.csv"] = series.Revisions(),
                ["averages.csv"] = [.. series.Figures().Where(f => f.Plan is not null)],
            },
            Tables =
            {
                ["synonyms.csv"] = ReportTables.Synonyms(synonyms),
            },
        };
        DatasetWriter.Write(dataset, directory, side);
    }
}

/// <summary>Tables shared by the report-dataset writers.</summary>
internal static class ReportTables
{
    /// <summary>The subject table as synonyms.csv: subject, indicator, unit, note.</summary>
    public static CsvTable Synonyms(SynonymTable synonyms) => new(
        ["subject", "indicator", "unit", "note"],
        [.. synonyms.Entries.OrderBy(s => s.IndicatorId, StringComparer.Ordinal).ThenBy(s => s.Subject, StringComparer.Ordinal)
            .Select(s => (IReadOnlyList<string>)[s.Subject, s.IndicatorId, s.Unit?.Symbol ?? "", ""])]);
}
