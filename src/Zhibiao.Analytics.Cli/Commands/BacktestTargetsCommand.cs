using System.CommandLine;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using Spectre.Console;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics backtest-targets --train TRAIN.csv --test TEST.csv --horizon H --growth ...</c>: the target
/// probabilities of <c>probability</c> scored against what happened — Brier score, expected calibration error,
/// reliability table — beside the deterministic rule (last five years' CAGR extrapolated) and the base rate. Both
/// files are streamed side by side in batches (the test file's series in the training file's order).
/// </summary>
internal static class BacktestTargetsCommand
{
    /// <summary>Years of history for the deterministic rule's CAGR.</summary>
    public const int RuleWindow = 5;

    public static Command Create(CliContext context)
    {
        var train = CommonOptions.StreamedInput("--train", "Training series");
        var test = new Option<string>("--test") { Description = "What happened next, long format (CSV or Parquet), its series in the training file's order.", Required = true };
        var batchSize = CommonOptions.BatchSize();
        var horizon = new Option<int>("--horizon") { Description = "Steps ahead.", Required = true };
        var growth = ListOptions.Growth();
        var model = CommonOptions.Model(context.Models);
        var paths = CommonOptions.Paths();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = FormatOption.Create();
        var command = new Command("backtest-targets", "Score target probabilities against held-out data: Brier, calibration, reliability.")
        {
            train, test, horizon, growth, model, paths, seed, threads, format, batchSize,
        };
        command.SetAction(parse =>
        {
            GrowthProbabilityOptions options = ProbabilityCommand.Options(parse.GetValue(horizon), parse.GetValue(growth)!, parse.GetValue(paths), parse.GetValue(seed), parse.GetValue(threads));
            IForecaster forecaster = context.Models.Create(parse.GetValue(model)!);
            int size = CommonOptions.CheckBatchSize(parse.GetValue(batchSize));
            var scored = new ProbabilityTally();
            var rule = new ProbabilityTally();
            int total = 0, ok = 0;
            ProgressBar.RunStreaming(context, forecaster.Name, progress =>
            {
                // The test data must start right after the training data, with H values, as for evaluate.
                foreach ((SeriesBatch batch, IReadOnlyList<LongSeries>? held) in EvaluateCommand.Paired(parse.GetValue(train)!, parse.GetValue(test)!, size, options.Horizon))
                {
                    SeriesChecks.Check(batch.Series, options.Horizon);
                    SeriesChecks.CheckGrowth(batch.Series, options.Growth, options.Horizon);
                    GrowthProbabilityResult[] results = GrowthProbabilities.Run(batch.Series, forecaster, options with { Seed = unchecked(options.Seed + (int)batch.First) }, progress?.Batch(batch));
                    ok += ProbabilityCommand.Warn(context, results);
                    total += results.Length;
                    for (int i = 0; i < results.Length; i++)
                    {
                        GrowthProbabilityResult r = results[i];
                        if (r.Error is not null) continue;
                        double[] y = r.Series.Values.ToArray();
                        double cagr = RuleGrowth(y);
                        foreach (GrowthProbability p in r.Probabilities)
                        {
                            bool happened = held![i].Values.Span[p.H - 1] >= p.Target;
                            scored.Add(p.ProbabilityMet, happened);
                            rule.Add(double.IsNaN(cagr) ? 0.5 : y[^1] * Math.Pow(1 + cagr, p.H) >= p.Target ? 1 : 0, happened);
                        }
                    }
                }

                if (ok == 0) throw new CliUsageException($"no series could be forecast with {forecaster.Name} ({total} failed)");
                return ok;
            });

            ProbabilityScores modelScores = scored.Scores(), ruleScores = rule.Scores();
            Write(context, FormatOption.Parse(parse.GetValue(format)!), forecaster.Name, modelScores, ruleScores);
            return ok == total ? AnalyticsCli.Ok : ForecastCommand.PartialFailure;
        });
        return command;
    }

    /// <summary>The deterministic rule's growth: CAGR over the last five years of the series (all of it when shorter); NaN when undefined.</summary>
    internal static double RuleGrowth(double[] y)
    {
        int from = Math.Max(0, y.Length - 1 - RuleWindow);
        try
        {
            return Growth.Cagr(y[from], y[^1], y.Length - 1 - from);
        }
        catch (GrowthUndefinedException)
        {
            return double.NaN;
        }
    }

    private static void Write(CliContext context, OutputFormat format, string model, ProbabilityScores m, ProbabilityScores rule)
    {
        if (format != OutputFormat.Table)
        {
            var t = new Tabular(["method", "cases", "base_rate", "brier", "ece"]);
            t.Add(model, m.Cases, m.BaseRate, m.Brier, m.Ece);
            t.Add("deterministic_rule", rule.Cases, rule.BaseRate, rule.Brier, rule.Ece);
            t.Add("base_rate", m.Cases, m.BaseRate, m.BrierOfBaseRate, 0.0);
            t.Write(context.Out, format);
            return;
        }

        var scores = new Table().Border(TableBorder.Rounded).AddColumns("method", "cases", "Brier", "ECE");
        scores.AddRow(Markup.Escape(model), m.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture), F(m.Brier), F(m.Ece));
        scores.AddRow($"deterministic rule ({RuleWindow}-year CAGR)", rule.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture), F(rule.Brier), F(rule.Ece));
        scores.AddRow("base rate", m.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture), F(m.BrierOfBaseRate), "—");
        context.Console.Write(scores);
        context.Console.WriteLine($"base rate of targets met: {m.BaseRate:0.000}");
        var reliability = new Table().Border(TableBorder.Rounded).Title($"reliability of {Markup.Escape(model)}").AddColumns("p bin", "cases", "mean p", "observed");
        foreach (ReliabilityBin b in m.Reliability)
            reliability.AddRow($"{b.Lower:0.0}–{b.Upper:0.0}", b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), F(b.MeanProbability), F(b.ObservedFrequency));
        context.Console.Write(reliability);
    }

    private static string F(double v) => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
