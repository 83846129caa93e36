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
//   heldout [DIR...]     the held-out reports written for the tests (default tests/…/Extraction/Fixtures/heldout-h, heldout-g,
//                        …/heldout-f, …/heldout-e, …/heldout-d, …/heldout-c, …/heldout and …/unseen; needs no ../shared), each read under the file name report.txt: the region, the main
//                        targets found of those typed by hand (Fixtures/DIR-main-targets.csv: indicator, wording, value,
//                        bound, unit) and the facts against DIR/NAME.facts.csv — exact (every field: subject, period,
//                        kind, value, unit, qualifier, target, span) and as ../shared/peers/extract_score.py matches
//                        them (kind, unit and value, the spans overlapping or in one sentence), with the share of those
//                        whose period agrees. Always exit 0: it measures.
// usage: dotnet run benchmarks/reading/reading.cs -- metamorphic|layouts|heldout [SEEDS|WIDTHS|DIR...] [SHARED]
using System.Globalization;
using System.Text.RegularExpressions;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Extraction;

string verb = args.Length > 0 ? args[0] : "metamorphic";
int seeds = args.Length > 1 && verb != "heldout" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
if (verb == "wrap")
{
    // The report hard-wrapped as the layouts verb does, on stdout (to read it with analytics extract).
    string report = FactExtractor.ReadReport(args[2]);
    IReadOnlyList<(int, int)> spans = [.. FactExtractor.Extract(report, new ExtractionOptions { Year = YearOf(args[2]) }).Select(f => (f.Start, f.End))];
    Console.Write(LayoutVariants.Wrap(report, spans, seeds).Text);
    return 0;
}

string root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
if (verb == "heldout")
{
    string fixtures = Path.Combine(root, "tests", "Zhibiao.Analytics.Tests", "Extraction", "Fixtures");
    return Heldout(args.Length > 1 ? args[1..] : [Path.Combine(fixtures, "heldout-h"), Path.Combine(fixtures, "heldout-g"), Path.Combine(fixtures, "heldout-f"), Path.Combine(fixtures, "heldout-e"), Path.Combine(fixtures, "heldout-d"), Path.Combine(fixtures, "heldout-c"), Path.Combine(fixtures, "heldout"), Path.Combine(fixtures, "unseen")]);
}

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

