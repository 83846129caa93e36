using System.Globalization;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Extraction;

/// <summary>One row of a history file: an earlier value of an indicator with its source.</summary>
/// <param name="File">The file it comes from.</param>
/// <param name="Line">Its 1-based line.</param>
/// <param name="Indicator">The indicator id as the file writes it.</param>
/// <param name="Name">The name column ("电力装机 (installed power capacity)").</param>
/// <param name="Period">The year.</param>
/// <param name="Value">The figure as written.</param>
/// <param name="Qualifier">Its qualifier.</param>
/// <param name="Note">The note (may hold the figure's growth: "+23%; …").</param>
/// <param name="Source">The URL or other reference it comes from.</param>
internal sealed record HistoryRow(string File, int Line, string Indicator, string Name, Period Period, Quantity Value, Qualifier Qualifier, string Note, string Source);

/// <summary>The outcome of importing history into a dataset.</summary>
/// <param name="Dataset">The dataset with the history merged.</param>
/// <param name="Added">Observations added.</param>
/// <param name="Noted">History figures recorded in the note of a figure the dataset already held from another source.</param>
/// <param name="Unchanged">History figures already held from the same source.</param>
/// <param name="Notices">History figures that disagree with a held figure from another source (kept, and noted).</param>
/// <param name="Conflicts">History figures that disagree with a held figure from the same source (nothing written).</param>
internal sealed record HistoryImportResult(Dataset Dataset, int Added, int Noted, int Unchanged, IReadOnlyList<string> Notices, IReadOnlyList<MergeConflict> Conflicts);

/// <summary>
/// Imports history files (columns <c>indicator,name,period,value,unit,qualifier,note,source</c>) into a dataset.
/// Rules:
/// <list type="bullet">
/// <item>The indicator is found by its id, else through the synonym table or the indicators' Chinese names, by id or
/// by the name column without its English part (电力装机 (installed power capacity) → 电力装机).</item>
/// <item>Each row is a level observation; its source is the URL's host (document) and the URL (address); its note is kept.</item>
/// <item>A figure the dataset already holds from another source (a report) wins: the history figure is added to that
/// figure's note as "also [qualifier ]VALUEUNIT per URL", and a disagreement is listed as a notice.</item>
/// <item>Items of a note that start with a sign ("+23%", "+305.7万吨 (GWR 2022)") are the reported growth or change of
/// that row's figure and become observations too, except for rows marked 预计 (forecasts) and for growth of money
/// figures (official growth of GDP-like aggregates is real, while levels are nominal).</item>
/// </list>
/// </summary>
internal static class HistoryImport
{
    private static readonly string[] Columns = ["indicator", "name", "period", "value", "unit", "qualifier", "note", "source"];

    /// <summary>Reads a history file.</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed; the message names file, line and column.</exception>
    public static IReadOnlyList<HistoryRow> Read(string path)
    {
        var rows = new List<HistoryRow>();
        foreach (CsvRecord r in CsvRecords.Read(path, Columns, []))
        {
            string unit = r.Required("unit");
            Quantity value = r.Parse("value", v => Quantity.Parse(v, unit));
            rows.Add(new HistoryRow(path, r.Line, r.Required("indicator"), r["name"], r.Parse("period", s => Period.Parse(s)), value,
                r.Parse("qualifier", Qualifiers.Parse), r["note"], r.Required("source")));
        }

        return rows;
    }

