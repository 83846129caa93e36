using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Evaluation;

/// <summary>Settings of an evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Steps forecast and scored (1 to <see cref="ForecastLimits.MaxHorizon"/>).</summary>
    public required int Horizon { get; init; }

    /// <summary>Interval levels in percent; null for 80 and 95.</summary>
    public IReadOnlyList<double>? Levels { get; init; }

    /// <summary>m for the models and for the MASE/MSIS scale; null takes it from each series' frequency.</summary>
    public int? SeasonLength { get; init; }

    /// <summary>Series evaluated at once (the only parallelism).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The levels used: <see cref="Levels"/>, or 80 and 95.</summary>
    public IReadOnlyList<double> LevelsOrDefault => Levels ?? [80, 95];
}

/// <summary>A rolling-origin design (Tashman, IJF 16, 2000): the last <paramref name="Origins"/> forecast origins, <paramref name="Step"/> periods apart.</summary>
/// <param name="Origins">Number of origins K ≥ 1; origin k (0-based) fits on the first n − H − (K − 1 − k)·Step values.</param>
/// <param name="Step">Periods between successive origins ≥ 1.</param>
public sealed record RollingOrigin(int Origins, int Step = 1);

/// <summary>
/// Out-of-sample evaluation of forecasters: on a hold-out (fit on the training values, score the next H test values)
/// and by rolling origin (refit at each of K origins of one series and average the scores). A global model
/// (<see cref="IGlobalForecaster"/>) is trained on all the training series of a hold-out before the series are scored. Errors that belong to a
/// series (too short, missing values, a forecast that is not finite) are recorded for it; the others go on.
/// </summary>
public static class Evaluator
{
    /// <summary>Fits <paramref name="model"/> on <paramref name="train"/> and scores its forecast of the first H values of <paramref name="test"/>.</summary>
    /// <exception cref="ForecastException">The model cannot fit the series or its forecast is not finite.</exception>
    /// <exception cref="ArgumentException">The test holds fewer than H values or a missing one.</exception>
    public static Accuracy HoldOut(IForecaster model, ReadOnlySpan<double> train, ReadOnlySpan<double> test, int seasonLength, int horizon, IReadOnlyList<double> levels)
    {
        ForecastLimits.Check(horizon, levels);
        if (test.Length < horizon) throw new ArgumentException($"the test holds {test.Length} values, the horizon is {horizon}", nameof(test));
        for (int h = 0; h < horizon; h++)
            if (!double.IsFinite(test[h])) throw new ArgumentException($"test value {h + 1} is missing", nameof(test));
        Forecast forecast = model.Fit(train, seasonLength).Forecast(horizon, levels);
        RequireFinite(forecast, model.Name);
        return Accuracy.Of(train, seasonLength, test, forecast);
    }

    /// <summary>
    /// Rolling-origin evaluation of one series <paramref name="y"/>: for each origin the model is fitted on the values
    /// before it and the next H values are scored; the result is the mean over origins.
    /// </summary>
    /// <exception cref="ForecastException">The series is too short for the design, the model cannot fit it, or a forecast is not finite.</exception>
    public static Accuracy Rolling(IForecaster model, ReadOnlySpan<double> y, int seasonLength, int horizon, RollingOrigin design, IReadOnlyList<double> levels)
    {
        ForecastLimits.Check(horizon, levels);
        CheckDesign(design);
        // In 64 bits: origins × step can pass int.MaxValue (2147483647 origins 2 apart), and the design then cannot fit.
        long earliest = (long)y.Length - horizon - ((long)(design.Origins - 1) * design.Step);
        if (earliest < 1)
            throw new ForecastException($"{design.Origins} origins {design.Step} apart with horizon {horizon} need at least {y.Length - earliest + 1} values, the series has {y.Length}");
        int first = (int)earliest;
        var scores = new Accuracy[design.Origins];
        for (int k = 0; k < design.Origins; k++)
        {
            int end = first + (k * design.Step);
            ReadOnlySpan<double> test = y.Slice(end, horizon);
            foreach (double v in test)
                if (!double.IsFinite(v)) throw new ForecastException($"a value to score after origin {end} is missing");
            Forecast forecast = model.Fit(y[..end], seasonLength).Forecast(horizon, levels);
            RequireFinite(forecast, model.Name);
            scores[k] = Accuracy.Of(y[..end], seasonLength, test, forecast);
        }

        return Accuracy.Mean(scores);
    }

    /// <summary>
    /// Hold-out evaluation of many series: each training series is matched by id to a test series that must start
    /// right after it and hold at least H values.
    /// </summary>
    /// <exception cref="AnalyticsException">The files do not match: a series missing from one of them, a test that does not follow its training data, too short, or with a missing value.</exception>
    public static ModelAccuracy HoldOut(IForecaster model, IReadOnlyList<LongSeries> train, IReadOnlyList<LongSeries> test, EvaluationOptions options, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        LongSeries[] matched = Match(train, test, options.Horizon);
        return Run(model, train, options, progress, cancellation, (fitted, s, i, m) => HoldOut(fitted, s.Values.Span, matched[i].Values.Span, m, options.Horizon, options.LevelsOrDefault));
    }

