using System.Globalization;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Tests;

/// <summary>Reads the small reference tables kept beside the tests with Sep (a header row; double-quoted fields allowed).</summary>
internal static class Csv
{
    public sealed class Row(Dictionary<string, string> fields)
    {
        public string this[string column] => fields[column];

        public double D(string column) => double.Parse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static IEnumerable<Row> Read(string path) => Records(path).Select(r => new Row(r));

    /// <summary>The rows of a CSV file as column → cell (a cell missing at the end of a short row is empty).</summary>
    public static List<Dictionary<string, string>> Records(string path)
    {
        using SepReader reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        IReadOnlyList<string> header = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (SepReader.Row row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsEmpty) continue;
            var fields = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (int i = 0; i < header.Count; i++) fields[header[i]] = i < row.ColCount ? row[i].ToString() : "";
            rows.Add(fields);
        }

        return rows;
    }

    public static TheoryData<T1, T2, T3, T4, T5> Theory<T1, T2, T3, T4, T5>(string path, Func<Row, (T1, T2, T3, T4, T5)> map)
    {
        var data = new TheoryData<T1, T2, T3, T4, T5>();
        foreach (Row r in Read(path))
        {
            var (a, b, c, d, e) = map(r);
            data.Add(a, b, c, d, e);
        }

        return data;
    }

    public static TheoryData<T1, T2, T3, T4, T5, T6, T7> Theory<T1, T2, T3, T4, T5, T6, T7>(string path, Func<Row, (T1, T2, T3, T4, T5, T6, T7)> map)
    {
        var data = new TheoryData<T1, T2, T3, T4, T5, T6, T7>();
        foreach (Row r in Read(path))
        {
            var (a, b, c, d, e, f, g) = map(r);
            data.Add(a, b, c, d, e, f, g);
        }

        return data;
    }

    public static TheoryData<T1, T2, T3, T4, T5, T6, T7, T8, T9> Theory<T1, T2, T3, T4, T5, T6, T7, T8, T9>(string path, Func<Row, (T1, T2, T3, T4, T5, T6, T7, T8, T9)> map)
    {
        var data = new TheoryData<T1, T2, T3, T4, T5, T6, T7, T8, T9>();
        foreach (Row r in Read(path))
        {
            var (a, b, c, d, e, f, g, h, i) = map(r);
            data.Add(a, b, c, d, e, f, g, h, i);
        }

        return data;
    }
}
