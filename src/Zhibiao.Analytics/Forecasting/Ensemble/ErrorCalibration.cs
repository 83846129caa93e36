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
/// on the training part of M3 (last values held out), never on its test files. Two corrections learned from the batch
/// carry the validation errors to the forecast origin: to the whole history (<see cref="EstimateLengthExponent"/>)
/// and to the latest values, step by step (<see cref="RecencyFactor"/>); both were chosen on eight collections
/// (README, "The default: auto") and checked on series of one process, where they leave the calibration as it was.
/// </summary>
internal sealed class ErrorCalibration
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

    /// <summary>The exponent a by which the vectors were scaled to the series' whole length (<see cref="EstimateLengthExponent"/>; 0: not scaled).</summary>
    public double LengthExponent { get; init; }

    /// <summary>The recency factors c_k the vectors were scaled by at each step (<see cref="RecencyFactor"/>; empty: not scaled).</summary>
    public IReadOnlyList<double> RecencyFactors { get; init; } = [];

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

    /// <summary>
    /// How much a batch's validation errors shrink with the history, from its cross-section: b, the least-squares
    /// slope of ln(mean |s|) on ln n over series (n the values before a series' validation origins, mean |s| its mean
    /// absolute normalised error there), and a = −b·max(0, 1 − se(b)²/b²) for b &lt; 0, at most 1, else 0: the slope
    /// shrunk toward zero by its noise (the positive-part James–Stein factor), so a batch of few or alike series that
    /// barely shows the effect hardly uses it. An error from n values then stands for one from the series' L values as s·(n / L)^a, since
    /// validation forecasts start h values before the end, from less history than the forecast itself. Zero where
    /// errors do not shrink with the history: series of one length, and series of one process whatever their length
    /// (slope −0.005 on lengths 15–60 in <c>benchmarks/auto-recipes.cs simulate</c>). On the training parts of the
    /// eight collections of the README, a = 0.42 (tourism monthly), 0.33 (M3 quarterly), 0.29 (tourism quarterly),
    /// 0.13 (M1 monthly), 0.08 (M1 quarterly), 0.04 (M3 yearly), and 0 on M3 monthly and other, whose errors grow
    /// with the history (<c>benchmarks/auto-recipes.cs origins</c>). Series whose mean |s| is not positive and finite are left out of
    /// the fit; with fewer than three left, or one length only, a = 0.
    /// </summary>
    /// <param name="lengths">Per series, the mean number of values before its validation origins.</param>
    /// <param name="meanAbsoluteScores">Per series, the mean absolute normalised error at those origins.</param>
    /// <exception cref="ArgumentException">The two spans differ in length.</exception>
    public static double EstimateLengthExponent(ReadOnlySpan<double> lengths, ReadOnlySpan<double> meanAbsoluteScores)
    {
        if (lengths.Length != meanAbsoluteScores.Length) throw new ArgumentException($"{lengths.Length} lengths but {meanAbsoluteScores.Length} mean errors", nameof(meanAbsoluteScores));
        int n = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < lengths.Length; i++)
            if (Usable(lengths[i], meanAbsoluteScores[i]))
            {
                n++;
                sx += Math.Log(lengths[i]);
                sy += Math.Log(meanAbsoluteScores[i]);
            }

        if (n < 3) return 0;
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = 0; i < lengths.Length; i++)
            if (Usable(lengths[i], meanAbsoluteScores[i]))
            {
                double dx = Math.Log(lengths[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.Log(meanAbsoluteScores[i]) - my);
            }

        if (sxx <= 1e-12) return 0;
        double slope = sxy / sxx, rss = 0;
        for (int i = 0; i < lengths.Length; i++)
            if (Usable(lengths[i], meanAbsoluteScores[i]))
            {
                double r = Math.Log(meanAbsoluteScores[i]) - my - (slope * (Math.Log(lengths[i]) - mx));
                rss += r * r;
            }

        double variance = rss / (n - 2) / sxx;
        return slope < 0 ? Math.Clamp(-slope * Math.Max(0, 1 - (variance / (slope * slope))), 0, 1) : 0;

        static bool Usable(double length, double score) => length > 0 && double.IsFinite(length) && score > 0 && double.IsFinite(score);
    }

    /// <summary>
    /// How much easier or harder the latest values were to forecast k steps ahead than the values the validation
    /// forecasts fall on: c_k = q(|latest|) / q(|at validation|), q the 95% quantile, over the batch's normalised
    /// errors of the seasonal naive forecast at step k (<see cref="NaiveScore"/>) from the latest origins that see
    /// step k (k, k + 1, … values before the end) and from the validation origins (h, h + 1, … before it). The validation
    /// errors at step k are multiplied by c_k. The seasonal naive needs no fit, so the factor costs nothing and
    /// measures the data alone; nearer origins are the better guide to the next values when a collection's
    /// difficulty drifts (non-exchangeable conformal prediction weighs recent errors more: Barber et al., Annals of
    /// Statistics 2023). On the eight collections of the README it brought every 95% coverage into 0.937–0.965 (M1
    /// monthly 0.974 → 0.953, M3 monthly 0.965 → 0.945) and lowered MSIS on seven of them (M3 other +1.1%). 1 when
    /// either side has fewer than <paramref name="minimum"/> finite errors or a quantile that is not positive.
    /// </summary>
    /// <param name="latest">Normalised naive errors at step k from the latest origins.</param>
    /// <param name="atValidation">Normalised naive errors at step k from the validation origins.</param>
    /// <param name="minimum">Fewest finite errors on each side.</param>
    public static double RecencyFactor(IEnumerable<double> latest, IEnumerable<double> atValidation, int minimum)
    {
        double[] a = [.. latest.Where(double.IsFinite).Select(Math.Abs).Order()], b = [.. atValidation.Where(double.IsFinite).Select(Math.Abs).Order()];
        if (a.Length < Math.Max(1, minimum) || b.Length < Math.Max(1, minimum)) return 1;
        double top = FittedModel.Quantile(a, 0.95), bottom = FittedModel.Quantile(b, 0.95);
        return top > 0 && bottom > 0 ? top / bottom : 1;
    }

    /// <summary>
    /// The normalised error (y_{n+k} − ŷ_k) / (d·√k) of the seasonal naive forecast from the first n values of y at step
    /// k: ŷ_k = y_{n−m+((k−1) mod m)}, m the season length when n &gt; m, else 1 (the naive forecast).
    /// </summary>
    /// <param name="y">The series (at least n + k values).</param>
    /// <param name="n">Values before the origin.</param>
    /// <param name="k">The step.</param>
    /// <param name="seasonLength">Periods per season.</param>
    /// <param name="d">The scale at the origin (<see cref="Scale"/>).</param>
    public static double NaiveScore(ReadOnlySpan<double> y, int n, int k, int seasonLength, double d)
    {
        int lag = n > seasonLength ? Math.Max(1, seasonLength) : 1;
        return Normalise(y[n + k - 1], y[n - lag + ((k - 1) % lag)], k, d);
    }

    /// <summary>The normalised error (y − ŷ) / (d·√h) of a forecast ŷ against an actual y at step h.</summary>
    public static double Normalise(double actual, double forecast, int h, double d) => (actual - forecast) / (d * Math.Sqrt(h));

    /// <summary>The value a normalised error s means around the forecast ŷ at step h: ŷ + s·d·√h.</summary>
    public static double Apply(double forecast, double score, int h, double d) => forecast + (score * d * Math.Sqrt(h));
}
