using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;

namespace Zhibiao.Analytics.Evaluation;

/// <summary>
/// An evaluation of several models over series that arrive in batches (a long-format file streamed by
/// <see cref="Batches"/>): each batch is checked (<see cref="SeriesChecks.Check"/>), evaluated by every model and by
/// Naive2 (for the OWA; reported only when asked for) on a hold-out or by rolling origin, and added to running totals
/// (<see cref="AccuracyTotals"/>), so memory holds one batch whatever the number of series. The totals equal one
/// <see cref="Evaluator"/> run over all the series at once, except that a global model learns from each batch on its
/// own. What <c>analytics evaluate</c> does:
/// <code>
/// var run = new StreamedEvaluation([Forecasters.Create("theta")], new EvaluationOptions { Horizon = 6 });
/// foreach ((SeriesBatch train, IReadOnlyList&lt;LongSeries&gt;? test) in StreamedEvaluation.Batches("train.csv", "test.csv", 10_000, 6))
///     run.Add(train.Series, test);
/// Console.WriteLine($"{run.Totals[0].Model}: sMAPE {run.Totals[0].Mean?.Smape:F2}, OWA {run.Totals[0].Owa:F3}");
/// </code>
/// </summary>
public sealed class StreamedEvaluation
{
    private readonly IForecaster[] _runs;
    private readonly AccuracyTotals[] _totals;
    private readonly int _naive2;
    private readonly int _shown;
    private readonly EvaluationOptions _options;
    private readonly RollingOrigin? _design;

    /// <summary>An evaluation of <paramref name="models"/> on a hold-out (<paramref name="design"/> null: every batch comes with its test series) or by rolling origin.</summary>
    /// <param name="models">The models to evaluate, in the order of <see cref="Totals"/>.</param>
    /// <param name="options">Horizon, levels, season length, threads.</param>
    /// <param name="design">The rolling-origin design; null for a hold-out.</param>
    /// <exception cref="ArgumentException">No models.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The design has fewer than one origin or a step below 1.</exception>
    public StreamedEvaluation(IReadOnlyList<IForecaster> models, EvaluationOptions options, RollingOrigin? design = null)
    {
        if (models.Count == 0) throw new ArgumentException("no model to evaluate", nameof(models));
        if (design is { Origins: < 1 }) throw new ArgumentOutOfRangeException(nameof(design), design.Origins, "at least one origin is needed");
        if (design is { Step: < 1 }) throw new ArgumentOutOfRangeException(nameof(design), design.Step, "origins must be at least one period apart");
        _shown = models.Count;
        _runs = models.Any(f => f.Name == "naive2") ? [.. models] : [.. models, new Naive2Forecaster()];
        _naive2 = Array.FindIndex(_runs, r => r.Name == "naive2");
        _totals = [.. _runs.Select(r => new AccuracyTotals(r.Name))];
        _options = options;
        _design = design;
    }

    /// <summary>The running totals of the models asked for, in their order.</summary>
    public IReadOnlyList<AccuracyTotals> Totals => _totals[.._shown];

    /// <summary>Series added so far.</summary>
    public long Series { get; private set; }

    /// <summary>
    /// Checks and evaluates one batch and adds it to the totals; returns each model's result on it (in the order of
    /// <see cref="Totals"/>), whose failed series name the reason.
    /// </summary>
    /// <param name="train">The batch's series (training values).</param>
    /// <param name="test">Its test series in the same order, for a hold-out; null by rolling origin.</param>
    /// <param name="progress">Told the number of the batch's series done, over all models.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <exception cref="AnalyticsException">A series fails the batch checks, or a test series does not match its training series.</exception>
    /// <exception cref="ArgumentException">A hold-out batch without test series, or a rolling-origin batch with them.</exception>
    public IReadOnlyList<ModelAccuracy> Add(IReadOnlyList<LongSeries> train, IReadOnlyList<LongSeries>? test, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        if ((test is null) != (_design is not null)) throw new ArgumentException(_design is null ? "a hold-out batch needs its test series" : "a rolling-origin batch has no test series", nameof(test));
        SeriesChecks.Check(train, _options.Horizon);
        var results = new ModelAccuracy[_runs.Length];
        for (int i = 0; i < _runs.Length; i++)
        {
            IProgress<int>? shifted = progress is null ? null : new Shifted(progress, i, _runs.Length, train.Count);
            results[i] = test is null
                ? Evaluator.Rolling(_runs[i], train, _design!, _options, shifted, cancellation)
                : Evaluator.HoldOut(_runs[i], train, test, _options, shifted, cancellation);
        }

        for (int i = 0; i < _runs.Length; i++) _totals[i].Add(results[i], results[_naive2]);
        Series += train.Count;
        return results[.._shown];
    }

    /// <summary>
    /// The batches of a long-format training file, each with its test series for a hold-out (<paramref name="testPath"/>
    /// null: by rolling origin, no test series). The test file is read side by side with the training file, so its series
    /// must come in the same order; each pair is checked as <see cref="Evaluator.Match"/> checks it.
    /// </summary>
    /// <param name="trainPath">The training file (CSV, or Parquet by its name).</param>
    /// <param name="testPath">The test file, or null.</param>
    /// <param name="batchSize">Series per batch.</param>
    /// <param name="horizon">Test values each series needs.</param>
    /// <exception cref="DataFormatException">A file is missing or malformed.</exception>
    /// <exception cref="AnalyticsException">The files do not pair: a series missing from one of them, in another order, or a test that does not follow its training values.</exception>
    public static IEnumerable<(SeriesBatch Train, IReadOnlyList<LongSeries>? Test)> Batches(string trainPath, string? testPath, int batchSize, int horizon)
    {
        if (testPath is null)
        {
            foreach (SeriesBatch batch in LongFormat.ReadBatches(trainPath, batchSize)) yield return (batch, null);
            yield break;
        }

        using IEnumerator<LongSeries> test = LongFormat.ReadBatches(testPath, batchSize).SelectMany(b => b.Series).GetEnumerator();
        foreach (SeriesBatch batch in LongFormat.ReadBatches(trainPath, batchSize))
        {
            var held = new List<LongSeries>(batch.Series.Count);
            for (int i = 0; i < batch.Series.Count; i++)
            {
                string id = batch.Series[i].Id;
                if (!test.MoveNext()) throw new AnalyticsException($"{testPath}: series {id} has no test data (the test file ends before it)");
                if (test.Current.Id != id)
                    throw new AnalyticsException($"{testPath}: series {test.Current.Id} comes where the training file has series {id} (series {batch.First + i + 1}); the test file must list the training file's series in the same order");
                Evaluator.Match([batch.Series[i]], [test.Current], horizon);
                held.Add(test.Current);
            }

            yield return (batch, held);
        }

        if (test.MoveNext()) throw new AnalyticsException($"series {test.Current.Id} of the test data has no training data");
    }

    /// <summary>Reports progress of the models' runs over one batch: model i of n covers the i-th n-th of it.</summary>
    private sealed class Shifted(IProgress<int> inner, int model, int models, int count) : IProgress<int>
    {
        public void Report(int value) => inner.Report(((model * count) + value) / models);
    }
}
