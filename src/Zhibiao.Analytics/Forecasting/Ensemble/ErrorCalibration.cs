namespace Zhibiao.Analytics.Forecasting.Ensemble;

/// <summary>
/// Forecast errors measured by rolling origin on training data, normalised so that series of every size and
/// volatility pool together: s_h = (y_{o+h} − ŷ_h) / (d·√h), d the series' recent mean absolute (seasonal) change up
/// to the origin (<see cref="Scale"/>). The pooled scores per step give calibrated quantiles (split conformal
/// prediction, Vovk et al. 2005; Lei et al., JASA 2018), and whole error vectors give sample paths with the errors'
/// correlation across steps. The errors are pooled with their mirror images, as split conformal prediction pools
/// absolute residuals: the sign of the errors just before the forecast origin is a matter of the period (series of one
/// calendar share their cycle), and carrying it forward made the held-out probabilities worse. These choices — the
/// scale among log-growth, difference, recent and seasonal-change scales; symmetric errors — were made by validation
/// on the training part of M3 (last values held out), never on its test files.
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
        _vectors = [.. vectors, .. vectors.Select(v => v.Select(x => -x).ToArray())];
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

    /// <summary>
    /// The scale d of a series' errors: the mean absolute seasonal change |y_t − y_{t−m}| (m = 1 for yearly data) over
    /// its last max(6, 2m) steps — the MASE scale of recent history — with a floor of 1e-3 of the mean level so a
    /// constant series still has a scale. A series of no more than m values uses changes from one step to the next.
    /// </summary>
    public static double Scale(ReadOnlySpan<double> y, int seasonLength = 1)
    {
        int lag = y.Length > seasonLength ? Math.Max(1, seasonLength) : 1;
        int from = Math.Max(lag, y.Length - Math.Max(6, 2 * lag));
        double sum = 0, level = 0;
        for (int t = from; t < y.Length; t++) sum += Math.Abs(y[t] - y[t - lag]);
        foreach (double v in y) level += Math.Abs(v);
        double d = y.Length > lag ? sum / (y.Length - from) : 0;
        return Math.Max(d, 1e-3 * Math.Max(level / Math.Max(1, y.Length), 1e-12));
    }

    /// <summary>The normalised error (y − ŷ) / (d·√h) of a forecast ŷ against an actual y at step h.</summary>
    public static double Normalise(double actual, double forecast, int h, double d) => (actual - forecast) / (d * Math.Sqrt(h));

    /// <summary>The value a normalised error s means around the forecast ŷ at step h: ŷ + s·d·√h.</summary>
    public static double Apply(double forecast, double score, int h, double d) => forecast + (score * d * Math.Sqrt(h));
}
