#:project ../src/Zhibiao.Analytics.Cli/Zhibiao.Analytics.Cli.csproj
#:property PublishAot=false
// The performance gate of CI (.ci/run): speed as ratios measured in one run, never absolute times, which are noise on
// shared machines. Every workload runs on one thread over synthetic yearly series (made here from a fixed seed, so
// the gate needs nothing outside the repository); the rounds interleave the workloads, and each ratio is a workload's
// CPU time per series over theta's in the same round, the median over the rounds. The gate fails when a ratio exceeds
// its baseline (benchmarks/perf-gate-baseline.json) by more than the tolerance stated there (50%) in the rounds and
// again when that workload is measured once more (as many rounds, bracketed by theta the same way): a model, the
// batch machinery or the file path that became that much slower than theta's fits. Why this does not fail on a busy or
// different machine: the load of the moment divides out of each ratio (the baseline was measured at load 37 on two
// cores, the same ratios within 5% at load 0.6 and 10), medians of nine rounds move by a few percent, a burst has to
// last through two measurements, and 50% leaves room for another processor's different balance of arithmetic and
// memory. The regression that led to the gate (auto 1.8× slower) would still fail it.
//
//   dotnet run -c Release benchmarks/perf-gate.cs -- [--baseline FILE] [--json OUT.json] [--markdown OUT.md] [--rounds N] [--write-baseline]
//
// Workloads (per round): theta, ets and arima fit and forecast 6 steps with 80/95% intervals (BatchForecaster);
// auto trains on a batch of 300 series and forecasts them (validation, selection, calibration, the global member);
// the forecast command reads a CSV of 5,000 series, forecasts them with theta and writes its CSV (in process); the
// long-format reader reads that CSV. There is no released package to compare the build with yet (no release tag);
// when there is, a round can add the released build's theta as a reference of the same kind.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.ML;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? baselinePath = Arg("--baseline"), jsonPath = Arg("--json"), markdownPath = Arg("--markdown");
int rounds = int.Parse(Arg("--rounds") ?? "7", CultureInfo.InvariantCulture);
bool writeBaseline = args.Contains("--write-baseline");