    /// <summary>Merges history rows into a dataset by the rules above.</summary>
    /// <exception cref="AnalyticsException">A row names an indicator the dataset does not know, or does not fit its unit.</exception>
    public static HistoryImportResult Merge(Dataset dataset, IEnumerable<HistoryRow> rows, SynonymTable synonyms)
    {
        SynonymTable table = synonyms.WithIndicators(dataset.Indicators);
        var obs = new List<Observation>(dataset.Observations);
        var index = new Dictionary<(string, Period, Measure), int>();
        for (int i = 0; i < obs.Count; i++) index.TryAdd((obs[i].IndicatorId, obs[i].Period, obs[i].Measure), i);
        var notices = new List<string>();
        var conflicts = new List<MergeConflict>();
        var unknown = new List<string>();
        int added = 0, noted = 0, unchanged = 0;

        foreach (HistoryRow row in rows)
        {
            if (Resolve(row, dataset, table) is not { } ind)
            {
                unknown.Add($"{row.File}:{row.Line}: '{row.Indicator}'");
                continue;
            }

            var source = new Source(Host(row.Source), row.Source, row.Note.Length == 0 ? null : row.Note);
            var level = new Observation(ind.Id, row.Period, Measure.Level, row.Value, row.Qualifier, source);
            Check(row, ind, level);
            if (index.TryGetValue((ind.Id, row.Period, Measure.Level), out int at))
            {
                Observation held = obs[at];
                if (held.Source.Address == row.Source)
                {
                    if (DatasetRules.Agree(held, level)) unchanged++;
                    else conflicts.Add(new MergeConflict($"{ind.Id} {row.Period} level", Show(held), Show(level)));
                    continue;
                }

                string also = $"also {(row.Qualifier == Qualifier.Exact ? "" : row.Qualifier.ToToken() + " ")}{row.Value.ToWrittenString()} per {row.Source}";
                string? note = held.Source.Note;
                if (note is null || !note.Contains(also, StringComparison.Ordinal))
                {
                    obs[at] = held with { Source = held.Source with { Note = note is null ? also : $"{note}; {also}" } };
                    noted++;
                }
                else
                {
                    unchanged++;
                }

                if (!DatasetRules.Agree(held, level))
                    notices.Add($"{ind.Id} {row.Period}: kept {Show(held)}; {row.File}:{row.Line} says {row.Qualifier.ToSign()}{row.Value.ToWrittenString()} (noted)");
                continue;
            }

            index[(ind.Id, row.Period, Measure.Level)] = obs.Count;
            obs.Add(level);
            added++;

            foreach (Observation change in NoteFigures(row, ind))
            {
                var key = (ind.Id, row.Period, change.Measure);
                if (!index.TryGetValue(key, out int c))
                {
                    index[key] = obs.Count;
                    obs.Add(change);
                    added++;
                }
                else if (DatasetRules.Agree(obs[c], change))
                {
                    unchanged++;
                }
                else
                {
                    notices.Add($"{ind.Id} {row.Period}: kept {Show(obs[c])}; the note of {row.File}:{row.Line} says {change.Value.ToWrittenString()} (not imported)");
                }
            }
        }

        if (unknown.Count > 0)
        {
            throw new AnalyticsException(
                $"unknown indicators (add them to indicators.csv or map them in synonyms.csv): {string.Join(", ", unknown)}");
        }

        return new HistoryImportResult(DatasetMerge.Ordered(dataset, obs, dataset.Targets), added, noted, unchanged, notices, conflicts);
    }

    /// <summary>
    /// The growth and change figures a note states for its row: items (separated by ; or ,) that start with + or −
    /// followed by a number and a unit, optionally followed by a remark in parentheses.
    /// </summary>
    internal static IEnumerable<Observation> NoteFigures(HistoryRow row, Indicator ind)
    {
        if (row.Note.Contains("预计", StringComparison.Ordinal)) yield break;
        foreach (string part in row.Note.Split([';', '；', ',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseSigned(part) is not { } q) continue;
            Measure measure = q.Unit == Units.Percent || q.Unit == Units.Times ? Measure.Growth : Measure.Change;
            if (measure == Measure.Growth && ind.Unit.Dimension == Units.Yuan.Dimension) continue;
            var o = new Observation(ind.Id, row.Period, measure, q, Qualifier.Exact, new Source(Host(row.Source), row.Source));
            try
            {
                DatasetRules.Check(ind, o);
            }
            catch (AnalyticsException)
            {
                continue;
            }

            yield return o;
        }
    }

    /// <summary>"+23%", "-1.5万吨", "+20.7% (GWR 2022)" → the signed figure; null for anything else.</summary>
    internal static Quantity? ParseSigned(string item)
    {
        if (item.Length < 3 || item[0] is not ('+' or '-' or '−')) return null;
        int p = 1;
        while (p < item.Length && (char.IsAsciiDigit(item[p]) || item[p] == '.')) p++;
        if (p == 1) return null;
        int unitEnd = p;
        while (unitEnd < item.Length && !char.IsWhiteSpace(item[unitEnd]) && item[unitEnd] != '(') unitEnd++;
        string rest = item[unitEnd..].Trim();
        if (rest.Length > 0 && !(rest[0] == '(' && rest[^1] == ')')) return null;
        string number = (item[0] == '+' ? "" : "-") + item[1..p];
        if (!double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)) return null;
        try
        {
            return Quantity.Parse(number, item[p..unitEnd]);
        }
        catch (Exception e) when (e is FormatException or AnalyticsException)
        {
            return null;
        }
    }

    /// <summary>The document of a source: a URL's host, else the reference's first word (github:owner/repo).</summary>
    internal static string Host(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0 ? uri.Host
            : source.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : source;

    private static Indicator? Resolve(HistoryRow row, Dataset dataset, SynonymTable table)
    {
        if (dataset.Find(row.Indicator) is { } direct) return direct;
        if (table.Find(row.Indicator) is { } byId) return dataset.Find(byId.IndicatorId);
        int paren = row.Name.IndexOf(" (", StringComparison.Ordinal);
        string name = paren > 0 ? row.Name[..paren] : row.Name;
        return name.Length > 0 && table.Find(name) is { } byName ? dataset.Find(byName.IndicatorId) : null;
    }

    private static void Check(HistoryRow row, Indicator ind, Observation o)
    {
        try
        {
            DatasetRules.Check(ind, o);
        }
        catch (AnalyticsException e)
        {
            throw new DataFormatException(row.File, row.Line, "unit", e.Message, e);
        }
    }

    private static string Show(Observation o) => $"{o.Qualifier.ToSign()}{o.Value.ToWrittenString()} ({o.Source})";
}
