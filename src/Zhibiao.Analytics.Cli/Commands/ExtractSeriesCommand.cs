using System.CommandLine;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Extraction;
using Zhibiao.Analytics.Reports;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics extract-series REPORT... [--to-dataset DIR] [--synonyms FILE] [--format table|csv|json]</c>: many reports
/// of one government in year order; prints the targets and outcomes found, or writes them as one dataset.
/// </summary>
internal static class ExtractSeriesCommand
{
    /// <summary>The columns printed: one row per target or figure.</summary>
    public static readonly string[] Columns = ["report_year", "role", "indicator", "subject", "period", "wording", "value", "high", "unit", "main", "file", "start", "end"];

    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports") { Description = "Report files or directories of *.txt files (year from the file name, e.g. national-2005.txt, or from the headings).", Arity = ArgumentArity.OneOrMore };
        var toDataset = new Option<string?>("--to-dataset") { Description = "Write the series as a dataset into this directory." };
        var synonyms = new Option<string?>("--synonyms") { Description = "Subject→indicator table (CSV subject,indicator[,unit][,note]). Default: the shipped table of canonical ids." };
        var format = FormatOption.Create();
        var command = new Command("extract-series", "Read many government work reports of one government into one dataset: targets, outcomes, revisions, the reports' own verdicts.")
        {
            reports, toDataset, synonyms, format,
        };
        command.SetAction(parse =>
        {
            string? synPath = parse.GetValue(synonyms);
            SynonymTable table = synPath is null ? ReportIndicators.DefaultSynonyms : SynonymTable.Load(synPath);
            ReportSeries series = ReportSeries.Load(parse.GetValue(reports)!, table);
            string? dir = parse.GetValue(toDataset);
            if (dir is not null)
            {
                SeriesDataset.Write(series, dir, table);
                int targets = series.Reports.Sum(r => r.Targets.Count);
                context.Out.WriteLine($"{series.Reports.Count} reports ({series.Reports[0].Year}–{series.Reports[^1].Year}), {targets} targets, {series.Figures().Count} figures written to {dir}");
                return AnalyticsCli.Ok;
            }

            var t = new Tabular(Columns);
            foreach (ReportContent r in series.Reports)
            {
                foreach (ReportTarget x in r.Targets)
                    t.Add(r.Year, "target", x.IndicatorId, x.Subject, x.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), SeriesDataset.Token(x.Wording), x.Value, x.High, Unit(x.IndicatorId), x.IsMain, x.File, x.Start, x.End);
                foreach (ReportFigure f in r.Figures)
                    t.Add(r.Year, "outcome", f.IndicatorId, f.Subject, f.Period, "", f.Value, null, Unit(f.IndicatorId), false, f.File, f.Start, f.End);
            }

            OutputFormat fmt = FormatOption.Parse(parse.GetValue(format)!);
            t.Write(context.Out, fmt == OutputFormat.Table ? OutputFormat.Csv : fmt);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    private static string Unit(string id) => ReportIndicators.Find(id)!.Indicator.Unit.Symbol;
}
