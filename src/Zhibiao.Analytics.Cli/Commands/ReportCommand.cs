using System.CommandLine;
using Zhibiao.Analytics.Charts;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics report [DIR] --output report.html [--as-of PERIOD]</c>: one self-contained HTML page with the targets
/// overview and, per indicator, its tracking, growth table, growth chart, fan chart (the year-to-date chart for an
/// annual target of a monthly or quarterly flow) and sources (inline SVG and CSS, no scripts).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var dir = DatasetArgument.Create();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Use only the figures published by the end of this period (2025-09, 2025-Q3, 2025)." };
        var command = new Command("report", "Writes one self-contained HTML page: targets overview, then per indicator its table, growth and fan chart, and sources.")
        {
            dir, output, asOf,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!, directory = parse.GetValue(dir)!;
            string? asOfText = parse.GetValue(asOf);
            Period? cut = asOfText is not null ? TrackCommand.ParseAsOf(asOfText) : null;
            string made = $"analytics report {directory} --output {Path.GetFileName(path)}" + (asOfText is not null ? $" --as-of {asOfText}" : "");
            HtmlReport.Write(directory, path, new ReportOptions { Assessment = context.Assessment, MadeBy = made, AsOf = cut });
            context.Out.WriteLine($"{path}: report of {directory}");
            return AnalyticsCli.Ok;
        });
        return command;
    }
}
