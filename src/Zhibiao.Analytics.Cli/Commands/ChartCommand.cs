using System.CommandLine;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics chart INDICATOR [DIR] --output FILE.png|FILE.svg [--kind fan|growth|targets] [--as-of PERIOD]</c>: the
/// fan chart of an indicator (history, forecast median with 80% and 95% bands, the target and the required path) — for
/// an annual target of a monthly or quarterly flow the year-to-date chart (<see cref="Chart.Of"/>) — its growth
/// chart, or the targets overview of the dataset.
/// </summary>
internal static class ChartCommand
{
    public static Command Create(CliContext context)
    {
        var indicator = new Argument<string>("indicator") { Description = "The indicator id (see indicators.csv); ignored by --kind targets." };
        var dir = DatasetArgument.Create();
        var output = new Option<string>("--output", "-o") { Description = "The image file: .png or .svg.", Required = true };
        var kind = new Option<string>("--kind") { Description = "fan (default), growth, or targets (the overview of every target).", DefaultValueFactory = _ => "fan" };
        kind.AcceptOnlyFromAmong("fan", "growth", "targets");
        var width = new Option<int>("--width") { Description = "Width in pixels.", DefaultValueFactory = _ => 900 };
        var height = new Option<int>("--height") { Description = "Height in pixels (fan and growth charts).", DefaultValueFactory = _ => 540 };
        var asOf = new Option<string?>("--as-of") { Description = "Use only the figures published by the end of this period (2025-09, 2025-Q3, 2025)." };
        var command = new Command("chart", "Draws the fan chart (or growth chart) of an indicator, or the targets overview, as PNG or SVG.")
        {
            indicator, dir, output, kind, width, height, asOf,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            _ = Chart.FormatOf(path);
            int w = parse.GetValue(width), h = parse.GetValue(height);
            if (w is < 200 or > 10000 || h is < 150 or > 10000) throw new CliUsageException($"--width must be 200 to 10000 and --height 150 to 10000, not {w}×{h}");
            Period? cut = parse.GetValue(asOf) is { } text ? TrackCommand.ParseAsOf(text) : null;
            Dataset all = Dataset.Load(parse.GetValue(dir)!);
            Dataset data = cut is { } c ? all.AsOf(c) : all;
            string id = parse.GetValue(indicator)!;
            Chart chart = parse.GetValue(kind) switch
            {
                "growth" => GrowthChart.Create(data, id, w, h),
                "targets" => TargetsChart.Create(data, context.Assessment, w),
                _ => Chart.Of(all, id, cut, context.Assessment, w, h),
            };
            chart.Save(path);
            context.Out.WriteLine($"{path}: {chart.Description}");
            return AnalyticsCli.Ok;
        });
        return command;
    }
}
