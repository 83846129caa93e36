namespace Analytics.Forecasting.Ensemble;

/// <summary>
/// Forecast errors measured by rolling origin on training data, normalised so that series of every size and
/// volatility pool together: s_h = (y_{o+h} − ŷ_h) / (d·√h), d the series' recent mean absolute change up to the
/// origin (<see cref="Scale"/>). The pooled scores per step give calibrated (split-conformal, Vovk et al. 2005;
/// Lei et al., JASA 2018) quantiles, and whole error vectors give sample paths with the errors' correlation across
/// steps. The scale was chosen among log-growth, difference and recent-change scales by validation on the training
/// part of M3 (last values held out), never on its test files.
/// </summary>
public sealed class ErrorCalibration
{
    private readonly double[][] _vectors;
    private readonly double[][] _sorted;

    /// <summary>A calibration from error vectors (one per validated origin, each with <paramref name="horizon"/> scores).</summary>
    /// <exception cref="ArgumentException">No vectors, or a vector of another length.</exception>
    public ErrorCalibration(IReadOnlyList<double[]> vectors, int horizon)
    {
        if (vectors.Count == 0 || vectors.Any(v => v.Length != horizon)) throw new ArgumentException("calibration needs error vectors of the horizon's length", nameof(vectors));
        _vectors = [.. vectors];
        Horizon = horizon;
        _sorted = new double[horizon][];
        for (int h = 0; h < horizon; h++)
        {
            _sorted[h] = [.. _vectors.Select(v => v[h])];
            Array.Sort(_sorted[h]);
        }
    }

    /// <summary>Steps calibrated.</summary>
    public int Horizon { get; }

    /// <summary>Number of error vectors.</summary>
    public int Count => _vectors.Length;

    /// <summary>The type-7 quantile of the normalised errors at step h (steps beyond the horizon use the last one).</summary>
    public double Quantile(int h, double p) => FittedModel.Quantile(_sorted[Math.Min(h, Horizon) - 1], p);

    /// <summary>The score of a drawn vector at step h (steps beyond the horizon repeat the last).</summary>
    public double Score(double[] vector, int h) => vector[Math.Min(h, Horizon) - 1];

    /// <summary>A random whole error vector.</summary>
    public double[] Draw(Random random) => _vectors[random.Next(_vectors.Length)];

    /// <summary>Steps of recent history whose mean absolute change is the scale of a series' errors.</summary>
    public const int ScaleWindow = 6;

    /// <summary>
    /// The scale d of a series' errors: the mean absolute change |y_t − y_{t−1}| over its last
    /// <see cref="ScaleWindow"/> steps (all of them when fewer) — the MASE scale of recent history — with a floor of
    /// 1e-3 of the mean level so a constant series still has a scale.
    /// </summary>
    public static double Scale(ReadOnlySpan<double> y)
    {
        int from = Math.Max(1, y.Length - ScaleWindow);
        double sum = 0, level = 0;
        for (int t = from; t < y.Length; t++) sum += Math.Abs(y[t] - y[t - 1]);
        foreach (double v in y) level += Math.Abs(v);
        double d = y.Length > 1 ? sum / (y.Length - from) : 0;
        return Math.Max(d, 1e-3 * Math.Max(level / Math.Max(1, y.Length), 1e-12));
    }

    /// <summary>The normalised error (y − ŷ) / (d·√h) of a forecast ŷ against an actual y at step h.</summary>
    public static double Normalise(double actual, double forecast, int h, double d) => (actual - forecast) / (d * Math.Sqrt(h));

    /// <summary>The value a normalised error s means around the forecast ŷ at step h: ŷ + s·d·√h.</summary>
    public static double Apply(double forecast, double score, int h, double d) => forecast + (score * d * Math.Sqrt(h));
}
