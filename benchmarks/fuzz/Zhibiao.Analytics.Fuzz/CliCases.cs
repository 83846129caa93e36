using System.Diagnostics;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace Zhibiao.Analytics.Fuzz;

/// <summary>
/// One command line to run: its arguments (paths relative to the case's directory, the working directory of the run),
/// the paths the command may change when it succeeds (files, or dataset directories and everything in them), and the
/// dataset directories that must read back after a success.
/// </summary>
internal sealed record CliCase(string[] Args, IReadOnlyList<string> Outputs, IReadOnlyList<string> Datasets)
{
    /// <summary>A FIFO output: a reader drains it while the command runs.</summary>
    public string? Fifo { get; init; }

    public string Command => Args.Length > 0 ? Args[0] : "";

    /// <summary>The command line as a shell would take it (for the report).</summary>
    public string Shell => string.Join(' ', Args.Select(Quote));

    private static string Quote(string a) =>
        a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or ':' or '=' or '+')
            ? a : "$'" + string.Concat(a.Select(c => c switch { '\'' => "\\'", '\\' => "\\\\", < ' ' or '\x7f' => $"\\x{(int)c:x2}", _ => c.ToString() })) + "'";
}

/// <summary>
/// Character devices made in a case's directory: "null" (c 1 3) and "full" (c 1 7), as /dev/null and /dev/full.</summary>
internal static class Devices
{
    /// <summary>Makes the device named by the file name (null or full); false when mknod is refused (not root).</summary>
    public static bool Make(string path)
    {
        string minor = Path.GetFileName(path) == "full" ? "7" : "3";
        using Process mknod = Process.Start(new ProcessStartInfo("mknod", ["-m", "666", path, "c", "1", minor]) { RedirectStandardError = true })!;
        mknod.StandardError.ReadToEnd();
        mknod.WaitForExit();
        return mknod.ExitCode == 0;
    }
}

/// <summary>
/// Random command lines and random small inputs for the command-line fuzzer: every command that reads or writes
/// (silo aside), flag values at the extremes (0, −1, int.MaxValue, NaN, ∞, 1e308, 1e−320, empty, junk, colliding
/// labels such as 80 and 80.00000000000001), long-format files with zeros, negative, missing and huge values, bad
/// periods and broken CSV, Parquet files (some damaged), datasets with extreme rows, reports and history files, and
/// outputs that are devices (copies of /dev/null and /dev/full made in the case's directory, never the machine's),
/// FIFOs, links, read-only files, directories, or in missing directories, beside files named like temporary files.
/// </summary>
internal sealed class CliCases(Random random, string root)
{
    private static readonly string[] FastModels = ["naive", "drift", "mean", "snaive", "ses", "holt", "damped", "theta", "ets", "arima", "naive2", "logdrift", "otm", "dotm"];
    private static readonly string[] Ints = ["0", "-1", "1", "2", "3", "4", "7", "12", "100", "10000", "10001", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "", " 5", "abc", "1e3", "0x10", "３"];
    private static readonly string[] Levels = ["80", "95", "50", "99.9", "99.9999", "0.001", "0.0001", "1e-20", "80.00000000000001", "100", "0", "-5", "NaN", "Infinity", "", "80,80", "80,80.0000001", "80,95", "1,99"];
    private static readonly string[] Quantiles = ["0.5", "0.05,0.95", "1e-9", "0.9999999", "0", "1", "0.5,0.5000000001", "0.1,0.5,0.9", "NaN", ""];
    private static readonly string[] Growth = ["0.05", "-0.05", "0", "-1", "-0.9999999", "1e308", "1e-320", "NaN", "0.05,0.05", "-1e300", "10", "0.02,0.05", "", "-0.05,0,0.02", "1e10"];
    private static readonly string[] Years = ["2025", "2024", "1000", "999", "1001", "9999", "10000", "0", "-1", "2147483647", ""];
    private static readonly string[] Numbers = ["3.2", "3.2", "12.5", "0", "-1.5", "1e308", "1e305", "1e300", "1e101", "1e-320", "123456789012345678901234567890", "0.000001", "NaN", "Infinity", "", "1,000", "3.2e", "--1"];
    private static readonly string[] Units = ["亿人次", "亿人次", "万人次", "人次", "%", "亿元", "万吨", "吨", "百分点", "倍", "亿zz", "", "km"];
    private static readonly string[] Periods = ["2024", "2025", "2030", "2026", "2027", "1000", "999", "19", "2024-Q1", "2024-03", "2024-13", "2021-2025", "9999", "", "二〇二四"];
    private static readonly string[] Qualifiers = ["exact", "exact", "at_least", "more_than", "at_most", "approx", "nearly", "x"];
    private static readonly string[] Ids = ["a", "b", "a", "系列", "", "x y", "\"q,uoted\"", "a\tb"];

