#:project ../src/Zhibiao.Analytics.Charts/Zhibiao.Analytics.Charts.csproj

// A .NET 10 file-based script: tracks the targets of the bundled Xinjiang dataset and draws their charts.
// Run from the repository root:  dotnet run samples/track.cs [OUTPUT_DIR]
using System.Globalization;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
string dataset = Path.GetFullPath(Path.Combine(here, "..", "datasets", "xinjiang"));
string output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "analytics-samples"));
Directory.CreateDirectory(output);

Dataset data = Dataset.Load(dataset);
Console.WriteLine($"{data.Indicators.Count} indicators, {data.Observations.Count} figures, {data.Targets.Count} target(s) from {dataset}");

// Every target judged once: tracking, probability and the paths behind it; the charts draw from these results.
IReadOnlyList<TargetJudgement> judged = data.Judge();
foreach (TargetJudgement j in judged.Where(j => j.Chance is not null))
{
    (TrackingResult r, TargetChance a) = (j.Tracking, j.Chance!);
    Console.WriteLine($"{r.Indicator.Id}: {r.Status.ToWords()} for {r.Target}; required {Pct(r.Required)}/yr, observed {Pct(r.Observed)}/yr; "
        + $"P(met) {a.Probability:0.00} ({a.Likelihood.ToWords()}) by {a.Method}");

    foreach ((string name, Chart chart) in new[]
    {
        ($"{r.Indicator.Id}-fan.png", FanChart.Create(data.Series(r.Indicator.Id), j)),
        ($"{r.Indicator.Id}-growth.svg", GrowthChart.Create(data.GrowthTable(r.Indicator.Id), r)),
    })
    {
        string path = Path.Combine(output, name);
        chart.Save(path);
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length} bytes)");
    }
}

string overview = Path.Combine(output, "targets.png");
TargetsChart.Create(judged).Save(overview);
Console.WriteLine($"wrote {overview} ({new FileInfo(overview).Length} bytes)");

static string Pct(QualifiedValue? q) =>
    q is { } v ? (v with { Value = v.Value * 100 }).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
