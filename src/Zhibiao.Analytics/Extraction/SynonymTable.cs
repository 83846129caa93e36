using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Extraction;

/// <summary>One name of an indicator: a subject as reports write it and the indicator it means.</summary>
/// <param name="Subject">The subject as written (粮食单产, 过境中欧(中亚)班列, or an id used by another file).</param>
/// <param name="IndicatorId">The indicator id of the dataset (grain_yield).</param>
/// <param name="Unit">
/// How to read a figure's unit for this indicator when the report leaves part of it out (粮食单产1050斤 means
/// 斤/亩); null to keep the unit as written.
/// </param>
internal sealed record Synonym(string Subject, string IndicatorId, Unit? Unit = null);

/// <summary>
/// The table from report subjects to indicator ids, read from a CSV file users extend (columns
/// <c>subject,indicator[,unit][,note]</c>). Subjects are compared after dropping quotation marks, spaces and the
/// difference between full-width and ASCII parentheses, so “疆电外送” and 疆电外送 are one subject. The names and ids of
/// the dataset's indicators are synonyms too (<see cref="WithIndicators"/>).
/// </summary>
public sealed class SynonymTable
{
    private static readonly string[] Required = ["subject", "indicator"];
    private static readonly string[] Optional = ["unit", "note"];

    private readonly Dictionary<string, Synonym> _bySubject;

    private SynonymTable(Dictionary<string, Synonym> bySubject) => _bySubject = bySubject;

    /// <summary>A table without entries.</summary>
    public static SynonymTable Empty { get; } = new(new Dictionary<string, Synonym>(StringComparer.Ordinal));

    /// <summary>The entries.</summary>
    internal IReadOnlyCollection<Synonym> Entries => _bySubject.Values;

    /// <summary>A table from entries.</summary>
    /// <exception cref="AnalyticsException">One subject is mapped to two indicators.</exception>
    internal static SynonymTable Of(IEnumerable<Synonym> entries)
    {
        var map = new Dictionary<string, Synonym>(StringComparer.Ordinal);
        foreach (Synonym s in entries)
        {
            string key = Normalize(s.Subject);
            if (map.TryGetValue(key, out Synonym? other) && other.IndicatorId != s.IndicatorId)
                throw new AnalyticsException($"synonym '{s.Subject}' maps to both '{other.IndicatorId}' and '{s.IndicatorId}'");
            map[key] = s;
        }

        return new SynonymTable(map);
    }

    /// <summary>Reads a synonym file (UTF-8 CSV with the header subject,indicator and optionally unit, note).</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed; the message names file, line and column.</exception>
    public static SynonymTable Load(string path)
    {
        var map = new Dictionary<string, (Synonym Synonym, int Line)>(StringComparer.Ordinal);
        foreach (CsvRecord r in CsvRecords.Read(path, Required, Optional))
        {
            string subject = r.Required("subject");
            string id = r.Required("indicator");
            Unit? unit = r["unit"].Length == 0 ? null : r.Parse("unit", Units.Get);
            string key = Normalize(subject);
            if (key.Length == 0) throw r.Error("subject", "subject is empty once quotes and spaces are dropped");
            if (map.TryGetValue(key, out var first) && first.Synonym.IndicatorId != id)
                throw r.Error("indicator", $"'{subject}' is already mapped to '{first.Synonym.IndicatorId}' on line {first.Line}");
            map[key] = (new Synonym(subject, id, unit), r.Line);
        }

        return new SynonymTable(map.ToDictionary(kv => kv.Key, kv => kv.Value.Synonym, StringComparer.Ordinal));
    }

    /// <summary>This table plus the ids and Chinese names of the indicators (entries of the table win).</summary>
    public SynonymTable WithIndicators(IEnumerable<Indicator> indicators)
    {
        var map = new Dictionary<string, Synonym>(_bySubject, StringComparer.Ordinal);
        foreach (Indicator i in indicators)
        {
            map.TryAdd(Normalize(i.Id), new Synonym(i.Id, i.Id));
            map.TryAdd(Normalize(i.NameZh), new Synonym(i.NameZh, i.Id));
        }

        return new SynonymTable(map);
    }

    /// <summary>The entry for a subject, or null.</summary>
    internal Synonym? Find(string subject) => _bySubject.GetValueOrDefault(Normalize(subject));

    /// <summary>
    /// The entry whose subject ends the given subject, the longest such: a Chinese noun phrase ends with its head, so
    /// 2001年国内生产总值 and 全国国内生产总值 are 国内生产总值, while 单位国内生产总值能耗 is 能耗, not 国内生产总值. Null when none.
    /// </summary>
    internal Synonym? FindByHead(string subject)
    {
        string key = Normalize(subject);
        for (int start = 0; start < key.Length; start++)
        {
            if (_bySubject.TryGetValue(key[start..], out Synonym? s)) return s;
        }

        return null;
    }

    /// <summary>The entries whose subject occurs anywhere in a text (物价 in 节能减排、物价调控目标), in order of first occurrence.</summary>
    internal IReadOnlyList<Synonym> FindWithin(string text)
    {
        string key = Normalize(text);
        var hits = _bySubject
            .Select(kv => (Entry: kv.Value, At: key.IndexOf(kv.Key, StringComparison.Ordinal), Length: kv.Key.Length))
            .Where(x => x.At >= 0)
            .ToList();
        // A name inside a longer name (国内生产总值 in 单位国内生产总值能耗) is not named on its own.
        return [.. hits
            .Where(x => !hits.Any(y => y.Length > x.Length && y.At <= x.At && x.At + x.Length <= y.At + y.Length))
            .OrderBy(x => x.At)
            .Select(x => x.Entry)];
    }

    /// <summary>A subject as compared: without quotation marks and spaces, parentheses as ASCII, full-width letters and digits (ＧＤＰ, ２００１) as ASCII.</summary>
    public static string Normalize(string subject)
    {
        var sb = new System.Text.StringBuilder(subject.Length);
        foreach (char c in subject)
        {
            if (char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '\'' or '‘' or '’' or '「' or '」' or '《' or '》') continue;
            sb.Append(c switch { '（' => '(', '）' => ')', >= '！' and <= '～' => (char)(c - 0xFEE0), _ => c });
        }

        return sb.ToString();
    }
}
