using System.Text;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Fuzz;

/// <summary>
/// One fuzz target per user-fed parser. Each takes the raw bytes, feeds them to the parser as a user would (a file for
/// file parsers, so the UTF-8 check is fuzzed too) and swallows only the documented user errors. Setup that runs
/// instrumented code is lazy: the instrumented assembly may only run inside SharpFuzz's loop.
/// </summary>
internal static class FuzzTargets
{
    public static readonly string[] Names =
        ["long-format", "indicators", "observations", "targets", "quantity", "period", "report", "synonyms", "history"];

    public static Action<byte[]> Get(string name, string root)
    {
        string xinjiang = Path.Combine(root, "datasets", "xinjiang");
        string work = Directory.CreateTempSubdirectory($"zhibiao-fuzz-{name}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(work, recursive: true);
        string InFile(byte[] input, string file = "input.csv")
        {
            string path = Path.Combine(work, file);
            File.WriteAllBytes(path, input);
            return path;
        }

        Action<byte[]> run = name switch
        {
            "long-format" => b => LongFormat.Read(InFile(b)),
            "indicators" or "observations" or "targets" => DatasetFile(name + ".csv", xinjiang, work),
            "quantity" => b => Quantity.Parse(Encoding.UTF8.GetString(b)),
            "period" => b => Period.Parse(Encoding.UTF8.GetString(b)),
            "report" => b =>
            {
                string path = InFile(b, "report-2025.txt");
                ReportReader.ReadFile(path);
                FactExtractor.Extract(FactExtractor.ReadReport(path));
            },
            "synonyms" => Synonyms(xinjiang, InFile),
            "history" => History(xinjiang, InFile),
            _ => throw new ArgumentException($"unknown target '{name}' (known: {string.Join(", ", Names)})"),
        };
        bool formatIsExpected = name is "quantity" or "period";
        return b =>
        {
            try
            {
                run(b);
            }
            catch (AnalyticsException)
            {
                // A documented user error.
            }
            catch (FormatException) when (formatIsExpected)
            {
                // Period.Parse and Quantity.Parse document FormatException.
            }
        };
    }

    /// <summary>A dataset directory where one file is the input and the other two are the valid Xinjiang files.</summary>
    private static Action<byte[]> DatasetFile(string file, string xinjiang, string work)
    {
        string dir = Path.Combine(work, "ds");
        Directory.CreateDirectory(dir);
        foreach (string f in new[] { "indicators.csv", "observations.csv", "targets.csv" })
            File.Copy(Path.Combine(xinjiang, f), Path.Combine(dir, f), overwrite: true);
        return b =>
        {
            File.WriteAllBytes(Path.Combine(dir, file), b);
            Dataset.Load(dir);
        };
    }

    /// <summary>The synonyms file, loaded and then used to join a few extracted facts to the Xinjiang indicators.</summary>
    private static Action<byte[]> Synonyms(string xinjiang, Func<byte[], string, string> inFile)
    {
        var setup = new Lazy<(Dataset, IReadOnlyList<Fact>)>(() => (Dataset.Load(xinjiang),
            FactExtractor.Extract("2024年工作回顾\n粮食产量466亿斤，粮食单产1050斤。\n2025年工作安排\n力争接待游客3.2亿人次。\n")));
        return b =>
        {
            (Dataset dataset, IReadOnlyList<Fact> facts) = setup.Value;
            FactJoin.Join(facts, dataset.Indicators, SynonymTable.Load(inFile(b, "synonyms.csv")), "fuzz");
        };
    }

    /// <summary>A history file, read and merged into the Xinjiang dataset.</summary>
    private static Action<byte[]> History(string xinjiang, Func<byte[], string, string> inFile)
    {
        var setup = new Lazy<(Dataset, SynonymTable)>(() => (Dataset.Load(xinjiang), SynonymTable.Load(Path.Combine(xinjiang, "synonyms.csv"))));
        return b =>
        {
            (Dataset dataset, SynonymTable synonyms) = setup.Value;
            HistoryImport.Merge(dataset, HistoryImport.Read(inFile(b, "history.csv")), synonyms);
        };
    }
}
