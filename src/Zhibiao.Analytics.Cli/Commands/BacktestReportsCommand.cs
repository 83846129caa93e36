using System.CommandLine;
using System.Globalization;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Extraction;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics backtest-reports REPORT...|DATASET [--from YEAR] [--to YEAR] [--model M] [--format table|csv|json]</c>:
/// every target of the reports (or of a dataset's target history) judged walk-forward with what was known in its year
/// (<see cref="TargetBacktest.Reports"/>, <see cref="Hindcast.Run(Data.Dataset, AssessmentOptions?)"/>), against the
/// outcome the next report states, beside the baselines.
/// </summary>
internal static class BacktestReportsCommand
{
    /// <summary>The CSV/JSON columns, in this order.</summary>
    public static readonly string[] Columns = ["year", "indicator", "subject", "kind", "direction", "value", "unit", "p_met", "p_forecast", "p_record", "weight", "status", "outcome", "met"];

    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports") { Description = "Report files or directories of *.txt files; or one dataset directory (with indicators.csv): its target history.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<int?>("--from") { Description = "First target year scored (earlier years still build the record)." };
        var to = new Option<int?>("--to") { Description = "Last target year scored." };
        var model = CommonOptions.Model(context.Models);
        var format = FormatOption.Create();
        var command = new Command("backtest-reports", "Score P(met) of every report target, judged walk-forward, against the next report's outcome, beside the setter's hit rate, constants, the forecast and the record alone, and the deterministic rule.")
        {
            reports, from, to, model, format,
        };
        command.SetAction(parse =>
        {
            int? first = parse.GetValue(from), last = parse.GetValue(to);
            if (first > last) throw new CliUsageException($"--from {first} is after --to {last}");
            IForecaster forecaster = context.Models.Create(parse.GetValue(model)!);
            string[] inputs = parse.GetValue(reports)!;
            var options = new AssessmentOptions { Forecaster = forecaster };
            Data.Dataset? data = inputs.Length == 1 && File.Exists(Path.Combine(inputs[0], "indicators.csv")) ? Data.Dataset.Load(inputs[0]) : null;
            ReportSeries? series = data is null ? ReportSeries.Load(inputs) : null;
            Hindcast hindcast = data is not null ? Hindcast.Run(data, options) : TargetBacktest.Reports(series!, options);
            var rows = hindcast.Rows.Where(r => (first is null || r.Year >= first) && (last is null || r.Year <= last)).ToList();
            OutputFormat fmt = FormatOption.Parse(parse.GetValue(format)!);
            var t = new Tabular(Columns);
            foreach (HindcastRow r in rows)
            {
                Unit unit = r.Indicator.Unit;
                ReportIndicator? ri = ReportIndicators.Find(r.Indicator.Id);
                t.Add(r.Year, r.Indicator.Id, r.Target.Source.Subject, ri?.Reads == Measure.Growth ? "growth" : "level",
                    Indicator.ToToken(r.Indicator.Direction), r.Target.Value.ConvertTo(unit).Value, unit.Symbol,
                    R(r.Answer?.Probability), R(r.Forecast?.Probability), R(r.Record?.Probability), r.Answer?.Weight,
                    r.Tracking?.Status.ToToken(), r.Outcome?.Outcome, r.Met is { } m ? (m ? 1 : 0) : null);
            }

            if (fmt != OutputFormat.Table)
            {
                t.Write(context.Out, fmt);
                return AnalyticsCli.Ok;
            }

            t.Write(context.Out, OutputFormat.Csv);
            var w = context.Out;
            (int stated, IReadOnlyList<HindcastRow> disagree) = series is not null ? TargetBacktest.CheckStatements(series, rows) : TargetBacktest.CheckStatements(data!, rows);
            w.WriteLine();
            w.WriteLine(Inv($"{Fmt.Count(rows.Count, "target")}, {rows.Count(r => r.Met is not null)} with an outcome; verdicts checked against the next report's own statement: {stated}, disagreeing: {disagree.Count}"));
            foreach (HindcastRow g in disagree)
                w.WriteLine(Inv($"  disagrees: {g.Target.Deadline} {g.Indicator.Id} target {g.Target.Written} outcome {g.Outcome!.Outcome} stated {(g.Met!.Value ? "missed" : "met")}"));
            Scores.Write(w, hindcast, first, last);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    private static double? R(double? p) => p is { } x ? Math.Round(x, 4) : null;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Prints a hindcast's scores: every method's, the reliability of P(met), and P(met) by indicator.</summary>
internal static class Scores
{
    public static void Write(TextWriter w, Hindcast hindcast, int? from, int? to)
    {
        IReadOnlyList<BacktestScores>? scores = TargetBacktest.Score(hindcast, from, to);
        if (scores is null)
        {
            w.WriteLine("no target with an outcome in these years: nothing to score");
            return;
        }

        w.WriteLine("method           n  Brier   log score   ECE");
        foreach (BacktestScores s in scores)
            w.WriteLine(Inv($"{s.Method,-14} {s.Scores.Cases,3}  {s.Scores.Brier,6:0.000}  {s.Scores.Log,9:0.000}  {s.Scores.Ece,6:0.000}"));
        w.WriteLine("difference from p_met (method − p_met over the same targets; ± standard error clustered by year; Brier > 0 or log < 0: p_met better)");
        foreach (BacktestScores s in scores.Skip(1))
            w.WriteLine(Inv($"  {s.Method,-14} Brier {s.BrierDifference.Mean,7:+0.000;-0.000} ± {s.BrierDifference.StandardError:0.000}  log {s.LogDifference.Mean,7:+0.000;-0.000} ± {s.LogDifference.StandardError:0.000}"));
        w.WriteLine("reliability of p_met: bin  n  mean_p  observed");
        foreach (ReliabilityBin b in scores[0].Scores.Reliability)
            w.WriteLine(Inv($"  {b.Lower:0.0}-{b.Upper:0.0}  {b.Count,3}  {b.MeanProbability,6:0.00}  {b.ObservedFrequency,6:0.00}"));
        w.WriteLine("p_met by indicator: n  Brier  log score  met");
        foreach (var g in TargetBacktest.Scored(hindcast, from, to).GroupBy(r => r.Indicator.Id))
        {
            BacktestScores s = TargetBacktest.Score(hindcast, from, to, r => r.Indicator.Id == g.Key)![0];
            w.WriteLine(Inv($"  {g.Key,-24} {s.Scores.Cases,3}  {s.Scores.Brier,6:0.000}  {s.Scores.Log,7:0.000}  {g.Count(r => r.Met == true)}"));
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
