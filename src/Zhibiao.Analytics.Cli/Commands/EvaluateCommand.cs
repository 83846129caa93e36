using System.CommandLine;
using System.Globalization;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Forecasting;
using Spectre.Console;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics evaluate --train TRAIN.csv --test TEST.csv --horizon H [--model M]...</c>: the accuracy of each model
/// on a hold-out (or, with --origins K instead of --test, by rolling origin over the training file): sMAPE, MASE,
/// MAPE, MAE, RMSE, OWA against Naive2, and coverage and MSIS per interval level, averaged over series. Series a model
/// cannot forecast are reported on stderr; exit code 0 when every series was evaluated, 1 when some failed, 2 when
/// nothing could be evaluated or the files do not match.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var train = CommonOptions.StreamedInput("--train", "Training data");
        var test = new Option<string?>("--test") { Description = "Held-out data, long format (CSV or Parquet), starting right after each training series, its series in the training file's order." };
        var batchSize = CommonOptions.BatchSize();
        var origins = new Option<int?>("--origins") { Description = "Instead of --test: evaluate by rolling origin over the last K origins of the training data." };
        var step = new Option<int>("--step") { Description = "Periods between rolling origins.", DefaultValueFactory = _ => 1 };
        var horizon = new Option<int>("--horizon") { Description = "Steps to forecast and score (1 to 10000).", Required = true };
        var models = new Option<string[]>("--model")
        {
            Description = $"Model to evaluate; repeat or separate by commas for several ({string.Join(", ", context.Models.Names)}).",
            DefaultValueFactory = _ => [ForecasterCatalogue.Default],
        };
        var levels = ListOptions.Levels();
        var season = new Option<int?>("--season-length") { Description = "Season length (default from the frequency: 1 yearly, 4 quarterly, 12 monthly)." };
        var threads = CommonOptions.Threads("Series evaluated at once.");
        var format = FormatOption.Create();
        var command = new Command("evaluate", "Accuracy of forecasting models on a hold-out or by rolling origin, against Naive2.")
        {
            train, test, origins, step, horizon, models, levels, season, threads, format, batchSize,
        };
        command.SetAction(parse =>
        {
            var options = new EvaluationOptions { Horizon = parse.GetValue(horizon), Levels = parse.GetValue(levels)!, SeasonLength = parse.GetValue(season), Threads = parse.GetValue(threads) };
            ForecastCommand.Check(new BatchOptions { Horizon = options.Horizon, Levels = options.LevelsOrDefault, SeasonLength = options.SeasonLength, Threads = options.Threads });
            string? testPath = parse.GetValue(test);
            int? originCount = parse.GetValue(origins);
            if (testPath is null == originCount is null) throw new CliUsageException("give either --test (hold-out) or --origins (rolling origin), not both or neither");
            RollingOrigin? design = originCount is { } k ? new RollingOrigin(k, parse.GetValue(step)) : null;
            if (design is { Origins: < 1 }) throw new CliUsageException($"--origins must be at least 1, not {design.Origins}");
            if (design is { Step: < 1 }) throw new CliUsageException($"--step must be at least 1, not {design.Step}");
            IForecaster[] forecasters = [.. ModelNames(parse.GetValue(models)).Select(context.Models.Create)];

            int size = CommonOptions.CheckBatchSize(parse.GetValue(batchSize));
            var run = new StreamedEvaluation(forecasters, options, design);
            ProgressBar.RunStreaming(context, $"evaluating {forecasters.Length + (forecasters.Any(f => f.Name == "naive2") ? 0 : 1)} model(s)", progress =>
            {
                foreach ((SeriesBatch batch, IReadOnlyList<LongSeries>? held) in StreamedEvaluation.Batches(parse.GetValue(train)!, testPath, size, options.Horizon))
                {
                    IReadOnlyList<ModelAccuracy> results = run.Add(batch.Series, held, progress?.Batch(batch));
                    foreach (ModelAccuracy result in results)
                        foreach (SeriesAccuracy failed in result.Series.Where(s => s.Error is not null))
                            context.Error.WriteLine($"warning: series {failed.Id}, model {result.Model}: {failed.Error}");
                }

                return run.Series;
            });

            IReadOnlyList<AccuracyTotals> shown = run.Totals;
            long count = run.Series;
            if (shown.All(r => r.Mean is null)) throw new CliUsageException($"no series could be evaluated ({count} series, {shown.Count} model(s))");

            OutputFormat f = FormatOption.Parse(parse.GetValue(format)!);
            if (f == OutputFormat.Table) WriteTable(context, shown, options, design, count);
            else ToTabular(shown, options.LevelsOrDefault).Write(context.Out, f);
            return shown.All(r => r.Failed == 0) ? AnalyticsCli.Ok : ForecastCommand.PartialFailure;
        });
        return command;
    }

    /// <summary>Model names from repeated and comma-separated values, in order, without repeats.</summary>
    internal static IReadOnlyList<string> ModelNames(string[]? values)
    {
        var names = new List<string>();
        foreach (string v in values ?? [])
            foreach (string name in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        if (names.Count == 0) throw new CliUsageException("--model names no model");
        return names;
    }

    /// <summary>The columns model,series,failed,smape,mase,mape,mae,rmse,owa, then coverage-L and msis-L per level.</summary>
    internal static Tabular ToTabular(IReadOnlyList<AccuracyTotals> results, IReadOnlyList<double> levels)
    {
        var columns = new List<string> { "model", "series", "failed", "smape", "mase", "mape", "mae", "rmse", "owa" };
        foreach (double l in levels) columns.AddRange([$"coverage-{ListOptions.Name(l)}", $"msis-{ListOptions.Name(l)}"]);
        var table = new Tabular(columns);
        foreach (AccuracyTotals r in results)
        {
            var cells = new object?[columns.Count];
            cells[0] = r.Model;
            cells[1] = r.Evaluated;
            cells[2] = r.Failed;
            if (r.Mean is { } a)
            {
                (cells[3], cells[4], cells[5], cells[6], cells[7], cells[8]) = (Cell(a.Smape), Cell(a.Mase), Cell(a.Mape), Cell(a.Mae), Cell(a.Rmse), Cell(r.Owa));
                for (int i = 0; i < levels.Count; i++)
                {
                    IntervalAccuracy? ia = a.Interval(levels[i]);
                    cells[9 + (2 * i)] = Cell(ia?.Coverage ?? double.NaN);
                    cells[10 + (2 * i)] = Cell(ia?.Msis ?? double.NaN);
                }
            }

            table.Add(cells);
        }

        return table;
    }

    private static void WriteTable(CliContext context, IReadOnlyList<AccuracyTotals> results, EvaluationOptions options, RollingOrigin? design, long series)
    {
        string how = design is null ? "hold-out" : $"rolling origin ({design.Origins} origins, step {design.Step})";
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{how}, horizon {options.Horizon}, {series} series"));
        table.AddColumns("model", "series", "failed", "sMAPE", "MASE", "MAPE", "MAE", "RMSE", "OWA");
        foreach (double l in options.LevelsOrDefault) table.AddColumns($"cov {ListOptions.Name(l)}%", $"MSIS {ListOptions.Name(l)}%");
        for (int c = 1; c < table.Columns.Count; c++) table.Columns[c].RightAligned();
        foreach (AccuracyTotals r in results)
        {
            var cells = new List<string> { Markup.Escape(r.Model), Int(r.Evaluated), Int(r.Failed) };
            Accuracy? a = r.Mean;
            cells.AddRange([Num(a?.Smape, "0.000"), Num(a?.Mase, "0.000"), Num(a?.Mape, "0.000"), Num(a?.Mae, "0.###"), Num(a?.Rmse, "0.###"), Num(a is null ? null : r.Owa, "0.000")]);
            foreach (double l in options.LevelsOrDefault)
            {
                IntervalAccuracy? ia = a?.Interval(l);
                cells.AddRange([Num(ia?.Coverage, "0.000"), Num(ia?.Msis, "0.000")]);
            }

            table.AddRow([.. cells]);
        }

        context.Console.Write(table);
        context.Console.WriteLine("sMAPE, MAPE in percent; MASE and MSIS scaled by the in-sample seasonal naive MAE; OWA = (sMAPE/sMAPE_naive2 + MASE/MASE_naive2)/2; means over series.");
    }

    private static object? Cell(double value) => double.IsFinite(value) ? value : null;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double? value, string format) => value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>The training batches with their test series (<see cref="StreamedEvaluation.Batches"/>), for the commands that pair two files as evaluate does.</summary>
    internal static IEnumerable<(SeriesBatch Train, IReadOnlyList<LongSeries>? Test)> Paired(string trainPath, string? testPath, int size, int horizon) =>
        StreamedEvaluation.Batches(trainPath, testPath, size, horizon);
}
