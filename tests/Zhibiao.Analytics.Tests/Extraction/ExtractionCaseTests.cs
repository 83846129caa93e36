using System.Globalization;
using Zhibiao.Analytics.Extraction;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Tests.Extraction;

/// <summary>
/// Hand-made report snippets and the facts they hold, worked by hand (extraction-cases.csv beside this file: one row
/// per expected fact; the first row of a case holds its text and section; kind "none" means no fact). Each snippet is
/// placed under a review heading (2024年工作回顾) or a plan heading (2025年工作安排), or under none (section "none", for
/// texts with headings of their own); "\n" in a text is a line break. Values compare with a relative tolerance of 1e-12;
/// spans are compared as the text they cover. Cases named shared-REGION-… quote sentences of that region's 2026 report
/// in the shared reports (facts with their source; the fact kinds of issue 29: magnitudes in words, 翻番, counts of
/// events, increments, plan-period ranges, periods, ages), worked by hand.
/// </summary>
public class ExtractionCaseTests
{
    private sealed record Row(string Case, string Section, string Text, string Subject, string Period, string Kind, string Value,
        string Unit, string Qualifier, string IsTarget, string Span);

    private static readonly Lazy<List<Row>> All = new(Load);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string c in All.Value.Select(r => r.Case).Distinct()) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snippet_gives_the_hand_worked_facts(string name)
    {
        List<Row> rows = [.. All.Value.Where(r => r.Case == name)];
        string heading = rows[0].Section switch { "plan" => "2025年工作安排\n", "none" => "", _ => "2024年工作回顾\n" };
        string text = heading + rows[0].Text.Replace("\\n", "\n", StringComparison.Ordinal);
        IReadOnlyList<Fact> facts = FactExtractor.Extract(text);
        Row[] expected = [.. rows.Where(r => r.Kind != "none")];
        string got = string.Join(" | ", facts);
        Assert.True(expected.Length == facts.Count, $"{name}: expected {expected.Length} facts, got {facts.Count}: {got}");
        for (int i = 0; i < expected.Length; i++)
        {
            Row e = expected[i];
            Fact f = facts[i];
            string where = $"{name} #{i + 1} ({f})";
            Assert.True(e.Subject == f.Subject, $"{where}: subject '{f.Subject}', expected '{e.Subject}'");
            Assert.True(e.Period == f.PeriodText, $"{where}: period {f.PeriodText}, expected {e.Period}");
            Assert.True(e.Kind == f.Kind.ToString().ToLowerInvariant(), $"{where}: kind, expected {e.Kind}");
            double value = double.Parse(e.Value, CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(value - f.Value.Value) <= 1e-12 * Math.Max(1, Math.Abs(value)), $"{where}: value {f.Value.Value}, expected {value}");
            Assert.True(e.Unit == f.Value.Unit.Symbol, $"{where}: unit {f.Value.Unit.Symbol}, expected {e.Unit}");
            Assert.True(e.Qualifier == f.Qualifier.ToToken(), $"{where}: qualifier {f.Qualifier.ToToken()}, expected {e.Qualifier}");
            Assert.True(bool.Parse(e.IsTarget) == f.IsTarget, $"{where}: is_target {f.IsTarget}, expected {e.IsTarget}");
            Assert.True(e.Span == text[f.Start..f.End], $"{where}: span '{text[f.Start..f.End]}', expected '{e.Span}'");
        }
    }

    private static List<Row> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Extraction", "extraction-cases.csv");
        using SepReader reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var rows = new List<Row>();
        Row? current = null;
        foreach (SepReader.Row r in reader)
        {
            string c = r["case"].ToString();
            bool first = current is null || current.Case != c;
            var row = new Row(c, first ? r["section"].ToString() : current!.Section, first ? r["text"].ToString() : current!.Text,
                r["subject"].ToString(), r["period"].ToString(), r["kind"].ToString(), r["value"].ToString(), r["unit"].ToString(),
                r["qualifier"].ToString(), r["is_target"].ToString(), r["span"].ToString());
            rows.Add(row);
            current = row;
        }

        return rows;
    }
}
