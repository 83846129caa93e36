using System.Globalization;
using System.CommandLine;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics extract-series REPORT... [--to-dataset DIR] [--synonyms FILE] [--format table|csv|json]</c>: many reports
/// of one government in year order; prints the targets and outcomes found, or writes them as one dataset.
/// </summary>
internal static class ExtractSeriesCommand
{
    /// <summary>The columns printed: one row per target or figure.</summary>
    public static readonly string[] Columns = ["report_year", "role", "indicator", "subject", "period", "wording", "value", "high", "unit", "main", "file", "start", "end", "note"];

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
            // Nothing silent: every report says whether its statement was found and how many main targets it gave.
            foreach (ReportContent r in series.Reports)
            {
                if (Note(r) is { } note) context.Error.WriteLine($"note: {r.File}: {note}");
                else context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: {r.File}: main-targets statement at chars {r.MainStatement!.Value.Start}-{r.MainStatement.Value.End}, {r.Targets.Count(t => t.IsMain)} main targets"));
            }

            string? dir = parse.GetValue(toDataset);
            if (dir is not null)
            {
                SeriesDataset.Write(series, dir, table);
                int targets = series.Reports.Sum(r => r.Targets.Count);
                context.Out.WriteLine($"{Fmt.Count(series.Reports.Count, "report")} ({series.Reports[0].Year}–{series.Reports[^1].Year}), {Fmt.Count(targets, "target")}, {Fmt.Count(series.Figures().Count, "figure")} written to {dir}");
                return AnalyticsCli.Ok;
            }

            var t = new Tabular(Columns);
            foreach (ReportContent r in series.Reports)
            {
                foreach (Target x in r.Targets)
                {
                    Unit unit = Unit(x.IndicatorId);
                    t.Add(r.Year, "target", x.IndicatorId, x.Source.Subject, x.Deadline.ToString(), Target.ToToken(x.Wording), x.Value.ConvertTo(unit).Value,
                        x.High?.ConvertTo(unit).Value, unit.Symbol, x.IsMain, x.Source.Document, x.Source.Characters?.Start, x.Source.Characters?.End, "");
                }

                foreach (Observation f in r.Figures)
                {
                    Unit unit = Unit(f.IndicatorId);
                    t.Add(r.Year, "outcome", f.IndicatorId, f.Source.Subject, f.Plan?.ToString() ?? f.Period.ToString(), "", f.Value.ConvertTo(unit).Value, null, unit.Symbol,
                        false, f.Source.Document, f.Source.Characters?.Start, f.Source.Characters?.End, "");
                }

                // A report without main targets is a row of its own, with the note.
                if (Note(r) is { } note) t.Add(r.Year, "note", "", "", "", "", null, null, "", false, r.File, null, null, note);
            }

            OutputFormat fmt = FormatOption.Parse(parse.GetValue(format)!);
            t.Write(context.Out, fmt == OutputFormat.Table ? OutputFormat.Csv : fmt);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    private static Unit Unit(string id) => ReportIndicators.Find(id)!.Indicator.Unit;

    /// <summary>Why a report gives no main target, or null when it gives some.</summary>
    private static string? Note(ReportContent r) =>
        r.MainStatement is null ? "no main-targets statement found (no 主要预期目标/主要目标 … 是/为 for the coming year, nor a list after 今年)"
        : r.Targets.Any(t => t.IsMain) ? null : "the main-targets statement names none of the canonical indicators with a figure";
}
