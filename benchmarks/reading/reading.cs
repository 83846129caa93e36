#:project ../../src/Zhibiao.Analytics/Zhibiao.Analytics.csproj
#:property AssemblyName=Zhibiao.Analytics.Reading

// The reading of reports (issue 29), checked on the shared reports (never copied into the repository):
//   metamorphic [SEEDS]  the unit suite's layout properties (tests/…/Extraction/LayoutMetamorphicTests) over every shared
//                        report — national, provincial, Xinjiang — with SEEDS random edits each (default 200): line breaks
//                        inside sentences, spaces, the other width, list numbering, a qualifier before the key phrase.
//                        Prints the failures per report and property; exit 1 when any.
//   layouts [WIDTHS]     every shared report laid out as texts reach a user: hard-wrapped at WIDTHS widths (default 8:
//                        32, 40, …, 88 columns, i.e. 16 to 44 Chinese characters a line; breaks after sentence ends and
//                        colons too, never inside a number),
//                        paragraphs spaced (blank lines, ideographic indents, \r\n), both at once, under a file name that
//                        names no region. Counts, per layout, the reports whose facts, main targets (indicator, value, bound,
//                        wording) and region are those of the text as given. Exit 1 when any differs.
//   wrap WIDTH FILE      FILE hard-wrapped at WIDTH columns as layouts does, on stdout.
// usage: dotnet run benchmarks/reading/reading.cs -- metamorphic|layouts [SEEDS|WIDTHS] [SHARED]
using System.Globalization;
using System.Text.RegularExpressions;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Extraction;

string verb = args.Length > 0 ? args[0] : "metamorphic";
int seeds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
if (verb == "wrap")
{
    // The report hard-wrapped as the layouts verb does, on stdout (to read it with analytics extract).
    string report = FactExtractor.ReadReport(args[2]);
    IReadOnlyList<(int, int)> spans = [.. FactExtractor.Extract(report, new ExtractionOptions { Year = YearOf(args[2]) }).Select(f => (f.Start, f.End))];
    Console.Write(LayoutVariants.Wrap(report, spans, seeds).Text);
    return 0;
}

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
if (verb == "layouts") return Layouts(files, seeds);

if (verb != "metamorphic")
{
    Console.Error.WriteLine($"unknown verb '{verb}' (metamorphic, layouts)");
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

static int Layouts(List<string> files, int widths)
{
    int[] ws = [.. Enumerable.Range(0, widths).Select(i => 32 + (8 * i))];
    var layouts = new List<string>([.. ws.Select(w => $"wrap {w}"), "spaced", "spaced+wrap 48"]);
    var same = layouts.ToDictionary(l => l, _ => (Facts: 0, Main: 0, Region: 0, Reports: 0, MainReports: 0));
    int failures = 0;
    foreach (string file in files)
    {
        string text = FactExtractor.ReadReport(file);
        int? year = YearOf(file);
        var options = new ExtractionOptions { Year = year };
        IReadOnlyList<Fact> facts = FactExtractor.Extract(text, options);
        IReadOnlyList<(int, int)> spans = [.. facts.Select(f => (f.Start, f.End))];
        string[] wantFacts = [.. facts.Select(f => Key(f, f.Start, f.End))];
        string[] wantMain = MainTargets(text, Path.GetFileName(file), year);
        bool provincial = file.Contains("provinces", StringComparison.Ordinal);
        string? wantRegion = provincial ? Regions.Of(text, Path.GetFileName(file)) : null;
        foreach (string layout in layouts)
        {
            LayoutVariant v = layout switch
            {
                "spaced" => LayoutVariants.SpaceParagraphs(text),
                "spaced+wrap 48" => SpacedAndWrapped(text, spans, 48),
                _ => LayoutVariants.Wrap(text, spans, int.Parse(layout[5..], CultureInfo.InvariantCulture)),
            };
            string[] gotFacts = [.. FactExtractor.Extract(v.Text, options).Select(f => Key(f, v.ToOriginal(f.Start), v.ToOriginal(f.End - 1) + 1))];
            string[] gotMain = MainTargets(v.Text, "report.txt", year);
            var c = same[layout];
            c.Reports++;
            if (wantMain.Length > 0) c.MainReports++;
            bool factsSame = wantFacts.SequenceEqual(gotFacts), mainSame = wantMain.SequenceEqual(gotMain);
            bool regionSame = !provincial || Regions.Of(v.Text, "report.txt") == wantRegion;
            if (factsSame) c.Facts++;
            if (mainSame && wantMain.Length > 0) c.Main++;
            if (regionSame && provincial) c.Region++;
            same[layout] = c;
            if (factsSame && mainSame && regionSame) continue;
            failures++;
            string what = !mainSame ? $"main targets [{string.Join("; ", wantMain)}] became [{string.Join("; ", gotMain)}]"
                : !regionSame ? $"region {wantRegion} became {Regions.Of(v.Text, "report.txt")}"
                : wantFacts.Zip(gotFacts).Where(p => p.First != p.Second).Select(p => $"{p.First}  =>  {p.Second}").FirstOrDefault() ?? $"{wantFacts.Length} facts became {gotFacts.Length}";
            Console.WriteLine($"{Path.GetFileName(file)}: {layout}: {what}");
        }
    }

    int provinces = files.Count(f => f.Contains("provinces", StringComparison.Ordinal));
    Console.WriteLine();
    Console.WriteLine("| layout | reports with the same facts | with the same main targets | with the same region |");
    Console.WriteLine("|---|---|---|---|");
    foreach (string layout in layouts)
    {
        var c = same[layout];
        Console.WriteLine($"| {layout} | {c.Facts}/{c.Reports} | {c.Main}/{c.MainReports} | {c.Region}/{provinces} |");
    }

    return failures == 0 ? 0 : 1;

    static LayoutVariant SpacedAndWrapped(string text, IReadOnlyList<(int Start, int End)> spans, int width)
    {
        LayoutVariant a = LayoutVariants.SpaceParagraphs(text);
        LayoutVariant b = LayoutVariants.Wrap(a.Text, [.. spans.Select(s => (a.Map[s.Start], a.Map[s.End]))], width);
        return new LayoutVariant(b.Text, [.. a.Map.Select(i => b.Map[i])]);
    }

    static string[] MainTargets(string text, string file, int? year)
    {
        try
        {
            return
            [
                .. ReportReader.Read(text, file, year).Targets.Where(t => t.IsMain)
                    .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.IndicatorId} {t.Wording} {t.Value.Value:R}{(t.High is { } h ? $"-{h.Value:R}" : "")}{t.Value.Unit.Symbol}")),
            ];
        }
        catch (AnalyticsException e)
        {
            return [e.Message];
        }
    }
}

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
