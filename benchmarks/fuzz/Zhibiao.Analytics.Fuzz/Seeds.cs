using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Fuzz;

/// <summary>
/// The seed corpus of each target, taken from the repository's own files: the bundled datasets (whole, and their
/// first rows, since AFL works best from small seeds), their figures and periods, the extraction test cases' report
/// sentences, the synonyms and history files.
/// </summary>
internal static class Seeds
{
    public static int Write(string target, string root, string directory)
    {
        Directory.CreateDirectory(directory);
        string[] datasets = [Path.Combine(root, "datasets", "xinjiang"), Path.Combine(root, "datasets", "china-national")];
        IEnumerable<string> seeds = target switch
        {
            "long-format" => datasets.Select(d => LongFormatOf(Dataset.Load(d))),
            "indicators" or "observations" or "targets" => datasets.SelectMany(d => WholeAndHead(Path.Combine(d, target + ".csv"))),
            "quantity" => datasets.Select(Dataset.Load).SelectMany(d => d.Observations.Select(o => o.Value.ToWrittenString()).Concat(d.Targets.Select(t => t.Value.ToWrittenString()))),
            "period" => datasets.Select(Dataset.Load).SelectMany(d => d.Observations.Select(o => o.Period.ToString())).Concat(["2024-Q1", "2024-03"]),
            "report" => ReportSentences(Path.Combine(root, "tests", "Zhibiao.Analytics.Tests", "Extraction", "extraction-cases.csv")),
            "synonyms" => datasets.SelectMany(d => WholeAndHead(Path.Combine(d, "synonyms.csv"))),
            "history" => WholeAndHead(Path.Combine(datasets[0], "history-from-notes.csv")),
            _ => throw new ArgumentException($"unknown target '{target}' (known: {string.Join(", ", FuzzTargets.Names)})"),
        };
        string[] distinct = [.. seeds.Distinct(StringComparer.Ordinal).Take(40)];
        for (int i = 0; i < distinct.Length; i++)
            File.WriteAllText(Path.Combine(directory, $"seed-{i:D2}"), distinct[i], new UTF8Encoding(false));
        return distinct.Length;
    }

    private static IEnumerable<string> WholeAndHead(string path)
    {
        string text = File.ReadAllText(path);
        yield return text;
        yield return string.Join('\n', text.Split('\n').Take(4)) + "\n";
    }

    /// <summary>The level figures of a dataset as unique_id,ds,y (a series per indicator, periods in order).</summary>
    private static string LongFormatOf(Dataset d)
    {
        var sb = new StringBuilder("unique_id,ds,y\n");
        foreach (var series in d.Observations.Where(o => o.Measure == Measure.Level).GroupBy(o => o.IndicatorId).Take(6))
        {
            foreach (Observation o in series.OrderBy(o => o.Period))
                sb.Append(CultureInfo.InvariantCulture, $"{o.IndicatorId},{o.Period},{o.Value.Value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return sb.ToString();
    }

    /// <summary>The report sentences of the extraction test cases, under the review and plan headings of a report.</summary>
    private static IEnumerable<string> ReportSentences(string casesCsv)
    {
        using SepReader reader = Sep.Reader().FromFile(casesCsv);
        foreach (SepReader.Row row in reader)
        {
            string text = row["text"].ToString();
            if (text.Length == 0) continue;
            yield return row["section"].ToString() == "plan" ? $"2024年工作回顾\n2025年工作安排\n{text}\n" : $"2024年工作回顾\n{text}\n2025年工作安排\n";
        }
    }
}
