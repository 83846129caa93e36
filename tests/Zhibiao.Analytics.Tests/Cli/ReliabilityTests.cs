using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Tests.Assessment;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>
/// Regression tests of the second hostile run (issue 32): nothing a user has is lost or half-written, no wrong answer
/// without a word. Each refused case is one line on stderr, exit 2, nothing on stdout, and every file as it was.
/// </summary>
public sealed class ReliabilityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reliability-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    private string Write(string name, string text)
    {
        string path = In(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Yearly(string name = "y.csv", string last = "") =>
        Write(name, "unique_id,ds,y\n" + string.Concat(Enumerable.Range(1970, 19).Select(t => $"a,{t},{100 + (3 * (t % 7)) + (5 * (t - 1970))}\n")) + last);

    private string Xinjiang(string name = "ds")
    {
        string dir = In(name);
        Directory.CreateDirectory(dir);
        foreach (string f in Directory.GetFiles(RepositoryPaths.XinjiangDataset)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    /// <summary>Every entry under the test directory: relative path, kind and a hash of the contents.</summary>
    private SortedDictionary<string, string> Snapshot()
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories))
        {
            FileKind kind = FileKinds.OfLink(path);
            all[Path.GetRelativePath(_dir, path)] = kind == FileKind.Regular ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : kind.ToString();
        }

        return all;
    }

    /// <summary>Refused as the contract says, and no file under the test directory changed.</summary>
    private void RefusedUnchanged(string expected, params string[] args)
    {
        SortedDictionary<string, string> before = Snapshot();
        CliRunner.Refused(expected, args);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("--level", "80.00000000000001,80", "--level: 80 and 80.00000000000001 would both be named lo-80")]
    [InlineData("--level", "1e-20", "--level: 1e-20 would be named lo-0")]
    [InlineData("--level", "99.9999", "--level: 99.9999 would be named lo-100")]
    [InlineData("--quantiles", "0.5,0.5000000001", "--quantiles: 0.5000000001 and 0.5 would both be named q-0.5")]
    [InlineData("--quantiles", "1e-9", "--quantiles: 1e-9 would be named q-0")]
    public void Levels_and_quantiles_whose_column_names_collide_or_round_to_the_bounds_are_refused(string option, string values, string expected) =>
        RefusedUnchanged(expected, "forecast", "--input", Yearly(), "--horizon", "2", "--model", "naive", option, values, "--output", In("out.csv"));

    [Theory]
    [InlineData("0", "is 0")]
    [InlineData("-5", "is -5")]
    [InlineData("", "is missing")]
    public void Growth_probabilities_of_a_series_whose_last_value_is_not_positive_fail_by_name(string last, string expected)
    {
        string input = Write("p.csv", "unique_id,ds,y\n" + string.Concat(Enumerable.Range(2000, 8).Select(t => $"z,{t},{(t < 2007 ? 10 + t - 2000 : last)}\n")));
        var (exit, _, err) = CliRunner.Run("probability", "--input", input, "--horizon", "2", "--growth", "0.05", "--model", "naive");
        Assert.Equal(2, exit);
        Assert.Contains($"warning: series z: the last value (2007) {expected}; growth targets", err, StringComparison.Ordinal);

        // Beside a series that can be scored: that one is written, this one named, exit 1.
        File.AppendAllText(input, string.Concat(Enumerable.Range(2000, 8).Select(t => $"b,{t},{10 + t - 2000}\n")));
        var (mixed, stdout, err2) = CliRunner.Run("probability", "--input", input, "--horizon", "2", "--growth", "0.05", "--model", "naive");
        Assert.Equal(1, mixed);
        Assert.Contains("b,1,0.05,", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("z,", stdout, StringComparison.Ordinal);
        Assert.Contains("series z", err2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--year", "1000", "column 'period': '999' is not a period")]
    [InlineData("--year", "999", "column 'period': '998' is not a period")]
    public void An_extract_that_would_leave_a_dataset_no_command_can_read_is_refused_and_the_directory_unchanged(string option, string value, string expected)
    {
        string ds = Xinjiang();
        string report = Write("report.txt", "2025年工作回顾\n全年铁路货物发送量3.37亿吨、增长10.6%。\n2026年工作安排\n力争接待游客4.2亿人次。\n");
        RefusedUnchanged($"{ds}: not written, the dataset would not read back: {Path.Combine(ds, "observations.csv")}", "extract", report, "--to-dataset", ds, option, value);
        RefusedUnchanged(expected, "extract", report, "--to-dataset", ds, option, value);
    }

    [Theory]
    [InlineData("", "--source: is empty")]
    [InlineData(" ", "--source: is empty")]
    [InlineData("a\u0001b", "--source: holds a line break or control character")]
    [InlineData("a\nb", "--source: holds a line break or control character")]
    public void An_extract_source_that_is_empty_or_not_one_line_is_refused(string value, string expected)
    {
        string ds = Xinjiang();
        string report = Write("report.txt", "2025年工作回顾\n全年铁路货物发送量3.37亿吨、增长10.6%。\n2026年工作安排\n力争接待游客4.2亿人次。\n");
        RefusedUnchanged(expected, "extract", report, "--to-dataset", ds, "--source", value);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("1e305")]
    public void A_figure_beyond_the_largest_number_is_refused_where_it_is_read(string value)
    {
        string ds = Xinjiang();
        string history = Write("h.csv", $"indicator,name,period,value,unit,qualifier,note,source\ntourist_arrivals,,2019,{value},亿人次,exact,,x\n");
        RefusedUnchanged($"{history}:2: column 'value': {double.Parse(value, CultureInfo.InvariantCulture).ToString("G6", CultureInfo.InvariantCulture)}亿人次 is beyond the largest number", "import-history", history, "--to-dataset", ds);
        File.AppendAllText(Path.Combine(ds, "targets.csv"), $"tourist_arrivals,2027,{value},亿人次,level,at_least,x,,,\n");
        RefusedUnchanged($"{Path.Combine(ds, "targets.csv")}:", "track", ds);
    }

    [Fact]
    public void A_figure_too_large_for_the_arithmetic_is_refused_naming_the_value_column()
    {
        // 1e300亿人次 is a finite number (1e308 人次), but growth rates and forecasts of it overflow: "≥NaN万亿人次" before.
        string ds = Xinjiang();
        File.AppendAllText(Path.Combine(ds, "targets.csv"), "tourist_arrivals,2027,1e300,亿人次,level,at_least,x,,,\n");
        RefusedUnchanged($"{Path.Combine(ds, "targets.csv")}:3: column 'value': tourist_arrivals target 2027: 1E+300亿人次 is 1E+308 人次, beyond the 1E+100", "track", ds);
    }

    private string Board(string name = "moumou-2026.txt") => Write(name, ProvincialBoardTests.Spread);

    [Fact]
    public void Board_output_goes_through_the_one_writer_all_or_nothing_with_the_dataset()
    {
        string report = Board();
        string html = Write("b.html", "the old page");
        Write("b.html.tmp", "the user's own file");

        // The dataset cannot be written (its directory would be under a file): the page is not replaced either.
        string file = Write("file", "x");
        var (exit, _, err) = CliRunner.Run("board", report, "--output", html, "--to-dataset", Path.Combine(file, "D"), "--format", "csv");
        Assert.Equal(2, exit);
        Assert.Contains("is not a directory", err, StringComparison.Ordinal);
        Assert.Equal("the old page", File.ReadAllText(html));

        // The same refusals as every other output.
        File.SetAttributes(html, FileAttributes.ReadOnly);
        RefusedUnchanged($"{html}: the file is read-only; not replaced", "board", report, "--output", html, "--format", "csv");
        File.SetAttributes(html, FileAttributes.Normal);
        RefusedUnchanged($"the directory {In("nodir")} does not exist", "board", report, "--output", In(Path.Combine("nodir", "b.html")), "--format", "csv");

        var (ok, _, _) = CliRunner.Run("board", report, "--output", html, "--to-dataset", In("D"), "--format", "csv");
        Assert.Equal(0, ok);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Equal("the user's own file", File.ReadAllText(In("b.html.tmp")));
        Assert.True(File.Exists(Path.Combine(In("D"), "targets.csv")));
        Assert.Empty(Directory.GetFiles(_dir, "*.analytics-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Outputs_that_are_devices_fifos_or_links_are_written_through_never_replaced()
    {
        if (OperatingSystem.IsWindows()) return;
        string y = Yearly();
        string device = Devices.Null(_dir);
        Assert.Equal(0, CliRunner.Run("forecast", "--input", y, "--horizon", "2", "--model", "naive", "--output", device).Exit);
        Assert.Equal(FileKind.Special, FileKinds.OfLink(device));
        Assert.Equal(FileKind.Special, FileKinds.OfLink("/dev/null"));

        string target = Write("target.csv", "old"), link = In("link.csv");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(0, CliRunner.Run("forecast", "--input", y, "--horizon", "2", "--model", "naive", "--output", link).Exit);
        Assert.Equal(FileKind.Link, FileKinds.OfLink(link));
        Assert.StartsWith("unique_id,ds,h", File.ReadAllText(target), StringComparison.Ordinal);

        string fifo = In("fifo");
        using (Process mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        var reader = new Thread(() => File.WriteAllText(In("from-fifo.csv"), File.ReadAllText(fifo)));
        reader.Start();
        Assert.Equal(0, CliRunner.Run("forecast", "--input", y, "--horizon", "2", "--model", "naive", "--output", fifo).Exit);
        reader.Join();
        Assert.Equal(FileKind.Special, FileKinds.OfLink(fifo));
        Assert.Equal(File.ReadAllText(target), File.ReadAllText(In("from-fifo.csv")));
    }

    [Fact]
    public void A_dataset_changed_by_another_command_since_it_was_read_is_not_overwritten()
    {
        string ds = Xinjiang();
        string observations = Path.Combine(ds, "observations.csv");
        var e = Assert.Throws<AnalyticsException>(() => AtomicFile.Together(() =>
        {
            MergeResult merged = DatasetMerge.Merge(DatasetMerge.LoadForMerge(ds), [], []);
            File.AppendAllText(observations, "tourist_arrivals,2030,level,9,亿人次,exact,another command,,\n");
            merged.Dataset.Save(ds);
        }));
        Assert.Contains("the dataset changed since this command read it", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("another command,,\n", File.ReadAllText(observations), StringComparison.Ordinal);

        // Read again, it is written.
        AtomicFile.Together(() => DatasetMerge.LoadForMerge(ds).Save(ds));
        Assert.Contains("another command", File.ReadAllText(observations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dataset_being_written_by_another_process_is_waited_for()
    {
        string ds = Xinjiang();
        Dataset dataset = Dataset.Load(ds);
        var held = new FileStream(Path.Combine(ds, DatasetGuard.LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Task save = Task.Run(() => dataset.Save(ds));
        await Task.Delay(200);
        Assert.False(save.IsCompleted);
        await held.DisposeAsync();
        await save;

        Assert.Equal(dataset.Observations.Count, Dataset.Load(ds).Observations.Count);
    }

    [Fact]
    public void Two_commands_writing_one_dataset_at_once_lose_nothing()
    {
        // extract and import-history into one directory at once, as processes: each either writes (and its rows are
        // there at the end) or says that the dataset changed meanwhile and writes nothing.
        string ds = Xinjiang();
        string report = Write("report.txt", "2025年工作回顾\n全年铁路货物发送量3.37亿吨、增长10.6%。\n2026年工作安排\n力争接待游客4.2亿人次。\n");
        string history = Write("h.csv", "indicator,name,period,value,unit,qualifier,note,source\ntourist_arrivals,,2011,0.5,亿人次,exact,,history\n");
        Process[] runs = [CrashSafeWriteTests.Start("extract", report, "--to-dataset", ds), CrashSafeWriteTests.Start("import-history", history, "--to-dataset", ds)];
        (int Exit, string Err)[] results = [.. runs.Select(p =>
        {
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, err);
        })];
        foreach (Process p in runs) p.Dispose();
        string observations = File.ReadAllText(Path.Combine(ds, "observations.csv"));
        Assert.True(results[0].Exit == 0 || results[0].Err.Contains("the dataset changed since this command read it", StringComparison.Ordinal), results[0].Err);
        Assert.True(results[1].Exit == 0 || results[1].Err.Contains("the dataset changed since this command read it", StringComparison.Ordinal), results[1].Err);
        Assert.Contains(results, r => r.Exit == 0);
        if (results[0].Exit == 0) Assert.Contains("rail_freight_dispatched,2025,level,3.37,亿吨", observations, StringComparison.Ordinal);
        if (results[1].Exit == 0) Assert.Contains("tourist_arrivals,2011,level,0.5,亿人次", observations, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_that_is_a_pipe_is_read_to_its_end()
    {
        if (OperatingSystem.IsWindows()) return;
        string fifo = In("fifo");
        using (Process mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        string text = File.ReadAllText(Yearly()) + string.Concat(Enumerable.Range(1970, 19).Select(t => $"b,{t},{200 + t - 1970}\n"));
        var writer = new Thread(() => File.WriteAllText(fifo, text));
        writer.Start();
        var (exit, stdout, err) = CliRunner.Run("forecast", "--input", fifo, "--horizon", "2", "--model", "naive");
        writer.Join();
        Assert.True(exit == 0, err);
        Assert.Contains("b,1990,2,Naive,218", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_output_that_cannot_be_written_is_one_error_line()
    {
        using var stderr = new StringWriter();
        int exit = Zhibiao.Analytics.Cli.AnalyticsCli.Run(["forecast", "--input", Yearly(), "--horizon", "2", "--model", "naive"], new FullDisk(), stderr);
        Assert.Equal(2, exit);
        Assert.Equal("error: standard output: cannot write: No space left on device", stderr.ToString().TrimEnd());
    }

    /// <summary>A writer behind which the disk is full, as <c>&gt; /dev/full</c>.</summary>
    private sealed class FullDisk : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void A_bundled_dataset_where_a_directory_or_another_kind_of_dataset_is_expected_is_named()
    {
        var missing = Assert.Throws<DataFormatException>(() => BundledDatasets.Open("xinjiang", "report-targets.csv"));
        Assert.StartsWith("bundled:xinjiang/report-targets.csv: file not found (the bundled dataset xinjiang has ", missing.Message, StringComparison.Ordinal);
        RefusedUnchanged("xinjiang: dataset directory not found (xinjiang names a bundled dataset, which is read-only",
            "extract", Write("r.txt", "2024年工作回顾\n全年铁路货物发送量2.37亿吨。\n"), "--to-dataset", "xinjiang");
    }

    [Theory]
    [InlineData("Exception while joining: System.TimeoutException: no answer\n   at Orleans.Runtime.MembershipService.MembershipTableManager.Join() in /src/Membership.cs:line 12\n   --- End of inner exception stack trace ---\n   at Orleans.Runtime.Silo.StartAsync(CancellationToken ct)")]
    [InlineData("Exception while joining: System.TimeoutException: no answer    at Orleans.Runtime.MembershipService.MembershipTableManager.Join() in /src/Membership.cs:line 12 --- End of inner exception stack trace ---    at Orleans.Runtime.Silo.StartAsync(CancellationToken ct)")]
    public void A_stack_trace_inside_a_message_is_not_printed(string message) =>
        Assert.Equal("Exception while joining: System.TimeoutException: no answer", Zhibiao.Analytics.Cli.AnalyticsCli.OneLine(message));

    [Fact]
    public void A_silo_that_cannot_join_gives_up_and_one_interrupted_while_starting_stops_cleanly()
    {
        int Port()
        {
            var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            l.Start();
            int p = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return p;
        }

        string[] Silo(int join) =>
            ["silo", "--port", Port().ToString(CultureInfo.InvariantCulture), "--gateway-port", Port().ToString(CultureInfo.InvariantCulture),
             "--primary", $"127.0.0.1:{Port()}", "--join-timeout", join.ToString(CultureInfo.InvariantCulture)];

        using (Process giveUp = CrashSafeWriteTests.Start(Silo(2)))
        {
            string err = giveUp.StandardError.ReadToEnd();
            giveUp.WaitForExit();
            Assert.Equal(2, giveUp.ExitCode);
            Assert.Matches(@"^error: the silo could not start and join the cluster within 2 s \(primary 127\.0\.0\.1:\d+: is a silo running there\? start the primary first\)\n$", err);
        }

        using Process interrupted = CrashSafeWriteTests.Start(Silo(600));
        Assert.StartsWith("silo starting:", interrupted.StandardOutput.ReadLine(), StringComparison.Ordinal);
        using (Process kill = Process.Start("kill", ["-TERM", interrupted.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
        string output = interrupted.StandardOutput.ReadToEnd();
        Assert.True(interrupted.WaitForExit(60_000), "the silo did not stop on SIGTERM");
        Assert.Equal(0, interrupted.ExitCode);
        Assert.Contains("silo stopped", output, StringComparison.Ordinal);
        Assert.Equal("", interrupted.StandardError.ReadToEnd());
    }

    [Fact]
    public void A_target_in_the_last_representable_year_is_charted_fuzz_finding()
    {
        // Found by the command-line fuzzer: a target deadline of 9999 made the growth chart step past the year 9999 (exit 70).
        string ds = Xinjiang();
        File.AppendAllText(Path.Combine(ds, "targets.csv"), "tourist_arrivals,9999,12.5,亿人次,level,at_most,src,,,\n");
        var (exit, _, err) = CliRunner.Run("report", ds, "--output", In("r.html"));
        Assert.True(exit == 0, err);
        Assert.Contains("tourist_arrivals", File.ReadAllText(In("r.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--horizon", "３", "--horizon: '３' is not a whole number")]
    [InlineData("--horizon", "99999999999999999999", "--horizon: '99999999999999999999' is not a whole number (at most 2147483647 in magnitude)")]
    [InlineData("--season-length", "", "--season-length: '' is not a whole number")]
    public void A_flag_value_that_is_not_a_number_is_named_in_words(string option, string value, string expected) =>
        RefusedUnchanged(expected, ["forecast", "--input", Yearly(), "--model", "naive", option, value, .. option == "--horizon" ? (string[])[] : ["--horizon", "2"]]);

    [Fact]
    public void Flag_values_whose_sums_or_products_overflow_are_refused_before_any_arithmetic_fuzz_findings()
    {
        // Found by the command-line fuzzer: m + 1 wrapped around for --season-length 2147483647 (snaive: exit 70), and
        // origins × step for --origins 2147483647 --step 2 (evaluate: an array of 2^31 scores, exit 70).
        string y = Yearly();
        RefusedUnchanged("--season-length must be between 1 and 10000, not 2147483647",
            "forecast", "--input", y, "--horizon", "2", "--model", "snaive", "--season-length", "2147483647");
        var (exit, _, err) = CliRunner.Run("evaluate", "--train", y, "--horizon", "1", "--model", "naive", "--origins", "2147483647", "--step", "2");
        Assert.Equal(2, exit);
        Assert.Contains("2147483647 origins 2 apart with horizon 1 need at least 4294967294 values, the series has 19", err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parquet_output_whose_first_batch_has_no_rows_takes_its_types_from_the_next_fuzz_finding()
    {
        // Found by the command-line fuzzer: the first batch (one series, which failed) typed every column as numbers, and
        // the next batch's ids then failed to convert (exit 70).
        string input = Write("p.csv", "unique_id,ds,y\n" + string.Concat(Enumerable.Range(2000, 8).Select(t => $"z,{t},{(t < 2007 ? 10 : 0)}\n"))
            + string.Concat(Enumerable.Range(2000, 8).Select(t => $"c,{t},{10 + t - 2000}\n")));
        string output = In("p.parquet");
        var (exit, _, err) = CliRunner.Run("probability", "--input", input, "--horizon", "2", "--growth", "0.05", "--model", "naive", "--batch-size", "1", "--output", output);
        Assert.True(exit == 1, err);
        await using FileStream stream = File.OpenRead(output);
        await using Parquet.ParquetReader reader = await Parquet.ParquetReader.CreateAsync(stream);
        using Parquet.ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        var ids = new string?[group.RowCount];
        await group.ReadAsync(reader.Schema.DataFields[0], ids.AsMemory());
        Assert.All(ids, id => Assert.Equal("c", id));
    }
}