    private readonly List<string> _sentences = ReportSentences(root);

    /// <summary>A random case whose input files are made in <paramref name="dir"/> (the run's working directory).</summary>
    public CliCase Next(string dir)
    {
        return random.Next(14) switch
        {
            0 or 1 or 2 => Forecast(dir),
            3 or 4 => Probability(dir),
            5 => Evaluate(dir),
            6 => BacktestTargets(dir),
            7 => Track(dir),
            8 => GrowthOrChartOrReport(dir),
            9 or 10 => Extract(dir),
            11 => ImportHistory(dir),
            12 => Board(dir),
            _ => ExtractSeries(dir),
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Mostly (85%) a value from <paramref name="good"/>, otherwise any of <paramref name="all"/>: deep paths are reached too.</summary>
    private string Mostly(string[] good, string[] all) => Chance(0.85) ? Pick(good) : Pick(all);

    private bool Chance(double p) => random.NextDouble() < p;

    /// <summary>Small values most of the time, an extreme now and then.</summary>
    private string Int(int typical) => Chance(0.8) ? (1 + random.Next(typical)).ToString(CultureInfo.InvariantCulture) : Pick(Ints);

    private string Model() => Chance(0.9) ? Pick(FastModels) : Pick(["auto", "global", "nosuch", "", "naive,naive", "theta,ets"]);

    private CliCase Forecast(string dir)
    {
        string input = LongInput(dir, "y");
        var args = new List<string> { "forecast", "--input", input, "--horizon", Int(8), "--model", Model() };
        if (Chance(0.4)) args.AddRange(["--level", Mostly(["80", "95", "50", "99", "80,95"], Levels)]);
        if (Chance(0.2)) args.AddRange(["--level", Mostly(["80", "95", "50", "99", "80,95"], Levels)]);
        if (Chance(0.3)) args.AddRange(["--quantiles", Mostly(["0.5", "0.1,0.9", "0.05,0.5,0.95"], Quantiles)]);
        if (Chance(0.15)) args.AddRange(["--season-length", Int(12)]);
        if (Chance(0.15)) args.AddRange(["--threads", Int(3)]);
        if (Chance(0.2)) args.AddRange(["--batch-size", Int(3)]);
        if (Chance(0.1)) args.AddRange(["--partition-size", Int(3)]);
        if (Chance(0.05)) args.Add("--timing");
        return WithOutput(dir, args, Pick([".csv", ".csv", ".parquet"]), []);
    }

    private CliCase Probability(string dir)
    {
        string input = LongInput(dir, "y");
        var args = new List<string> { "probability", "--input", input, "--horizon", Int(6), "--growth=" + Mostly(["0.05", "-0.05,0,0.02", "0.1", "0"], Growth), "--model", Model() };
        if (Chance(0.3)) args.AddRange(["--paths", Chance(0.7) ? Int(500) : Pick(["1000000", "20000", "0", "-1"])]);
        if (Chance(0.2)) args.AddRange(["--seed", Pick(Ints)]);
        if (Chance(0.15)) args.AddRange(["--threads", Int(3)]);
        if (Chance(0.2)) args.AddRange(["--batch-size", Int(3)]);
        return WithOutput(dir, args, Pick([".csv", ".parquet"]), []);
    }

    private CliCase Evaluate(string dir)
    {
        string train = LongInput(dir, "train", out Series[] series);
        var args = new List<string> { "evaluate", "--train", train, "--horizon", Int(4), "--model", Chance(0.7) ? Model() : $"{Model()},{Model()}" };
        if (Chance(0.7)) args.AddRange(["--test", Continuation(dir, "test.csv", series)]);
        else args.AddRange(["--origins", Int(4), "--step", Int(2)]);
        if (Chance(0.3)) args.AddRange(["--level", Mostly(["80", "95", "50", "99", "80,95"], Levels)]);
        if (Chance(0.2)) args.AddRange(["--format", Pick(["table", "csv", "json", "xml"])]);
        if (Chance(0.2)) args.AddRange(["--batch-size", Int(3)]);
        return new CliCase([.. args], [], []);
    }

    private CliCase BacktestTargets(string dir)
    {
        string train = LongInput(dir, "train", out Series[] series);
        var args = new List<string> { "backtest-targets", "--train", train, "--test", Continuation(dir, "test.csv", series), "--horizon", Int(3), "--growth=" + Mostly(["0.05", "-0.05,0,0.02", "0.1", "0"], Growth), "--model", Model() };
        if (Chance(0.5)) args.AddRange(["--paths", Chance(0.8) ? Int(300) : Pick(Ints)]);
        if (Chance(0.2)) args.AddRange(["--format", Pick(["table", "csv", "json"])]);
        return new CliCase([.. args], [], []);
    }

    private CliCase Track(string dir)
    {
        var args = new List<string> { "track", Dataset(dir) };
        if (Chance(0.7)) args.Add("--no-probability");
        if (Chance(0.3)) args.AddRange(["--window", Int(20)]);
        if (Chance(0.3)) args.AddRange(["--format", Pick(["table", "csv", "json"])]);
        if (Chance(0.2)) args.AddRange(["--preset", Pick(["open-sdg", "un-sdg-2022", "x"])]);
        if (Chance(0.2)) args.Add("--all");
        return new CliCase([.. args], [], []);
    }

    private CliCase GrowthOrChartOrReport(string dir)
    {
        string ds = Dataset(dir);
        string indicator = Pick(["tourist_arrivals", "grain_output", "gdp", "nosuch", ""]);
        switch (random.Next(3))
        {
            case 0:
                return new CliCase(["growth", indicator, ds, "--format", Pick(["table", "csv", "json"])], [], []);
            case 1:
                var args = new List<string> { "chart", indicator, ds };
                if (Chance(0.4)) args.AddRange(["--kind", Pick(["fan", "growth", "targets", "pie"])]);
                if (Chance(0.3)) args.AddRange(["--width", Pick(["900", "200", "199", "10000", "10001", "-1", "2147483647"])]);
                if (Chance(0.3)) args.AddRange(["--height", Pick(["540", "150", "149", "10000", "0"])]);
                return WithOutput(dir, args, Pick([".svg", ".svg", ".png", ".txt", ""]), [], "--output");
            default:
                return WithOutput(dir, ["report", ds], ".html", [], "--output");
        }
    }

    private CliCase Extract(string dir)
    {
        string report = Report(dir, "report-2025.txt");
        var args = new List<string> { "extract", report };
        if (Chance(0.3)) args.AddRange(["--year", Pick(Years)]);
        if (Chance(0.4))
        {
            string ds = Dataset(dir, writable: true);
            args.AddRange(["--to-dataset", ds]);
            if (Chance(0.4)) args.AddRange(["--source", Pick(["", "报告", "a\u0001b", "a\nb", " ", "a,b\"c", new string('x', 5000)])]);
            if (Chance(0.2)) args.Add("--overwrite");
            if (Chance(0.1)) args.AddRange(["--synonyms", Pick([History(dir), "missing.csv", ds])]);
            return new CliCase([.. args], [ds], [ds]);
        }

        if (Chance(0.3)) args.AddRange(["--format", Pick(["table", "csv", "json"])]);
        return new CliCase([.. args], [], []);
    }

    private CliCase ImportHistory(string dir)
    {
        string ds = Dataset(dir, writable: true);
        var args = new List<string> { "import-history", History(dir), "--to-dataset", ds };
        if (Chance(0.2)) args.Insert(2, History(dir, "h2.csv"));
        return new CliCase([.. args], [ds], [ds]);
    }

    private CliCase Board(string dir)
    {
        var args = new List<string> { "board", Report(dir, "moumou-2026.txt", regional: true) };
        if (Chance(0.3)) args.Add(Report(dir, "moushi-2026.txt", regional: true));
        var outputs = new List<string>();
        var datasets = new List<string>();
        if (Chance(0.4))
        {
            string d = Pick(["board-ds", "file/board-ds", "ro"]);
            if (d.StartsWith("file/", StringComparison.Ordinal)) File.WriteAllText(Path.Combine(dir, "file"), "a file");
            if (d == "ro") Directory.CreateDirectory(Path.Combine(dir, "ro", "targets.csv"));
            args.AddRange(["--to-dataset", d]);
            outputs.Add(d);
            datasets.Add(d);
        }

        if (Chance(0.2)) args.AddRange(["--national", Pick(["china-national", "xinjiang", "nosuch", Dataset(dir)])]);
        if (Chance(0.3)) args.AddRange(["--format", Pick(["table", "csv", "json"])]);
        return Chance(0.5) ? WithOutput(dir, args, ".html", [.. outputs], "--output") with { Datasets = datasets } : new CliCase([.. args], outputs, datasets);
    }

    private CliCase ExtractSeries(string dir)
    {
        var args = new List<string> { "extract-series", Report(dir, "national-2024.txt"), Report(dir, "national-2025.txt") };
        if (Chance(0.5))
        {
            string d = Pick(["series-ds", "series-ds", "file/series-ds"]);
            if (d.StartsWith("file/", StringComparison.Ordinal)) File.WriteAllText(Path.Combine(dir, "file"), "a file");
            args.AddRange(["--to-dataset", d]);
            return new CliCase([.. args], [d], [d]);
        }

        args.AddRange(["--format", Pick(["table", "csv", "json"])]);
        return new CliCase([.. args], [], []);
    }

    /// <summary>
    /// Adds the output option with a random target: a new file, an old file, a read-only one, a directory, a file in a
    /// missing directory, a symbolic link (to a file, or dangling), a FIFO, a copy of /dev/null or /dev/full; files named like
    /// temporary files lie beside it.
    /// </summary>
    private CliCase WithOutput(string dir, List<string> args, string extension, List<string> outputs, string option = "--output")
    {
        int how = random.Next(14);
        if (how == 0 && option == "--output" && args[0] is "forecast" or "probability") return new CliCase([.. args], outputs, []);
        string name = "out" + extension;
        string path = Path.Combine(dir, name);
        File.WriteAllText(Path.Combine(dir, name + ".tmp"), "the user's file");
        File.WriteAllText(Path.Combine(dir, name + ".4242.tmp"), "the user's file");
        string? fifo = null;
        switch (how)
        {
            case 1 or 2:
                File.WriteAllText(path, "old output");
                break;
            case 3:
                File.WriteAllText(path, "read-only output");
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                break;
            case 4:
                Directory.CreateDirectory(path);
                break;
            case 5:
                name = Path.Combine("nodir", name);
                break;
            case 6:
                File.WriteAllText(Path.Combine(dir, "target" + extension), "old target");
                File.CreateSymbolicLink(path, "target" + extension);
                outputs.Add("target" + extension);
                break;
            case 7:
                File.CreateSymbolicLink(path, "created" + extension);
                outputs.Add("created" + extension);
                break;
            case 8:
                using (Process mkfifo = Process.Start("mkfifo", path)) mkfifo.WaitForExit();
                fifo = path;
                break;
            case 9 or 10:
                // Never the machine's /dev/null: a copy made by mknod (as root), which a regression may replace harmlessly.
                string device = how == 9 ? "null" : "full";
                if (Devices.Make(Path.Combine(dir, device)))
                {
                    name = device;
                    fifo = null;
                }

                break;
        }

        args.AddRange([option, name]);
        outputs.Add(name);
        return new CliCase([.. args], outputs, []) { Fifo = fifo };
    }

    /// <summary>A random series of the long format.</summary>
    private sealed record Series(string Id, string Frequency, int StartYear, int Start, string[] Values);

    private string LongInput(string dir, string stem) => LongInput(dir, stem, out _);

    /// <summary>A long-format file (CSV, sometimes Parquet, sometimes damaged) of one to three random series.</summary>
    private string LongInput(string dir, string stem, out Series[] series)
    {
        series = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(i => RandomSeries(i))];
        if (Chance(0.15))
        {
            string parquet = stem + ".parquet";
            WriteParquet(Path.Combine(dir, parquet), series, damage: Chance(0.4));
            return parquet;
        }

        var text = new StringBuilder(Chance(0.05) ? "\uFEFF" : "");
        text.Append(Chance(0.95) ? "unique_id,ds,y" : Pick(["unique_id,ds", "unique_id,ds,y,y", "id,ds,y", "unique_id,ds,y,extra", ""]));
        text.Append('\n');
        foreach (Series s in series)
        {
            for (int t = 0; t < s.Values.Length; t++) text.Append(CultureInfo.InvariantCulture, $"{s.Id},{PeriodText(s, t)},{s.Values[t]}\n");
        }

        string csv = text.ToString();
        if (Chance(0.15)) csv = Corrupt(csv);
        string file = stem + ".csv";
        File.WriteAllText(Path.Combine(dir, file), csv, new UTF8Encoding(false));
        return file;
    }

    private Series RandomSeries(int i)
    {
        string id = Chance(0.9) ? ((char)('a' + i)).ToString() : Pick(Ids);
        string frequency = Pick(["yearly", "yearly", "quarterly", "monthly"]);
        int year = Chance(0.85) ? 1990 + random.Next(20) : Pick([1, 999, 1000, 9990, 9999]);
        int length = Chance(0.9) ? 3 + random.Next(20) : Pick([0, 1, 2, 60]);
        double level = Chance(0.8) ? 10 + random.Next(1000) : Pick([0.0, -50, 1e99, 1e101, 1e300, 1e-300]);
        string kind = Pick(["trend", "trend", "trend", "constant", "zeros", "negative", "missing", "mixed"]);
        var values = new string[length];
        for (int t = 0; t < length; t++)
        {
            double v = kind switch
            {
                "constant" => level,
                "zeros" => 0,
                "negative" => -level - t,
                _ => level * (1 + (0.05 * t)) + random.Next(10),
            };
            values[t] = kind == "missing" && Chance(0.5) ? Pick(["", "NA"])
                : kind == "mixed" && Chance(0.3) ? Pick(["0", "-1", "", "1e308", "1e-320", "NaN", "Infinity", "abc"])
                : v.ToString("R", CultureInfo.InvariantCulture);
        }

        if (length > 0 && Chance(0.1)) values[^1] = Pick(["0", "-3", ""]);
        return new Series(id, frequency, year, frequency == "monthly" ? 1 + random.Next(12) : 1 + random.Next(4), values);
    }

    private static string PeriodText(Series s, int t)
    {
        switch (s.Frequency)
        {
            case "quarterly":
                int q = s.Start - 1 + t;
                return $"{s.StartYear + (q / 4)}-Q{(q % 4) + 1}";
            case "monthly":
                int m = s.Start - 1 + t;
                return $"{s.StartYear + (m / 12)}-{(m % 12) + 1:00}";
            default:
                return (s.StartYear + t).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The test file after the training series: the next values, sometimes shifted or cut.</summary>
    private string Continuation(string dir, string file, Series[] series)
    {
        var text = new StringBuilder("unique_id,ds,y\n");
        foreach (Series s in series.Where(_ => Chance(0.95)))
        {
            int shift = Chance(0.9) ? 0 : Pick([-2, 3]);
            for (int t = 0; t < 1 + random.Next(5); t++)
                text.Append(CultureInfo.InvariantCulture, $"{s.Id},{PeriodText(s, s.Values.Length + shift + t)},{(Chance(0.95) ? (100 + t).ToString(CultureInfo.InvariantCulture) : Pick(["", "0", "-1", "1e308"]))}\n");
        }

        File.WriteAllText(Path.Combine(dir, file), text.ToString());
        return file;
    }

    /// <summary>Byte-level damage: a flipped byte, an inserted quote, comma or control character, a cut, non-UTF-8, CRLF.</summary>
    private string Corrupt(string text)
    {
        if (text.Length == 0) return text;
        int at = random.Next(text.Length);
        return random.Next(6) switch
        {
            0 => text[..at],
            1 => text.Insert(at, Pick(["\"", ",", "\u0000", "\u0007", "\n", "\r", ",,,", "\"\"\""])),
            2 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            3 => text.Insert(at, "\uFFFD"),
            4 => string.Concat(text.AsSpan(0, at), "9999999999999999999999", text.AsSpan(at)),
            _ => text + text[at..],
        };
    }

    private void WriteParquet(string path, Series[] series, bool damage)
    {
        var id = new DataField<string>("unique_id");
        var ds = new DataField<string>("ds");
        var y = new DataField<double?>("y");
        var rows = series.SelectMany(s => s.Values.Select((v, t) => (s.Id, Period: PeriodText(s, t), Value: double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : (double?)null))).ToList();
        using (FileStream stream = File.Create(path))
        {
            ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(id, ds, y), stream).GetAwaiter().GetResult();
            try
            {
                foreach (var chunk in rows.Chunk(Math.Max(1, 1 + random.Next(Math.Max(1, rows.Count)))))
                {
                    using ParquetRowGroupWriter group = writer.CreateRowGroup();
                    group.WriteAsync(id, (IReadOnlyCollection<string?>)[.. chunk.Select(r => r.Id)]).GetAwaiter().GetResult();
                    group.WriteAsync(ds, (IReadOnlyCollection<string?>)[.. chunk.Select(r => r.Period)]).GetAwaiter().GetResult();
                    group.WriteAsync<double>(y, chunk.Select(r => r.Value).ToArray().AsMemory()).GetAwaiter().GetResult();
                }
            }
            finally
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        if (!damage) return;
        byte[] bytes = File.ReadAllBytes(path);
        int at = random.Next(bytes.Length);
        if (Chance(0.3)) bytes = bytes[..at];
        else for (int i = at; i < Math.Min(bytes.Length, at + 1 + random.Next(8)); i++) bytes[i] = (byte)random.Next(256);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A copy of the Xinjiang dataset with random extra rows (extreme values, bad units and periods), or a bundled name.</summary>
    private string Dataset(string dir, bool writable = false)
    {
        if (!writable && Chance(0.15)) return Pick(["xinjiang", "china-national", "nosuch"]);
        if (writable && Chance(0.08)) return Pick(["xinjiang", "new-ds", "file-ds"]) is var special && special == "file-ds" ? WriteFile(dir, "file-ds") : special;
        string ds = "ds";
        string full = Path.Combine(dir, ds);
        if (Directory.Exists(full)) return ds;
        Directory.CreateDirectory(full);
        foreach (string f in Directory.GetFiles(Path.Combine(root, "datasets", "xinjiang"))) File.Copy(f, Path.Combine(full, Path.GetFileName(f)));
        int extra = Chance(0.6) ? 0 : 1 + random.Next(2);
        for (int k = 0; k < extra; k++)
        {
            if (Chance(0.5))
                File.AppendAllText(Path.Combine(full, "targets.csv"), $"{Pick(["tourist_arrivals", "tourist_arrivals", "grain_output", "nosuch"])},{Pick(Periods)},{Pick(Numbers)},{Pick(Units)},{Pick(["level", "level", "growth", "cumulative", "share", "x"])},{Pick(["at_least", "at_most", "x"])},src,,,{Pick(["", "", "0.5", "-1", "NaN", "1e308"])}\n");
            else
                File.AppendAllText(Path.Combine(full, "observations.csv"), $"{Pick(["tourist_arrivals", "tourist_arrivals", "grain_output", "nosuch"])},{Pick(Periods)},{Pick(["level", "level", "growth", "change", "x"])},{Pick(Numbers)},{Pick(Units)},{Pick(Qualifiers)},src,,\n");
        }

        if (Chance(0.05)) File.Delete(Path.Combine(full, Pick(["indicators.csv", "observations.csv", "targets.csv"])));
        return ds;
    }

    private static string WriteFile(string dir, string name)
    {
        File.WriteAllText(Path.Combine(dir, name), "not a directory");
        return name;
    }

    /// <summary>A history file of a few rows with random values, units and periods.</summary>
    private string History(string dir, string name = "h.csv")
    {
        var text = new StringBuilder("indicator,name,period,value,unit,qualifier,note,source\n");
        for (int k = 0; k < 1 + random.Next(3); k++)
            text.Append(CultureInfo.InvariantCulture, $"{Mostly(["tourist_arrivals"], ["grain_output", "nosuch", ""])},{Pick(["", "接待游客"])},{Mostly(["2010", "2012", "2015", "2019"], Periods)},{Mostly(["0.5", "1.25", "3.2"], Numbers)},{Mostly(["亿人次", "万人次"], Units)},{Mostly(["exact"], Qualifiers)},,{Mostly(["history"], ["", "history"])}\n");
        File.WriteAllText(Path.Combine(dir, name), Chance(0.1) ? Corrupt(text.ToString()) : text.ToString());
        return name;
    }

    /// <summary>A report of review and plan sentences from the extraction test cases, with some numbers replaced by extremes.</summary>
    private string Report(string dir, string name, bool regional = false)
    {
        int year = Chance(0.9) ? 2025 : Pick([1000, 999, 9999, 2147483647 % 10000]);
        var text = new StringBuilder(regional ? $"SOURCE: fuzz\n{year}年某某省政府工作报告\n一、{year - 1}年工作回顾\n" : $"政府工作报告\n{year - 1}年工作回顾\n");
        for (int k = 0; k < 1 + random.Next(4); k++) text.Append(Mutate(Pick(_sentences))).Append('\n');
        text.Append(regional ? $"三、{year}年重点工作\n经济社会发展的主要预期目标是：" : $"{year}年工作安排\n");
        for (int k = 0; k < 1 + random.Next(4); k++) text.Append(Mutate(Pick(_sentences))).Append('\n');
        string content = Chance(0.05) ? Corrupt(text.ToString()) : text.ToString();
        File.WriteAllText(Path.Combine(dir, name), content);
        return name;
    }

    private string Mutate(string sentence)
    {
        if (!Chance(0.3)) return sentence;
        int digit = sentence.IndexOfAny("0123456789".ToCharArray());
        return digit < 0 ? sentence : string.Concat(sentence.AsSpan(0, digit), Pick(["1e308", "99999999999999999999", "0", "-5", "０", "1.2.3"]), sentence.AsSpan(digit + 1));
    }

    private static List<string> ReportSentences(string root)
    {
        string cases = Path.Combine(root, "tests", "Zhibiao.Analytics.Tests", "Extraction", "extraction-cases.csv");
        var sentences = new List<string> { "全年铁路货物发送量2.37亿吨、增长10.6%。", "力争接待游客3.2亿人次。", "地区生产总值增长5%左右，城镇新增就业50万人以上。", "粮食产量稳定在1300万吨以上，居民消费价格涨幅2%左右。" };
        if (!File.Exists(cases)) return sentences;
        using SepReader reader = Sep.Reader().FromFile(cases);
        foreach (SepReader.Row row in reader)
        {
            string text = row["text"].ToString();
            if (text.Length is > 0 and < 300 && !text.Contains('\n', StringComparison.Ordinal)) sentences.Add(text);
        }

        return sentences;
    }
}