    /// <summary>Rolling-origin evaluation of many series (the one-series rolling evaluation on each).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Horizon, levels, threads or design out of range.</exception>
    /// <exception cref="AnalyticsException">The model is a global model, which would learn from the values it is scored on.</exception>
    public static ModelAccuracy Rolling(IForecaster model, IReadOnlyList<LongSeries> series, RollingOrigin design, EvaluationOptions options, IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        CheckDesign(design);
        if (model is IGlobalForecaster)
            throw new AnalyticsException($"{model.Name} is a global model: evaluate it on a hold-out (a test file), not by rolling origin");
        return Run(model, series, options, progress, cancellation, (_, s, _, m) => Rolling(model, s.Values.Span, m, options.Horizon, design, options.LevelsOrDefault));
    }

    /// <summary>
    /// Pairs every training series with its test series by id.
    /// </summary>
    /// <exception cref="AnalyticsException">A series is in one file only, a test does not start right after its training data, holds fewer than H values or a missing one among them.</exception>
    public static LongSeries[] Match(IReadOnlyList<LongSeries> train, IReadOnlyList<LongSeries> test, int horizon)
    {
        var byId = new Dictionary<string, LongSeries>(test.Count, StringComparer.Ordinal);
        foreach (LongSeries s in test) byId[s.Id] = s;
        var trainIds = new HashSet<string>(train.Select(s => s.Id), StringComparer.Ordinal);
        foreach (LongSeries s in test)
            if (!trainIds.Contains(s.Id)) throw new AnalyticsException($"series {s.Id} of the test data has no training data");
        var matched = new LongSeries[train.Count];
        for (int i = 0; i < train.Count; i++)
        {
            LongSeries s = train[i];
            if (!byId.TryGetValue(s.Id, out LongSeries? t)) throw new AnalyticsException($"series {s.Id} has no test data");
            if (t.Start != s.End + 1) throw new AnalyticsException($"series {s.Id}: the test data start at {t.Start}, not right after the training data ({s.End})");
            if (t.Values.Length < horizon) throw new AnalyticsException($"series {s.Id}: the test data hold {t.Values.Length} values, the horizon is {horizon}");
            for (int h = 0; h < horizon; h++)
                if (double.IsNaN(t.Values.Span[h])) throw new AnalyticsException($"series {s.Id}: test value {h + 1} ({t.Start + h}) is missing");
            matched[i] = t;
        }

        return matched;
    }

    /// <summary>Evaluates every series with the batch runner (a global model is trained on all of them first).</summary>
    private static ModelAccuracy Run(IForecaster model, IReadOnlyList<LongSeries> series, EvaluationOptions options, IProgress<int>? progress, CancellationToken cancellation, Func<IForecaster, LongSeries, int, int, Accuracy> evaluate)
    {
        ForecastLimits.Check(options.Horizon, options.LevelsOrDefault);
        if (options.SeasonLength is < 1) throw new ArgumentOutOfRangeException(nameof(options), options.SeasonLength, "the season length must be at least 1");
        SeriesAccuracy[] results = BatchRunner.Run(series, model, options.SeasonLength, options.Horizon, options.Threads,
            (prepared, s, i) => new SeriesAccuracy(s.Id, evaluate(prepared, s, i, options.SeasonLength ?? s.Frequency.PeriodsPerYear()), null),
            (s, error) => new SeriesAccuracy(s.Id, null, error), progress, cancellation);
        Accuracy[] ok = [.. results.Where(r => r.Accuracy is not null).Select(r => r.Accuracy!)];
        return new ModelAccuracy(model.Name, ok.Length == 0 ? null : Accuracy.Mean(ok), results);
    }

    private static void RequireFinite(Forecast forecast, string model)
    {
        foreach (double v in forecast.Mean.Span)
            if (!double.IsFinite(v)) throw new ForecastException($"{model} produced a forecast that is not finite");
        foreach (PredictionInterval pi in forecast.Intervals)
            for (int h = 0; h < forecast.Horizon; h++)
                if (!double.IsFinite(pi.Lower.Span[h]) || !double.IsFinite(pi.Upper.Span[h])) throw new ForecastException($"{model} produced an interval that is not finite");
    }

    private static void CheckDesign(RollingOrigin design)
    {
        if (design.Origins < 1) throw new ArgumentOutOfRangeException(nameof(design), design.Origins, "at least one origin is needed");
        if (design.Step < 1) throw new ArgumentOutOfRangeException(nameof(design), design.Step, "origins must be at least one period apart");
    }
}
