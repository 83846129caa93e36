using System.Globalization;

namespace Zhibiao.Analytics.Tests;

/// <summary>Reads the small reference tables kept beside the tests (plain CSV, no quoted commas).</summary>
internal static class Csv
{
    public sealed class Row(Dictionary<string, string> fields)
    {
        public string this[string column] => fields[column];

        public double D(string column) => double.Parse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static IEnumerable<Row> Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = line.Split(',');
            yield return new Row(header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i < cells.Length ? cells[p.i] : ""));
        }
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
