#:project ../../src/Zhibiao.Analytics/Zhibiao.Analytics.csproj
#:property AssemblyName=Zhibiao.Analytics.Reading

// The reading of reports (issue 29), checked on the shared reports (never copied into the repository):
//   metamorphic [SEEDS]  the unit suite's layout properties (tests/…/Extraction/LayoutMetamorphicTests) over every shared
//                        report — national, provincial, Xinjiang — with SEEDS random edits each (default 200): line breaks
//                        inside sentences, spaces, the other width, list numbering, a qualifier before the key phrase.
//                        Prints the failures per report and property; exit 1 when any.
// usage: dotnet run benchmarks/reading/reading.cs -- metamorphic [SEEDS] [SHARED]
using System.Globalization;
using System.Text.RegularExpressions;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Extraction;

string verb = args.Length > 0 ? args[0] : "metamorphic";
int seeds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
string root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
string shared = args.Length > 2 ? args[2] : Path.Combine(root, "..", "shared");
if (!Directory.Exists(Path.Combine(shared, "reports")))
{
    Console.WriteLine($"skipped: {shared}/reports not present");
    return 0;
}

var files = new List<string>();
files.AddRange(Directory.GetFiles(Path.Combine(shared, "reports", "national"), "*.txt").Order(StringComparer.Ordinal));
files.AddRange(Directory.GetFiles(Path.Combine(shared, "reports", "provinces-2026"), "*.txt").Order(StringComparer.Ordinal));
files.Add(Path.Combine(shared, "reports", "xinjiang-2025-gwr.txt"));
if (verb != "metamorphic")
{
    Console.Error.WriteLine($"unknown verb '{verb}' (metamorphic)");
    return 2;
}

int failures = 0, checks = 0;
foreach (string file in files)
{
    string text = FactExtractor.ReadReport(file);
    var options = new ExtractionOptions { Year = YearOf(file) };
    IReadOnlyList<Fact> facts = FactExtractor.Extract(text, options);
    IReadOnlyList<(int, int)> spans = [.. facts.Select(f => (f.Start, f.End))];
    string[] want = [.. facts.Select(f => Key(f, f.Start, f.End))];
    var failed = new Dictionary<string, (int Count, string First)>();
    void Check(string property, LayoutVariant v, string? ignored = null)
    {
        checks++;
        string[] got;
        string[] expected = ignored is null ? want : [.. facts.Select(f => Key(f, f.Start, f.End, ignored))];
        try
        {
            got = [.. FactExtractor.Extract(v.Text, options).Select(f => Key(f, v.ToOriginal(f.Start), v.ToOriginal(f.End - 1) + 1, ignored))];
        }
        catch (AnalyticsException e)
        {
            got = [e.Message];
        }

        if (expected.SequenceEqual(got)) return;
        failures++;
        string first = expected.Zip(got).Where(p => p.First != p.Second).Select(p => $"{p.First}  =>  {p.Second}").FirstOrDefault() ?? $"{want.Length} facts became {got.Length}";
        failed[property] = failed.TryGetValue(property, out var f) ? (f.Count + 1, f.First) : (1, first);
    }

    // Spans are code points; the edits work on UTF-16 indices, so texts with surrogate pairs keep their spans unprotected (none here).
    for (int s = 0; s < seeds; s++)
    {
        var random = new Random(s + 1);
        Check("line breaks", LayoutVariants.BreakLines(text, spans, random, 1 + random.Next(200)));
        Check("spaces", LayoutVariants.AddSpaces(text, spans, random, 1 + random.Next(200)));
        Check("widths", LayoutVariants.SwapWidths(text, random, random.NextDouble()));
    }

    Check("numbering", LayoutVariants.Renumber(text));
    foreach (string q in (string[])["全省", "经济", "全省经济社会发展"]) Check("qualifier " + q, LayoutVariants.QualifyKeyPhrase(text, q), q);
    string name = Path.GetFileName(file);
    if (failed.Count == 0) Console.WriteLine($"{name}: {facts.Count} facts, all properties hold");
    foreach (var (property, (count, first)) in failed) Console.WriteLine($"{name}: {property}: {count} failures; first: {first}");
}

Console.WriteLine($"{files.Count} reports, {checks} variants, {failures} failing");
return failures == 0 ? 0 : 1;

static int? YearOf(string file)
{
    Match m = Regex.Match(Path.GetFileNameWithoutExtension(file), "(19|20)[0-9]{2}");
    return m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;
}

// The same comparison as the unit suite's: every field, the span mapped back; a qualifier put in is left out of both sides.
static string Key(Fact f, int start, int end, string? ignored = null)
{
    string key = string.Create(CultureInfo.InvariantCulture,
        $"{f.Subject}|{f.PeriodText}|{f.Kind}|{f.Value.Value:R}|{f.Value.Unit.Symbol}|{f.Qualifier}|{f.IsTarget}|{f.Note}|{start}-{end}|{f.Text}");
    return ignored is null ? key : key.Replace(ignored, "", StringComparison.Ordinal);
}
