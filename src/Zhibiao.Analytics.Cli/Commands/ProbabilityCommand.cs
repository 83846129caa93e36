using System.CommandLine;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics probability --input TRAIN.csv --horizon H --growth=-0.05,0,0.02 --output P.csv</c>: for every series,
/// step h and growth g, the probability that the value at h reaches the last value compounded at g. Columns
/// unique_id,h,growth,target,p_met. The input is streamed in batches as for <c>forecast</c>.
/// </summary>
internal static class ProbabilityCommand
{
    public static readonly string[] Columns = ["unique_id", "h", "growth", "target", "p_met"];

    /// <summary>The most values simulated for one series, paths × horizon (160 MB of doubles; a series at a time per thread).</summary>
    public const long MaxSimulated = 20_000_000;

    public static Command Create(CliContext context)
    {
        var input = CommonOptions.StreamedInput();
        var horizon = new Option<int>("--horizon") { Description = "Steps ahead (1 to 10000).", Required = true };
        var growth = ListOptions.Growth();
        var model = CommonOptions.Model(context.Models);
        var paths = CommonOptions.Paths();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.StreamedOutput();
        var batchSize = CommonOptions.BatchSize();
        var command = new Command("probability", "Probability that each series reaches its last value compounded at given growth rates.")
        {
            input, horizon, growth, model, paths, seed, threads, output, batchSize,
        };
        command.SetAction(parse =>
        {
            GrowthProbabilityOptions options = Options(parse.GetValue(horizon), parse.GetValue(growth)!, parse.GetValue(paths), parse.GetValue(seed), parse.GetValue(threads));
            IForecaster forecaster = context.Models.Create(parse.GetValue(model)!);
            int size = CommonOptions.CheckBatchSize(parse.GetValue(batchSize));
            int total = 0, ok = 0;
            TableOutput.Write(context, parse.GetValue(output), write => ProgressBar.RunStreaming(context, forecaster.Name, progress =>
            {
                foreach (SeriesBatch batch in LongFormat.ReadBatches(parse.GetValue(input)!, size))
                {
                    SeriesChecks.Check(batch.Series, options.Horizon);
                    SeriesChecks.CheckGrowth(batch.Series, options.Growth, options.Horizon);

                    // Series i of the file is simulated with seed + i whatever the batch size.
                    GrowthProbabilityResult[] results = GrowthProbabilities.Run(batch.Series, forecaster, options with { Seed = unchecked(options.Seed + (int)batch.First) }, progress?.Batch(batch));
                    ok += Warn(context, results);
                    total += results.Length;
                    var table = new Tabular(Columns);
                    foreach (GrowthProbability p in results.SelectMany(r => r.Probabilities))
                        table.Add(p.SeriesId, p.H, p.Growth, p.Target, p.ProbabilityMet);
                    write(table);
                }

                if (ok == 0) throw new CliUsageException($"no series could be forecast with {forecaster.Name} ({total} failed)");
                return ok;
            }));
            return ok == total ? AnalyticsCli.Ok : ForecastCommand.PartialFailure;
        });
        return command;
    }

    internal static GrowthProbabilityOptions Options(int horizon, IReadOnlyList<double> growth, int paths, int seed, int threads)
    {
        if (horizon is < 1 or > Forecast.MaxHorizon) throw new CliUsageException($"--horizon must be between 1 and {Forecast.MaxHorizon}, not {horizon}");
        if (paths is < 1 or > 1_000_000) throw new CliUsageException($"--paths must be between 1 and 1000000, not {paths}");
        if (threads < 1) throw new CliUsageException($"--threads must be at least 1, not {threads}");
        if ((long)paths * horizon > MaxSimulated)
            throw new CliUsageException($"--paths {paths} × --horizon {horizon} is {(long)paths * horizon} simulated values a series, more than {MaxSimulated} (the default 2000 paths at the largest horizon); lower one of them");
        return new GrowthProbabilityOptions { Horizon = horizon, Growth = growth, Paths = paths, Seed = seed, Threads = threads };
    }

    /// <summary>Warns about failed series on stderr; returns how many succeeded.</summary>
    internal static int Warn(CliContext context, GrowthProbabilityResult[] results)
    {
        foreach (GrowthProbabilityResult failed in results.Where(r => r.Error is not null))
            context.Error.WriteLine($"warning: series {failed.Series.Id}: {failed.Error}");
        return results.Count(r => r.Error is null);
    }

    /// <summary>Warns about failed series on stderr; returns how many succeeded, or throws when none did.</summary>
    internal static int Report(CliContext context, GrowthProbabilityResult[] results, IForecaster forecaster)
    {
        int ok = Warn(context, results);
        if (ok == 0) throw new CliUsageException($"no series could be forecast with {forecaster.Name} ({results.Length} failed)");
        return ok;
    }
}
