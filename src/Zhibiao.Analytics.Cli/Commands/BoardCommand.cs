using System.CommandLine;
using System.Globalization;
using Zhibiao.Analytics.Charts;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics board REPORT... [--format table|csv|json] [--output board.html] [--to-dataset DIR] [--national DATASET]</c>:
/// the main targets of many regional reports of one year on one board, with last year's outcome, the five-year
/// average, P(met) and the deterministic status.
/// </summary>
internal static class BoardCommand
{
    /// <summary>The CSV/JSON columns, in this order (issue 17).</summary>
    public static readonly string[] Columns = ["region", "year", "indicator", "subject", "kind", "direction", "value", "high", "unit", "latest", "latest_period", "average_5y", "p_met", "status", "note"];

    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports") { Description = "Regional report files or directories of *.txt files (year from the file name, e.g. zhejiang-2026.txt, or from the headings).", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption.Create();
        var output = new Option<string?>("--output") { Description = "Also write the board as a self-contained HTML page (regions × indicators, P(met) in IPCC words, sortable)." };
        var toDataset = new Option<string?>("--to-dataset") { Description = "Write the board as a dataset directory (one indicator per region and indicator, e.g. gdp_growth.zhejiang)." };
        var national = new Option<string>("--national") { Description = "The national report-series dataset giving the pooled changes and the track record (directory or bundled name).", DefaultValueFactory = _ => "china-national" };
        var command = new Command("board", "The main targets of many regional reports of one year on one board: latest outcome, five-year average, P(met), status.")
        {
            reports, format, output, toDataset, national,
        };
        command.SetAction(parse =>
        {
            Dataset record = Dataset.Load(parse.GetValue(national)!);
            ProvincialBoard board = ProvincialBoard.Load(parse.GetValue(reports)!, record);
            OutputFormat fmt = FormatOption.Parse(parse.GetValue(format)!);
            string? html = parse.GetValue(output);
            string? dir = parse.GetValue(toDataset);
            if (html is not null) BoardHtml.Write(board, html);
            if (dir is not null) ProvincialDataset.Write(board, dir);
            // Nothing silent: every report says whether its statement was found and how many main targets it gave.
            foreach (RegionTargets r in board.Regions)
            {
                string found = r.Content.MainStatement is { } s ? Inv($"main-targets statement at chars {s.Start}-{s.End}") : "no main-targets statement";
                context.Error.WriteLine(r.Note is null
                    ? Inv($"note: {r.File} ({r.Region}): {found}, {r.Main.Count} main targets")
                    : $"note: {r.File} ({r.Region}): {r.Note}");
            }
            Table(board).Write(context.Out, fmt);
            if (fmt == OutputFormat.Table)
            {
                context.Out.WriteLine(Inv($"{board.Regions.Count} reports, {board.Rows.Count} main targets; regions without main targets: {board.Regions.Count(r => r.Main.Count == 0)}"));
                if (html is not null) context.Out.WriteLine($"board written to {html}");
                if (dir is not null) context.Out.WriteLine($"dataset written to {dir}");
            }

            return AnalyticsCli.Ok;
        });
        return command;
    }

    /// <summary>The board's rows in the columns of <see cref="Columns"/>.</summary>
    public static Tabular Table(ProvincialBoard board)
    {
        var t = new Tabular(Columns);
        foreach (BoardRow r in board.Rows)
        {
            Unit unit = r.Indicator.Indicator.Unit;
            t.Add(r.Region, r.Target.Deadline.Year, r.Indicator.Id, r.Target.Source.Subject, r.Indicator.Reads == Measure.Growth ? "growth" : "level",
                Indicator.ToToken(r.Indicator.Indicator.Direction), r.Target.Value.ConvertTo(unit).Value, r.Target.High?.ConvertTo(unit).Value, unit.Symbol,
                r.Latest?.Value.Value, r.Latest?.Period.ToString(), r.Average5y?.Value.Value,
                r.Judgement.ProbabilityMet is { } p ? Math.Round(p, 4) : null, r.Judgement.Tracking.Status.ToToken(), "");
        }

        // Every region given is on the board: one without main targets is a row with its note.
        foreach (RegionTargets r in board.Regions.Where(r => r.Main.Count == 0))
            t.Add(r.Region, r.Content.Year, "", "", "", "", null, null, "", null, "", null, null, "", r.Note ?? "");

        return t;
    }

    /// <summary>
    /// <c>analytics backtest-board [--national DATASET] [--from YEAR] [--to YEAR]</c>: the board's P(met) checked on the
    /// national series, each target judged walk-forward from what a provincial report would have shown (last year and a
    /// five-year average) pooled with the record known then, and scored beside the baselines.
    /// </summary>
    public static Command CreateCheck(CliContext context)
    {
        var national = new Option<string>("--national") { Description = "The national report-series dataset (directory or bundled name).", DefaultValueFactory = _ => "china-national" };
        var from = new Option<int?>("--from") { Description = "First target year scored (earlier years still build the record)." };
        var to = new Option<int?>("--to") { Description = "Last target year scored." };
        var command = new Command("backtest-board", "Check the board's P(met) on the national series: each target forecast from last year and a five-year average only.")
        {
            national, from, to,
        };
        command.SetAction(parse =>
        {
            int? first = parse.GetValue(from), last = parse.GetValue(to);
            if (first > last) throw new CliUsageException($"--from {first} is after --to {last}");
            Hindcast hindcast = ProvincialBoard.NationalHindcast(Dataset.Load(parse.GetValue(national)!));
            var w = context.Out;
            var scored = TargetBacktest.Scored(hindcast, first, last).ToList();
            if (scored.Count == 0) throw new CliUsageException("the national dataset has no main target with an outcome in these years: nothing to check");
            w.WriteLine(Inv($"{scored.Count} national main targets with an outcome ({scored.Min(r => r.Year)}–{scored.Max(r => r.Year)}), {scored.Count(r => r.Met == true)} met; {scored.Count(r => r.Forecast is not null)} with a thin-history forecast"));
            w.WriteLine("each judged walk-forward: the record known then pooled with the thin-history forecast, settings and weights averaged by their likelihood on earlier outcomes");
            Scores.Write(w, hindcast, first, last);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
