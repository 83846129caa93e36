using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Data;

// The fuzzers make FIFOs and read Unix file modes: they run on Linux and macOS.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

namespace Zhibiao.Analytics.Fuzz;

/// <summary>
/// The command-line fuzzer (issue 32): runs the real command line (<see cref="AnalyticsCli.Run(string[], TextWriter, TextWriter)"/>,
/// what the tool's Main calls) on random cases (<see cref="CliCases"/>), one at a time, each in a fresh directory that is
/// its working directory, and checks the contract on every run:
/// <list type="bullet">
/// <item>the exit code is 0, 1 (some series failed, each named on a "warning:" line) or 2 (exactly one "error:" line, the
/// last; the lines before it only "warning:", "note:", "conflict:", "not joined:" or "timing:"); 70 or anything else is a
/// finding;</item>
/// <item>no stack trace on stdout or stderr;</item>
/// <item>no file changes unless the run succeeded, and then only the outputs it was given (a dataset directory and what
/// is in it; a link's target); no file appears beside them (no temporary file left); a FIFO stays a FIFO;</item>
/// <item>a dataset directory the command wrote reads back (Dataset.Load);</item>
/// <item>the run ends within the time limit.</item>
/// </list>
/// Findings are grouped by command and kind, with the message's numbers and quoted values blanked; the first case of
/// each is kept in benchmarks/fuzz/findings/cli/N (its directory as it was before the run, and args.json).
/// </summary>
internal static partial class CliFuzzer
{
    private static readonly string[] Prefixes = ["warning:", "note:", "conflict:", "not joined:", "timing:"];