static int Heldout(string[] dirs)
{
    Console.WriteLine("| report | region | main targets found | facts typed | read | exact matches | exact F1 | scorer matches | scorer F1 | period agrees |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    var misses = new List<string>();
    int totalMain = 0, foundMain = 0, regions = 0, reports = 0, under90 = 0, underF1 = 0;
    foreach (string dir in dirs)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
        var golden = ReadCsv(Path.Combine(dir, "..", name + "-main-targets.csv"));
        foreach (string file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            string report = Path.GetFileName(file), text = File.ReadAllText(file);
            var main = golden.Where(g => g["file"] == report).ToList();
            string region = "", note = "";
            string[] gotMain = [];
            try
            {
                var r = ProvincialBoard.Read(text, "report.txt");
                region = r.Region;
                note = r.Note ?? "";
                gotMain = [.. r.Main.Select(t => MainRow(t.IndicatorId, t))];
            }
            catch (AnalyticsException e)
            {
                note = e.Message;
            }

            string[] wantMain = [.. main.Select(g => $"{g["indicator"]} {g["wording"]} {g["value"]} {g["high"]} {g["unit"]}")];
            int found = wantMain.Count(gotMain.Contains);
            bool regionOk = main.Count > 0 && main[0]["region"] == region;
            misses.AddRange(wantMain.Except(gotMain).Select(m => $"{report}: main target missed: {m}"));
            misses.AddRange(gotMain.Except(wantMain).Select(m => $"{report}: main target not typed: {m}"));
            if (!regionOk) misses.Add($"{report}: region {(main.Count > 0 ? main[0]["region"] : "?")} read as '{region}' {note}");

            var want = ReadCsv(Path.ChangeExtension(file, ".facts.csv"));
            IReadOnlyList<Fact> facts = FactExtractor.Extract(text);
            string[] wantKeys = [.. want.Select(w => string.Join(',', w["subject"], w["period"], w["kind"], double.Parse(w["value"], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture), w["unit"], w["qualifier"], w["is_target"], w["span"]))];
            string[] gotKeys = [.. facts.Select(f => string.Join(',', f.Subject, f.PeriodText, f.Kind.ToString().ToLowerInvariant(), f.Value.Value.ToString("R", CultureInfo.InvariantCulture), f.Value.Unit.Symbol, f.Qualifier.ToToken(), f.IsTarget ? "true" : "false", text[f.Start..f.End]))];
            var pool = gotKeys.ToList();
            int exact = wantKeys.Count(pool.Remove);
            misses.AddRange(wantKeys.Except(gotKeys).Select(k => $"{report}: fact missed: {k}"));
            misses.AddRange(gotKeys.Except(wantKeys).Select(k => $"{report}: fact not typed: {k}"));

            // The shared scorer's matching: kind, unit and value agree, the spans overlap (preferred) or share a sentence.
            var bounds = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++) if ("。；！？\n".Contains(text[i], StringComparison.Ordinal)) bounds.Add(i + 1);
            int Sentence(int pos) => bounds.FindLastIndex(b => b <= pos);
            var used = new HashSet<int>();
            int matched = 0, periods = 0;
            foreach (var w in want)
            {
                int ws = IndexOfSpan(text, w["span"], wantKeys, want.IndexOf(w)), we = ws + w["span"].Length;
                double v = double.Parse(w["value"], CultureInfo.InvariantCulture);
                (int Score, int Index) best = (0, -1);
                for (int i = 0; i < facts.Count; i++)
                {
                    Fact f = facts[i];
                    int fs = CodePointToUtf16(text, f.Start), fe = CodePointToUtf16(text, f.End);
                    if (used.Contains(i) || f.Kind.ToString().ToLowerInvariant() != w["kind"] || f.Value.Unit.Symbol != w["unit"]
                        || Math.Abs(f.Value.Value - v) > 1e-6 * Math.Max(1, Math.Max(Math.Abs(v), Math.Abs(f.Value.Value)))) continue;
                    int score = ws >= 0 && ws < fe && fs < we ? 2 : ws >= 0 && Sentence(ws) == Sentence(fs) ? 1 : 0;
                    if (score > best.Score) best = (score, i);
                }

                if (best.Index < 0) continue;
                used.Add(best.Index);
                matched++;
                if (facts[best.Index].PeriodText == w["period"]) periods++;
            }

            static string F1(int m, int gold, int got) => m == 0 ? "0.000" : (2.0 * m / (gold + got)).ToString("0.000", CultureInfo.InvariantCulture);
            reports++;
            totalMain += wantMain.Length;
            foundMain += found;
            if (regionOk) regions++;
            if (found < 0.9 * wantMain.Length) under90++;
            if (2.0 * matched / (want.Count + facts.Count) < 0.95) underF1++;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name}/{report} | {(regionOk ? region : $"**{(region.Length > 0 ? region : "none")}**")} | {found}/{wantMain.Length} | {want.Count} | {facts.Count} | {exact} | {F1(exact, want.Count, facts.Count)} | {matched} | {F1(matched, want.Count, facts.Count)} | {periods}/{matched} |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{reports} reports: regions recognised {regions}/{reports}; main targets found {foundMain}/{totalMain} ({100.0 * foundMain / Math.Max(1, totalMain):0.0}%); reports under 90% of their main targets {under90}; reports under scorer F1 0.95 {underF1}."));
    Console.WriteLine();
    foreach (string m in misses) Console.WriteLine(m);
    return 0;

    static List<Dictionary<string, string>> ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            string[] cells = l.Split(',');
            return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        })];
    }

    static string MainRow(string id, Target t)
    {
        Unit unit = ReportIndicators.Find(id)!.Indicator.Unit;
        return string.Create(CultureInfo.InvariantCulture, $"{id} {Target.ToToken(t.Wording)} {t.Value.ConvertTo(unit).Value} {t.High?.ConvertTo(unit).Value} {unit.Symbol}");
    }

    // The typed span's place: its k-th occurrence, k counted among the typed facts with the same span text before it.
    static int IndexOfSpan(string text, string span, string[] keys, int index)
    {
        string suffix = "," + span;
        int k = keys.Take(index).Count(x => x.EndsWith(suffix, StringComparison.Ordinal)), at = -1;
        for (int i = 0; i <= k; i++)
        {
            do at = text.IndexOf(span, at + 1, StringComparison.Ordinal);
            while (at > 0 && ".．0123456789０１２３４５６７８９一二三四五六七八九十百千万两".Contains(text[at - 1], StringComparison.Ordinal));
            if (at < 0) return -1;
        }

        return at;
    }

    static int CodePointToUtf16(string text, int codePoints)
    {
        int i = 0;
        for (int c = 0; c < codePoints && i < text.Length; c++) i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        return i;
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
