using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Evaluation;

/// <summary>Interval accuracy at one level.</summary>
/// <param name="Level">The nominal coverage in percent.</param>
/// <param name="Coverage">The share of actual values inside the intervals (0 to 1).</param>
/// <param name="Msis">The mean scaled interval score (<see cref="Metrics.Msis"/>); NaN when the scale is undefined.</param>
public sealed record IntervalAccuracy(double Level, double Coverage, double Msis);

/// <summary>
/// The accuracy of a forecast, or the mean accuracy of several (series or origins). Means skip undefined (NaN) values,
/// as the M-competition scorers do.
/// </summary>
/// <param name="Mae">Mean absolute error (series units).</param>
/// <param name="Rmse">Root mean squared error (series units).</param>
/// <param name="Mape">Mean absolute percentage error, percent.</param>
/// <param name="Smape">Symmetric MAPE, percent (0 to 200).</param>
/// <param name="Mase">Mean absolute scaled error.</param>
/// <param name="Intervals">Coverage and MSIS per interval level, in the order of the forecast's levels.</param>
public sealed record Accuracy(double Mae, double Rmse, double Mape, double Smape, double Mase, IReadOnlyList<IntervalAccuracy> Intervals)
{
    /// <summary>Scores <paramref name="forecast"/> against the first H = forecast horizon values of <paramref name="actual"/>.</summary>
    /// <param name="insample">The values the model was fitted on (for the MASE and MSIS scale).</param>
    /// <param name="seasonLength">m of the seasonal naive scale.</param>
    /// <param name="actual">The held-out values; at least as many as the horizon.</param>
    /// <param name="forecast">The forecast.</param>
    /// <exception cref="ArgumentException">Fewer actual values than the horizon.</exception>
    public static Accuracy Of(ReadOnlySpan<double> insample, int seasonLength, ReadOnlySpan<double> actual, Forecast forecast)
    {
        int h = forecast.Horizon;
        if (actual.Length < h) throw new ArgumentException($"{actual.Length} actual values for a horizon of {h}", nameof(actual));
        ReadOnlySpan<double> y = actual[..h];
        double scale = Metrics.SeasonalNaiveScale(insample, seasonLength);
        var intervals = new IntervalAccuracy[forecast.Intervals.Count];
        for (int i = 0; i < intervals.Length; i++)
        {
            PredictionInterval pi = forecast.Intervals[i];
            double score = Metrics.IntervalScore(y, pi.Lower.Span, pi.Upper.Span, pi.Level);
            intervals[i] = new IntervalAccuracy(pi.Level, Metrics.Coverage(y, pi.Lower.Span, pi.Upper.Span), scale > 0 ? score / scale : double.NaN);
        }

        double mae = Metrics.Mae(y, forecast.Mean.Span);
        return new Accuracy(mae, Metrics.Rmse(y, forecast.Mean.Span), Metrics.Mape(y, forecast.Mean.Span), Metrics.Smape(y, forecast.Mean.Span),
            scale > 0 ? mae / scale : double.NaN, intervals);
    }

    /// <summary>The mean of each measure over <paramref name="items"/>, skipping NaN; intervals are matched by level.</summary>
    /// <exception cref="ArgumentException">No items.</exception>
    public static Accuracy Mean(IReadOnlyList<Accuracy> items)
    {
        if (items.Count == 0) throw new ArgumentException("no accuracies to average", nameof(items));
        IReadOnlyList<IntervalAccuracy> first = items[0].Intervals;
        var intervals = new IntervalAccuracy[first.Count];
        for (int i = 0; i < first.Count; i++)
        {
            double level = first[i].Level;
            intervals[i] = new IntervalAccuracy(level,
                MeanOf(items, a => a.Interval(level)?.Coverage ?? double.NaN),
                MeanOf(items, a => a.Interval(level)?.Msis ?? double.NaN));
        }

        return new Accuracy(MeanOf(items, a => a.Mae), MeanOf(items, a => a.Rmse), MeanOf(items, a => a.Mape),
            MeanOf(items, a => a.Smape), MeanOf(items, a => a.Mase), intervals);
    }

    /// <summary>The interval accuracy at a level, or null when that level was not forecast.</summary>
    public IntervalAccuracy? Interval(double level)
    {
        foreach (IntervalAccuracy i in Intervals)
            if (i.Level == level) return i;
        return null;
    }

    /// <summary>The mean of the finite values of a measure; NaN when there are none.</summary>
    internal static double MeanOf<T>(IEnumerable<T> items, Func<T, double> measure)
    {
        double sum = 0;
        int count = 0;
        foreach (T item in items)
        {
            double v = measure(item);
            if (double.IsNaN(v)) continue;
            sum += v;
            count++;
        }

        return count == 0 ? double.NaN : sum / count;
    }
}

/// <summary>The accuracy of one model on one series, or why it could not be evaluated.</summary>
/// <param name="Id">The series id.</param>
/// <param name="Accuracy">The accuracy (the mean over origins for a rolling-origin evaluation), or null on failure.</param>
/// <param name="Error">Why the series could not be forecast, or null.</param>
public sealed record SeriesAccuracy(string Id, Accuracy? Accuracy, string? Error);

/// <summary>The accuracy of one model over many series.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Mean">The mean accuracy over the series that could be evaluated; null when none could.</param>
/// <param name="Series">Per series, in input order.</param>
public sealed record ModelAccuracy(string Model, Accuracy? Mean, IReadOnlyList<SeriesAccuracy> Series)
{
    /// <summary>Number of series evaluated.</summary>
    public int Evaluated => Series.Count(s => s.Accuracy is not null);

    /// <summary>Number of series that could not be forecast.</summary>
    public int Failed => Series.Count - Evaluated;

    /// <summary>
    /// The OWA of this model against <paramref name="naive2"/> (<see cref="Metrics.Owa"/>), with sMAPE and MASE averaged
    /// over the series both could evaluate; NaN when there are none or Naive2's scores are 0.
    /// </summary>
    /// <exception cref="ArgumentException">The two results are not over the same series.</exception>
    public double Owa(ModelAccuracy naive2)
    {
        if (naive2.Series.Count != Series.Count) throw new ArgumentException($"{Model} has {Series.Count} series, naive2 {naive2.Series.Count}", nameof(naive2));
        double smape = 0, mase = 0, smape2 = 0, mase2 = 0;
        int count = 0;
        for (int i = 0; i < Series.Count; i++)
        {
            if (Series[i].Id != naive2.Series[i].Id) throw new ArgumentException($"series {i + 1} is {Series[i].Id} for {Model} but {naive2.Series[i].Id} for naive2", nameof(naive2));
            if (Series[i].Accuracy is not { } a || naive2.Series[i].Accuracy is not { } b) continue;
            if (!double.IsFinite(a.Mase) || !double.IsFinite(b.Mase)) continue;
            smape += a.Smape;
            mase += a.Mase;
            smape2 += b.Smape;
            mase2 += b.Mase;
            count++;
        }

        return count == 0 || smape2 == 0 || mase2 == 0 ? double.NaN : Metrics.Owa(smape / count, mase / count, smape2 / count, mase2 / count);
    }
}
