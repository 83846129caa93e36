#:project ../../src/Zhibiao.Analytics/Zhibiao.Analytics.csproj

// In-process mutation fuzzer for every parser a user feeds (issue 16): the long format, the three dataset CSVs,
// Quantity.Parse, Period.Parse, the report extractor, synonym and history files. The corpus is seeded from the
// repository's own files; each execution feeds one mutated input (byte flips, inserted bytes, spliced lines, truncation).
// An input is a crash when the parser throws anything but the documented user errors (AnalyticsException, or
// FormatException for Period/Quantity); crashing inputs are saved to benchmarks/fuzz/crashes/TARGET-N.bin.
// Run:  dotnet run benchmarks/fuzz/fuzz.cs -- [executions per target, default 3000] [seed, default 16]
using System.Text;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

int perTarget = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3000;
var random = new Random(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16);
string root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
if (!Directory.Exists(Path.Combine(root, "datasets"))) root = Directory.GetCurrentDirectory();
string xinjiang = Path.Combine(root, "datasets", "xinjiang");
string work = Directory.CreateTempSubdirectory("fuzz-").FullName;
string crashes = Path.Combine(root, "benchmarks", "fuzz", "crashes");

byte[] Seed(string path) => File.ReadAllBytes(path);
byte[][] Lines(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];

// A dataset directory where one file is the fuzzed input and the others are the valid Xinjiang files.
void LoadDataset(string file, byte[] input)
{
    string dir = Path.Combine(work, "ds");
    Directory.CreateDirectory(dir);
    foreach (string f in new[] { "indicators.csv", "observations.csv", "targets.csv" })
        File.Copy(Path.Combine(xinjiang, f), Path.Combine(dir, f), overwrite: true);
    File.WriteAllBytes(Path.Combine(dir, file), input);
    Dataset.Load(dir);
}

string InFile(byte[] input)
{
    string path = Path.Combine(work, "input.csv");
    File.WriteAllBytes(path, input);
    return path;
}

var targets = new (string Name, byte[][] Corpus, Action<byte[]> Run, Func<Exception, bool> Expected)[]
{
    ("long-format", Lines("unique_id,ds,y\na,2020,1\na,2021,2.5\nb,2020-Q1,3\nb,2020-Q2,\n", "unique_id,ds,y\nN1,1,3060.42\nN1,2,NA\n"),
        b => LongFormat.Read(InFile(b)), e => e is AnalyticsException),
    ("indicators.csv", [Seed(Path.Combine(xinjiang, "indicators.csv"))], b => LoadDataset("indicators.csv", b), e => e is AnalyticsException),
    ("observations.csv", [Seed(Path.Combine(xinjiang, "observations.csv"))], b => LoadDataset("observations.csv", b), e => e is AnalyticsException),
    ("targets.csv", [Seed(Path.Combine(xinjiang, "targets.csv"))], b => LoadDataset("targets.csv", b), e => e is AnalyticsException),
    ("Quantity.Parse", Lines("3.2亿人次", "1137.8 亿元", "36.09%", "473.33公斤/亩", "-5 万吨"),
        b => Quantity.Parse(Encoding.UTF8.GetString(b)), e => e is AnalyticsException or FormatException),
    ("Period.Parse", Lines("2024", "2024-Q1", "2024Q3", "2024-03", "1988"),
        b => Period.Parse(Encoding.UTF8.GetString(b)), e => e is FormatException),
    ("report", Lines("2024年工作回顾\n全年铁路货物发送量2.37亿吨、增长10.6%，全市8家医院投用。\n2025年工作安排\n力争接待游客3.2亿人次。\n",
            "地区生产总值增长6%左右，粮食产量稳定在430亿斤以上，新能源装机占比达到36.09%。\n"),
        b => { string text = Encoding.UTF8.GetString(b); FactExtractor.Extract(text); ReportReader.Read(text, "report.txt", 2025); }, e => e is AnalyticsException),
    ("synonyms.csv", [Seed(Path.Combine(xinjiang, "synonyms.csv"))], b => SynonymTable.Load(InFile(b)), e => e is AnalyticsException),
    ("history.csv", [Seed(Path.Combine(xinjiang, "history-from-notes.csv"))], b => HistoryImport.Read(InFile(b)), e => e is AnalyticsException),
};

byte[] Mutate(byte[][] corpus)
{
    byte[] seed = corpus[random.Next(corpus.Length)];
    var b = new List<byte>(seed);
    int edits = 1 + random.Next(4);
    for (int k = 0; k < edits; k++)
    {
        int at = b.Count == 0 ? 0 : random.Next(b.Count);
        switch (random.Next(7))
        {
            case 0 when b.Count > 0: b[at] ^= (byte)(1 << random.Next(8)); break;
            case 1: b.Insert(at, (byte)random.Next(256)); break;
            case 2 when b.Count > 0: b.RemoveRange(at, Math.Min(b.Count - at, 1 + random.Next(16))); break;
            case 3: b.InsertRange(at, "\",\n\r\0-.eE9亿%"u8.ToArray().Skip(random.Next(12)).Take(1 + random.Next(3))); break;
            case 4 when b.Count > 0: b.RemoveRange(at, b.Count - at); break; // truncate
            case 5: byte[] other = corpus[random.Next(corpus.Length)]; int from = random.Next(Math.Max(1, other.Length)); b.InsertRange(at, other.Skip(from).Take(1 + random.Next(64))); break;
            default: b.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "99999999999999999999" : "1e308")); break;
        }
    }

    return [.. b];
}

Console.WriteLine("| target | executions | crashes | distinct crash types |");
Console.WriteLine("|---|---|---|---|");
int total = 0;
foreach (var (name, corpus, run, expected) in targets)
{
    int crashCount = 0;
    var kinds = new SortedSet<string>(StringComparer.Ordinal);
    for (int i = 0; i < perTarget; i++)
    {
        byte[] input = i < corpus.Length ? corpus[i] : Mutate(corpus);
        try
        {
            run(input);
        }
        catch (Exception e) when (!expected(e))
        {
            crashCount++;
            string kind = $"{e.GetType().Name} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
            if (kinds.Add(kind))
            {
                Directory.CreateDirectory(crashes);
                File.WriteAllBytes(Path.Combine(crashes, $"{name}-{kinds.Count}.bin"), input);
                Console.Error.WriteLine($"{name}: {kind}: {e.Message}");
            }
        }
        catch (Exception)
        {
            // A documented user error: fine.
        }
    }

    total += crashCount;
    Console.WriteLine($"| {name} | {perTarget} | {crashCount} | {kinds.Count} |");
}

Directory.Delete(work, recursive: true);
return total == 0 ? 0 : 1;