string tmp = Directory.CreateTempSubdirectory("perf-gate").FullName;
try
{
    LongSeries[] yearly = Synthetic(5000, seed: 2025);
    string csv = Path.Combine(tmp, "yearly.csv"), output = Path.Combine(tmp, "out.csv");
    WriteCsv(yearly, csv);
    ForecasterCatalogue models = ForecasterCatalogue.Core.WithGlobalModel();
    var options = new BatchOptions { Horizon = 6, Levels = [80, 95], Threads = 1 };
    var silent = new StringWriter();

    // name, series per pass, passes per measurement, the work
    (string Name, int Series, int Passes, Action Run)[] workloads =
    [
        ("theta", 1000, 10, () => BatchForecaster.Run(yearly[..1000], models.Create("theta"), options)),
        ("ets", 150, 4, () => BatchForecaster.Run(yearly[..150], models.Create("ets"), options)),
        ("arima", 150, 4, () => BatchForecaster.Run(yearly[..150], models.Create("arima"), options)),
        ("auto", 300, 1, () => BatchForecaster.Run(yearly[..300], models.Create("auto"), options)),
        ("forecast command (theta, CSV in and out)", 5000, 1, () =>
        {
            int exit = AnalyticsCli.Run(["forecast", "--input", csv, "--horizon", "6", "--model", "theta", "--threads", "1", "--output", output], silent, silent);
            if (exit != 0) throw new InvalidOperationException($"forecast exited with {exit}: {silent}");
        }),
        ("long-format reader", 5000, 2, () => LongFormat.Read(csv)),
    ];

    // Two warm-up rounds (JIT, tiering), then the measured rounds. In a round each workload is bracketed by theta, so
    // its ratio is to theta measured in the same seconds: the machine's load at that moment divides out.
    var perSeries = new double[workloads.Length, rounds];
    var ratioOf = new double[workloads.Length, rounds];
    double Measure(int w)
    {
        (string _, int series, int passes, Action run) = workloads[w];
        GC.Collect(); // the garbage of the workload before is not charged to this one
        GC.WaitForPendingFinalizers();
        GC.Collect();
        TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
        for (int p = 0; p < passes; p++) run();
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds / (series * passes);
    }

    for (int r = -2; r < rounds; r++)
        for (int w = 1; w < workloads.Length; w++)
        {
            double before = Measure(0), time = Measure(w), after = Measure(0);
            if (r < 0) continue;
            perSeries[w, r] = time;
            perSeries[0, r] += (before + after) / (2 * (workloads.Length - 1));
            ratioOf[w, r] = 2 * time / (before + after);
        }

    JsonObject? baseline = baselinePath is not null && File.Exists(baselinePath) ? JsonNode.Parse(File.ReadAllText(baselinePath))!.AsObject() : null;
    double tolerance = baseline?["tolerance"]?.GetValue<double>() ?? 0.5;
    var rows = new List<JsonObject>();
    bool pass = true;
    for (int w = 1; w < workloads.Length; w++)
    {
        double[] ratios = [.. Enumerable.Range(0, rounds).Select(r => ratioOf[w, r]).Order()];
        double ratio = Median(ratios);
        double? expected = baseline?["ratios"]?[workloads[w].Name]?.GetValue<double>();
        bool ok = expected is not { } e || ratio <= e * (1 + tolerance);
        double? again = null;
        if (!ok)
        {
            // Over the tolerance: measure this workload once more before failing (a burst of load rarely lasts that long).
            Console.Error.WriteLine($"perf gate: {workloads[w].Name} at {ratio:0.###}× theta, over {expected} × {1 + tolerance}; measuring it again");
            var second = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                double before = Measure(0), time = Measure(w), after = Measure(0);
                second[r] = 2 * time / (before + after);
            }

            again = Median([.. second.Order()]);
            ok = again <= expected * (1 + tolerance);
        }

        pass &= ok;
        rows.Add(new JsonObject
        {
            ["name"] = workloads[w].Name,
            ["series"] = workloads[w].Series,
            ["us_per_series"] = Round(Median([.. Enumerable.Range(0, rounds).Select(r => perSeries[w, r] * 1e6).Order()])),
            ["ratio"] = Round(ratio),
            ["ratio_min"] = Round(ratios[0]),
            ["ratio_max"] = Round(ratios[^1]),
            ["ratio_again"] = again is { } a ? Round(a) : null,
            ["baseline"] = expected is { } b ? Round(b) : null,
            ["change"] = expected is { } c ? Round((ratio / c) - 1) : null,
            ["ok"] = ok,
        });
    }

    string commit = Git("rev-parse --short HEAD"), load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
    var result = new JsonObject
    {
        ["commit"] = commit,
        ["machine"] = $"{Environment.MachineName}, {Environment.ProcessorCount} cores",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["load"] = load,
        ["rounds"] = rounds,
        ["reference"] = "theta",
        ["theta_us_per_series"] = Round(Median([.. Enumerable.Range(0, rounds).Select(r => perSeries[0, r] * 1e6).Order()])),
        ["tolerance"] = tolerance,
        ["workloads"] = new JsonArray([.. rows]),
        ["pass"] = pass,
    };

    var md = new StringBuilder();
    md.AppendLine(CultureInfo.InvariantCulture, $"<!-- generated by benchmarks/results/perf-gate.sh at commit {commit} on {Environment.MachineName}, {result["date"]}; load {load} -->");
    md.AppendLine();
    md.AppendLine(CultureInfo.InvariantCulture, $"Theta's fit and forecast took {result["theta_us_per_series"]} µs of CPU per series; each ratio is a workload's CPU time per series over theta's measured just before and after it, the median of {rounds} rounds (min–max beside it). The gate fails when a ratio exceeds its baseline by more than {tolerance:P0} and again when that workload is measured once more.");
    md.AppendLine();
    md.AppendLine("| workload | series | µs per series | ratio to theta | min–max | baseline | change | |");
    md.AppendLine("|---|---:|---:|---:|---|---:|---:|---|");
    foreach (JsonObject row in rows)
        md.AppendLine(CultureInfo.InvariantCulture, $"| {row["name"]} | {row["series"]} | {row["us_per_series"]} | {row["ratio"]} | {row["ratio_min"]}–{row["ratio_max"]} | {row["baseline"]?.ToString() ?? "–"} | {(row["change"] is { } ch ? ch.GetValue<double>().ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "–")} | {(row["ratio_again"] is { } ag ? $"again {ag}: " : "")}{((bool)row["ok"]! ? "ok" : "**slower**")} |");

    Console.Write(md.ToString());
    var json = new JsonSerializerOptions { WriteIndented = true };
    if (jsonPath is not null) File.WriteAllText(jsonPath, result.ToJsonString(json) + "\n");
    if (markdownPath is not null) File.WriteAllText(markdownPath, md.ToString());
    if (writeBaseline && baselinePath is not null)
    {
        var ratios = new JsonObject();
        foreach (JsonObject row in rows) ratios[row["name"]!.GetValue<string>()] = row["ratio"]!.GetValue<double>();
        File.WriteAllText(baselinePath, new JsonObject { ["tolerance"] = tolerance, ["commit"] = commit, ["load"] = load, ["ratios"] = ratios }.ToJsonString(json) + "\n");
        Console.WriteLine($"baseline written to {baselinePath}");
    }

    if (!pass) Console.WriteLine("perf gate: FAILED (a ratio worsened beyond the tolerance)");
    return pass ? 0 : 1;
}
finally
{
    Directory.Delete(tmp, recursive: true);
}

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

static double Round(double x) => Math.Round(x, x >= 10 ? 1 : 3);

static string Git(string arguments)
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string text = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? text : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}

// Yearly series like M3's: 14–40 values, levels 500–10,000, growth of −2% to 8% a year that drifts, noise of 2–8%.
static LongSeries[] Synthetic(int count, int seed)
{
    var random = new Random(seed);
    var series = new LongSeries[count];
    for (int i = 0; i < count; i++)
    {
        int n = 14 + random.Next(27);
        double level = 500 + (9500 * random.NextDouble()), growth = -0.02 + (0.1 * random.NextDouble()), noise = 0.02 + (0.06 * random.NextDouble());
        var y = new double[n];
        for (int t = 0; t < n; t++)
        {
            growth += 0.01 * Normal(random);
            level *= Math.Exp(growth);
            y[t] = Math.Round(level * Math.Exp(noise * Normal(random)), 2);
        }

        series[i] = new LongSeries($"Y{i + 1:00000}", Period.OfYear(2025 - n), y);
    }

    return series;
}

static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

static void WriteCsv(IEnumerable<LongSeries> series, string path)
{
    using var w = new StreamWriter(path);
    w.Write("unique_id,ds,y\n");
    foreach (LongSeries s in series)
        for (int t = 0; t < s.Values.Length; t++) w.Write(string.Create(CultureInfo.InvariantCulture, $"{s.Id},{(s.Start + t).ToString()},{s.Values.Span[t].ToString("R", CultureInfo.InvariantCulture)}\n"));
}
