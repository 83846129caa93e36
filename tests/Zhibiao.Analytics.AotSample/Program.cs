// The README's charts block, then checks that what AOT could lose is there: dashed lines in the SVG, glyph outlines,
// a PNG of the asked size. Exits 1 on a failed check, so CI fails on a run-time loss as on a publish warning.
using Zhibiao.Analytics;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;

string dir = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(dir);
Dataset data = Dataset.Load("xinjiang");
FanChart.Create(data, "tourist_arrivals").Save(Path.Combine(dir, "fan.svg"));
FanChart.Create(data, "tourist_arrivals").Save(Path.Combine(dir, "fan.png"));
GrowthChart.Create(data, "tourist_arrivals").Save(Path.Combine(dir, "growth.svg"));
TargetsChart.Create(data.Judge()).Save(Path.Combine(dir, "targets.svg"));
File.WriteAllText(Path.Combine(dir, "report.html"), HtmlReport.Build(data, "xinjiang"));

string fan = File.ReadAllText(Path.Combine(dir, "fan.svg"));
byte[] png = File.ReadAllBytes(Path.Combine(dir, "fan.png"));
string report = File.ReadAllText(Path.Combine(dir, "report.html"));
var failures = new List<string>();
if (!fan.Contains("stroke-dasharray", StringComparison.Ordinal)) failures.Add("fan.svg has no dashed line");
if (fan.Contains("<text", StringComparison.Ordinal)) failures.Add("fan.svg has <text> (glyph outlines expected)");
if (png.Length < 10_000 || png[1] != (byte)'P') failures.Add("fan.png is not a PNG of a chart");
if (!report.Contains("Targets overview", StringComparison.Ordinal)) failures.Add("report.html has no overview");
foreach (string f in failures) Console.Error.WriteLine("aot sample: " + f);
Console.WriteLine(failures.Count == 0 ? $"aot sample: fan, growth, targets and report written to {dir}" : "aot sample: failed");
return failures.Count == 0 ? 0 : 1;
