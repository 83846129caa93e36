using System.CommandLine;
using System.Globalization;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Reports;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics backtest-reports REPORT... [--from YEAR] [--to YEAR] [--model M] [--format table|csv|json]</c>: every
/// target of the reports scored with what was known in its year, against the outcome the next report states.
/// </summary>
internal static class BacktestReportsCommand
{
    /// <summary>The CSV/JSON columns, in this order (issue 12).</summary>
    public static readonly string[] Columns = ["year", "indicator", "subject", "kind", "direction", "value", "unit", "p_met", "p_forecast", "p_prior", "status", "outcome", "met"];

    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports") { Description = "Report files or directories of *.txt files.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<int?>("--from") { Description = "First target year scored (earlier years still build the track record)." };
        var to = new Option<int?>("--to") { Description = "Last target year scored." };
        var model = CommonOptions.Model(context.Models);
        var weight = new Option<double?>("--forecast-weight") { Description = "Weight w of the forecast in logit p_met = (1 − w)·logit p_prior + w·logit p_forecast, 0 to 1 (default 0.5, chosen on 2004–2012)." };
        var learn = new Option<bool>("--learn-weight") { Description = "Learn w each year on the earlier years' outcomes instead." };
        var format = FormatOption.Create();
        var command = new Command("backtest-reports", "Score P(met) of every report target against the next report's outcome: forecast, track-record prior, both, and the deterministic rule.")
        {
            reports, from, to, model, weight, learn, format,
        };
        command.SetAction(parse =>
        {
            IForecaster forecaster = context.Models.Create(parse.GetValue(model)!);
            ReportSeries series = ReportSeries.Load(parse.GetValue(reports)!);
            double forecastWeight = parse.GetValue(weight) ?? PriorOptions.Default.Weight;
            if (!(forecastWeight is >= 0 and <= 1)) throw new CliUsageException($"--forecast-weight must be between 0 and 1, not {forecastWeight.ToString(CultureInfo.InvariantCulture)}");
            var prior = new PriorOptions { Weight = forecastWeight, Learn = parse.GetValue(learn) };
            var rows = ReportBacktest.Run(series, parse.GetValue(from), parse.GetValue(to), new AssessmentOptions { Forecaster = forecaster }, prior);
            OutputFormat fmt = FormatOption.Parse(parse.GetValue(format)!);
            var t = new Tabular(Columns);
            foreach (BacktestRow r in rows)
            {
                Unit unit = r.Indicator.Indicator.Unit;
                t.Add(r.Target.Deadline.Year, r.Indicator.Id, r.Target.Source.Subject, r.Indicator.Reads == Measure.Growth ? "growth" : "level",
                    Indicator.ToToken(r.Indicator.Indicator.Direction), r.Target.Value.ConvertTo(unit).Value, unit.Symbol,
                    Math.Round(r.PMet, 4), r.PForecast is { } pf ? Math.Round(pf, 4) : null, Math.Round(r.PPrior, 4), r.Status,
                    r.Outcome?.Value.ConvertTo(unit).Value, r.Met is { } m ? (m ? 1 : 0) : null);
            }

            if (fmt != OutputFormat.Table)
            {
                t.Write(context.Out, fmt);
                return AnalyticsCli.Ok;
            }

            t.Write(context.Out, OutputFormat.Csv);
            var w = context.Out;
            int disagree = rows.Count(r => r.Met is not null && r.Stated is not null && r.Met != r.Stated);
            int stated = rows.Count(r => r.Met is not null && r.Stated is not null);
            w.WriteLine();
            w.WriteLine(Inv($"{Fmt.Count(rows.Count, "target")}, {rows.Count(r => r.Met is not null)} with an outcome; verdicts checked against the next report's own statement: {stated}, disagreeing: {disagree}"));
            foreach (var g in rows.Where(r => r.Met is not null && r.Stated is not null && r.Met != r.Stated))
                w.WriteLine(Inv($"  disagrees: {g.Target.Deadline} {g.Indicator.Id} target {g.Target.Written} outcome {g.Outcome!.Value.ToWrittenString()} stated {(g.Stated!.Value ? "met" : "missed")}"));
            w.WriteLine("score          Brier   log score");
            foreach (BacktestScore s in ReportBacktest.Scores(rows))
                w.WriteLine(Inv($"{s.Name,-13} {s.Brier,6:0.000}  {s.Log,9:0.000}"));
            w.WriteLine("reliability of p_met: bin  n  mean_p  observed");
            foreach (ReportReliabilityBin b in ReportBacktest.Reliability(rows))
                w.WriteLine(Inv($"  {b.Low:0.0}-{b.High:0.0}  {b.Count,3}  {b.MeanP,6:0.00}  {b.Observed,6:0.00}"));
            return AnalyticsCli.Ok;
        });
        return command;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