    public static int Run(string[] args)
    {
        double seconds = 60;
        int seed = 32;
        string? replay = null, log = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--replay": replay = args[++i]; break;
                case "--log": log = args[++i]; break;
                default:
                    Console.Error.WriteLine("usage: Zhibiao.Analytics.Fuzz cli [--seconds S] [--seed N] [--log FILE] | cli --replay DIR");
                    return 2;
            }
        }

        string root = Repository.Root();
        return replay is not null ? Replay(replay) : Campaign(root, seconds, seed, log);
    }

    private static int Campaign(string root, double seconds, int seed, string? log)
    {
        using StreamWriter? logWriter = log is null ? null : new StreamWriter(Path.GetFullPath(log));
        var random = new Random(seed);
        var cases = new CliCases(random, root);
        string work = Directory.CreateTempSubdirectory("zhibiao-cli-fuzz-").FullName;
        string findingsDir = Path.Combine(root, "benchmarks", "fuzz", "findings", "cli");
        if (Directory.Exists(findingsDir)) Directory.Delete(findingsDir, recursive: true);
        string home = Directory.GetCurrentDirectory();
        var stats = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var findings = new Dictionary<string, (int Count, string Example, string Message, int Index)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        int executions = 0, hangs = 0;
        try
        {
            while (clock.Elapsed.TotalSeconds < seconds && hangs < 2)
            {
                string dir = Path.Combine(work, executions.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(dir);
                CliCase c = cases.Next(dir);
                string copy = Path.Combine(work, "before");
                CopyDirectory(dir, copy);
                (int exit, List<string> problems, string last) = Check(dir, c);
                executions++;
                logWriter?.WriteLine($"{exit}\t{c.Shell}\t{last}");
                if (!stats.TryGetValue(c.Command, out int[]? counts)) stats[c.Command] = counts = new int[4];
                counts[exit is >= 0 and <= 2 ? exit : 3]++;
                foreach (string problem in problems)
                {
                    if (problem.StartsWith("hang", StringComparison.Ordinal)) hangs++;
                    string key = $"{c.Command}: {Normalize(problem)}";
                    if (findings.TryGetValue(key, out var f)) findings[key] = f with { Count = f.Count + 1 };
                    else
                    {
                        string kept = Path.Combine(findingsDir, findings.Count.ToString(CultureInfo.InvariantCulture));
                        CopyDirectory(copy, kept);
                        File.WriteAllText(Path.Combine(kept, "args.json"), JsonSerializer.Serialize(c.Args));
                        findings[key] = (1, c.Shell, problem, findings.Count);
                    }
                }

                Directory.SetCurrentDirectory(home);
                TryDelete(dir);
                TryDelete(copy);
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(home);
            TryDelete(work);
        }

        Console.WriteLine($"{executions} executions in {clock.Elapsed.TotalSeconds:0} s (seed {seed}); {findings.Count} distinct findings{(hangs >= 2 ? "; stopped after two hangs" : "")}");
        Console.WriteLine();
        Console.WriteLine("| command | runs | exit 0 | exit 1 | exit 2 | other |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach ((string command, int[] counts) in stats)
            Console.WriteLine($"| {command} | {counts.Sum()} | {counts[0]} | {counts[1]} | {counts[2]} | {counts[3]} |");
        if (findings.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| # | finding | times | first case (replay: cli --replay benchmarks/fuzz/findings/cli/#) |");
            Console.WriteLine("|---|---|---|---|");
            foreach ((string key, var f) in findings.OrderBy(f => f.Value.Index))
                Console.WriteLine($"| {f.Index} | {Cell(key.Split(':')[0] + ": " + f.Message)} | {f.Count} | `{Cell(f.Example)}` |");
        }

        return findings.Count == 0 ? 0 : 1;
    }

    /// <summary>Runs a kept case again (in its directory) and prints what the command line printed.</summary>
    private static int Replay(string kept)
    {
        string[] args = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(kept, "args.json")))!;
        string dir = Directory.CreateTempSubdirectory("zhibiao-cli-replay-").FullName;
        CopyDirectory(kept, dir);
        File.Delete(Path.Combine(dir, "args.json"));
        (int exit, List<string> problems, _) = Check(dir, new CliCase(args, [], []), echo: true);
        Console.WriteLine($"exit {exit}; {(problems.Count == 0 ? "the contract holds (outputs not checked on replay)" : string.Join("; ", problems))}");
        TryDelete(dir);
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>Runs one case in <paramref name="dir"/> and lists how it broke the contract.</summary>
    private static (int Exit, List<string> Problems, string LastLine) Check(string dir, CliCase c, bool echo = false)
    {
        var problems = new List<string>();
        Dictionary<string, string> before = Snapshot(dir);
        Directory.SetCurrentDirectory(dir);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Thread? drain = c.Fifo is { } fifo ? new Thread(() => Drain(fifo)) { IsBackground = true } : null;
        drain?.Start();
        var timer = Stopwatch.StartNew();
        Task<int> run = Task.Factory.StartNew(() => AnalyticsCli.Run(c.Args, stdout, stderr), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!run.Wait(TimeSpan.FromSeconds(90)))
        {
            problems.Add($"hang: no exit after {timer.Elapsed.TotalSeconds:0} s");
            return (-1, problems, "");
        }

        int exit = run.Result;
        if (drain is not null && !drain.Join(2000))
        {
            // The command never opened the FIFO: open it for writing to release the reader.
            using (new FileStream(c.Fifo!, FileMode.Open, FileAccess.Write)) { }
            drain.Join();
        }

        string err = stderr.ToString(), output = stdout.ToString();
        if (echo) Console.Write(output.Length > 4000 ? output[..4000] + "…\n" : output);
        if (echo) Console.Error.Write(err);
        string[] lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (exit is not (0 or 1 or 2)) problems.Add($"exit {exit}: {lines.LastOrDefault() ?? "(no message)"}");
        if (StackTrace().IsMatch(err) || StackTrace().IsMatch(output)) problems.Add("stack trace printed");
        if (exit == 2)
        {
            int errors = lines.Count(l => l.StartsWith("error: ", StringComparison.Ordinal));
            if (errors != 1 || !lines[^1].StartsWith("error: ", StringComparison.Ordinal)) problems.Add($"exit 2 with {errors} error lines (last: {lines.LastOrDefault()})");
        }
        else if (exit is 0 or 1 && lines.Any(l => l.StartsWith("error", StringComparison.Ordinal))) problems.Add($"exit {exit} with an error line: {lines.First(l => l.StartsWith("error", StringComparison.Ordinal))}");
        if (exit == 1 && !lines.Any(l => l.StartsWith("warning: ", StringComparison.Ordinal))) problems.Add("exit 1 naming no failed series");
        foreach (string line in lines.Where(l => !l.StartsWith("error: ", StringComparison.Ordinal) && !l.StartsWith("internal error: ", StringComparison.Ordinal)
            && !Prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal))))
            problems.Add($"stderr line without a known prefix: {line}");

        Dictionary<string, string> after = Snapshot(dir);
        bool ok = exit is 0 or 1;
        foreach (string path in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(path, out string? was);
            after.TryGetValue(path, out string? now);
            if (was == now || Path.GetFileName(path) == DatasetGuard.LockName) continue;
            bool allowed = ok && c.Outputs.Any(o => path == NormalizePath(o) || path.StartsWith(NormalizePath(o) + "/", StringComparison.Ordinal));
            if (!allowed) problems.Add($"{(was is null ? "created" : now is null ? "removed" : "changed")} {Blank(path)} (exit {exit})");
        }

        foreach (string special in before.Where(b => b.Value == "Special").Select(b => b.Key))
            if (after.GetValueOrDefault(special) != "Special") problems.Add($"the device or FIFO {special} was replaced or removed");
        if (ok)
        {
            // A dataset the command wrote (a file in it changed) reads back.
            foreach (string ds in c.Datasets.Where(d => Directory.Exists(Path.Combine(dir, d))
                && after.Keys.Any(k => k.StartsWith(NormalizePath(d) + "/", StringComparison.Ordinal) && before.GetValueOrDefault(k) != after[k] && !k.EndsWith(DatasetGuard.LockName, StringComparison.Ordinal))))
            {
                try
                {
                    _ = Dataset.Load(Path.Combine(dir, ds));
                }
                catch (AnalyticsException e)
                {
                    problems.Add($"the dataset written does not read back: {e.Message}");
                }
            }
        }

        return (exit, problems, lines.LastOrDefault() ?? "");
    }

    private static void Drain(string fifo)
    {
        try
        {
            using var reader = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            reader.CopyTo(Stream.Null);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Every entry under a directory: relative path → kind and, for a regular file, a hash of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string dir)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            FileKind kind = FileKinds.OfLink(path);
            string rel = Path.GetRelativePath(dir, path);
            all[rel] = kind switch
            {
                FileKind.Regular => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) + (File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserWrite) ? "" : " ro"),
                FileKind.Link => "link → " + File.ResolveLinkTarget(path, returnFinalTarget: false)?.ToString(),
                _ => kind.ToString(),
            };
        }

        return all;
    }

    private static string NormalizePath(string path) => path.Replace('\\', '/').TrimEnd('/');

    /// <summary>The message with numbers, quoted values and temporary names blanked, to group findings of one kind.</summary>
    private static string Normalize(string problem) => Numbers().Replace(Quoted().Replace(problem, "'…'"), "#");

    private static string Blank(string path) => Numbers().Replace(path, "#");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string path in Directory.EnumerateFileSystemEntries(from))
        {
            string target = Path.Combine(to, Path.GetFileName(path));
            FileKind kind = FileKinds.OfLink(path);
            if (kind == FileKind.Link) File.CreateSymbolicLink(target, File.ResolveLinkTarget(path, false)!.ToString()!);
            else if (kind == FileKind.Directory) CopyDirectory(path, target);
            else if (kind == FileKind.Regular) File.Copy(path, target);
            else if (Path.GetFileName(path) is "null" or "full") Devices.Make(target);
            else
            {
                using Process mkfifo = Process.Start("mkfifo", target);
                mkfifo.WaitForExit();
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            foreach (string f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"(^|\s)at [\w`<>\[\],|+]+(\.[\w`<>\[\],|+]+)+\(|--- End of ", RegexOptions.Multiline)]
    private static partial Regex StackTrace();

    [GeneratedRegex(@"\d+(\.\d+)?(E[+-]?\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();
}
