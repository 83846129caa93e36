using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics forecast --input TRAIN.csv --horizon H --model M --output OUT.csv</c>: forecasts every series of a
/// long-format file (CSV or Parquet), in parallel, with intervals. The file is streamed: read, forecast and written
/// in batches of --batch-size series, in input order. Series that cannot be fitted are reported on stderr by id and
/// reason; the others are written. Exit code 0 when all succeed, 1 when some failed, 2 when none could be forecast.
/// </summary>
internal static class ForecastCommand
{
    /// <summary>Exit code when some series failed but the others were written.</summary>
    public const int PartialFailure = 1;

    public static Command Create(CliContext context)
    {
        var input = CommonOptions.StreamedInput();
        var horizon = new Option<int>("--horizon") { Description = "Steps to forecast (1 to 10000).", Required = true };
        var model = CommonOptions.Model(context.Models);
        var levels = ListOptions.Levels();
        var season = new Option<int?>("--season-length") { Description = "Season length (default from the frequency: 1 yearly, 4 quarterly, 12 monthly)." };
        var threads = CommonOptions.Threads("Series forecast at once.");
        var output = CommonOptions.StreamedOutput();
        var batchSize = CommonOptions.BatchSize();
        var timing = new Option<bool>("--timing")
        {
            Description = "Print to stderr the time spent fitting and forecasting (files not included): a cold first run, then the median of warm runs (holds the whole input in memory).",
        };
        var quantiles = ListOptions.Quantiles();
        var command = new Command("forecast", "Forecast every series of a long-format file with prediction intervals.")
        {
            input, horizon, model, levels, season, threads, output, timing, quantiles, batchSize,
        };
        var cluster = new ClusterForecast();
        cluster.AddTo(command);
        command.SetAction(parse =>
        {
            IReadOnlyList<double> shown = parse.GetValue(levels)!;
            IReadOnlyList<double> probabilities = parse.GetValue(quantiles)!;
            IReadOnlyList<double> all = [.. shown.Concat(probabilities.Select(Forecast.LevelForQuantile)).Distinct()];
            var options = new BatchOptions { Horizon = parse.GetValue(horizon), Levels = all, SeasonLength = parse.GetValue(season), Threads = parse.GetValue(threads) };
            Check(options);
            IForecaster forecaster = context.Models.Create(parse.GetValue(model)!);
            int size = CommonOptions.CheckBatchSize(parse.GetValue(batchSize));
            string path = parse.GetValue(input)!;
            int total = 0, ok = 0;
            using ClusterForecast.Runner? partitions = cluster.IsRequested(parse) ? cluster.Open(context, parse, parse.GetValue(model)!, forecaster, options) : null;
            bool timed = parse.GetValue(timing);
            TableOutput.Write(context, parse.GetValue(output), write => ProgressBar.RunStreaming(context, forecaster.Name, progress =>
            {
                // Reading the next batch, forecasting this one and writing the last one overlap (Pipeline).
                IEnumerable<SeriesBatch> batches = timed ? [new SeriesBatch(LongFormat.Read(path), 0, 1)] : Pipeline.ReadAhead(LongFormat.ReadBatches(path, size));
                using var writer = new Pipeline.Writer(write);
                foreach (SeriesBatch batch in batches)
                {
                    SeriesChecks.Check(batch.Series, options.Horizon);
                    BatchItem[] results = partitions is not null ? RunPartitions(context, partitions, batch.Series, forecaster, progress?.Batch(batch), timed)
                        : timed ? RunTimed(context, batch.Series, forecaster, options)
                        : BatchForecaster.Run(batch.Series, forecaster, options, progress?.Batch(batch));
                    foreach (BatchItem failed in results.Where(r => r.Forecast is null))
                        context.Error.WriteLine($"warning: series {failed.Series.Id}: {failed.Error}");
                    total += results.Length;
                    ok += results.Count(r => r.Forecast is not null);
                    writer.Post(new ForecastRows(results, shown, probabilities, options.Threads));
                }

                writer.Complete();
                if (ok == 0) throw new CliUsageException($"no series could be forecast with {forecaster.Name} ({total} failed)");
                return ok;
            }));
            return ok == total ? AnalyticsCli.Ok : PartialFailure;
        });
        return command;
    }

    internal static void Check(BatchOptions options)
    {
        if (options.Horizon is < 1 or > Forecast.MaxHorizon) throw new CliUsageException($"--horizon must be between 1 and {Forecast.MaxHorizon}, not {options.Horizon}");
        if (options.Threads < 1) throw new CliUsageException($"--threads must be at least 1, not {options.Threads}");
        if (options.SeasonLength is < 1 or > SeriesChecks.MaxSeasonLength)
            throw new CliUsageException($"--season-length must be between 1 and {SeriesChecks.MaxSeasonLength}, not {options.SeasonLength}");
    }

    /// <summary>Runs a batch in partitions (--cluster or --partition-size); with --timing, prints the run's seconds to stderr.</summary>
    private static BatchItem[] RunPartitions(CliContext context, ClusterForecast.Runner partitions, IReadOnlyList<LongSeries> series, IForecaster forecaster, IProgress<int>? progress, bool timing)
    {
        var clock = Stopwatch.StartNew();
        BatchItem[] results = partitions.Run(series, progress);
        double seconds = clock.Elapsed.TotalSeconds;
        if (timing)
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing: model={forecaster.Name} series={series.Count} partition_size={partitions.Size} seconds={seconds:0.######} series_per_second={series.Count / seconds:0.0}"));
        return results;
    }

    /// <summary>
    /// Runs the batch for --timing: once cold (the time includes JIT compilation) and then warm
    /// at least three times and for at least a second; prints the cold time and the median warm time to stderr.
    /// Reading and writing files is not timed.
    /// </summary>
    internal static BatchItem[] RunTimed(CliContext context, IReadOnlyList<LongSeries> series, IForecaster forecaster, BatchOptions options)
    {
        var clock = Stopwatch.StartNew();
        BatchItem[] results = BatchForecaster.Run(series, forecaster, options);
        double cold = clock.Elapsed.TotalSeconds;
        var warm = new List<double>();
        var total = Stopwatch.StartNew();
        while (warm.Count < 3 || total.Elapsed.TotalSeconds < 1)
        {
            clock.Restart();
            BatchForecaster.Run(series, forecaster, options);
            warm.Add(clock.Elapsed.TotalSeconds);
        }

        warm.Sort();
        double median = warm[warm.Count / 2];
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: model={forecaster.Name} series={series.Count} threads={options.Threads} cold_seconds={cold:0.######} warm_seconds={median:0.######} warm_runs={warm.Count} series_per_second={series.Count / median:0.0}"));
        return results;
    }
}
