using System.CommandLine;
using Zhibiao.Analytics.Charts;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics report [DIR] --output report.html</c>: one self-contained HTML page with the targets overview and,
/// per indicator, its tracking, growth table, growth chart, fan chart and sources (inline SVG and CSS, no scripts).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var dir = DatasetArgument.Create();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var command = new Command("report", "Writes one self-contained HTML page: targets overview, then per indicator its table, growth and fan chart, and sources.")
        {
            dir, output,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!, directory = parse.GetValue(dir)!;
            HtmlReport.Write(directory, path, new ReportOptions { Assessment = context.Assessment, MadeBy = $"analytics report {directory} --output {Path.GetFileName(path)}" });
            context.Out.WriteLine($"{path}: report of {directory}");
            return AnalyticsCli.Ok;
        });
        return command;
    }
}
