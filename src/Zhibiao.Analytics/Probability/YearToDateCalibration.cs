namespace Zhibiao.Analytics.Probability;

/// <summary>
/// Recalibration of year-to-date P(met) by the probability integral transform (Kuleshov, Fenner and Ermon 2018): for
/// each number k of published periods, the PITs u = F̂(actual total) of the simulated year totals of earlier years
/// give the map G_k(u) = share of PITs below u; a probability of the year's total staying below t, F̂(t), becomes
/// G_k(F̂(t)). A model whose paths are too narrow, or biased, in the earlier years gets the same correction in the year
/// judged. G_k is shrunk toward the identity with a prior weight of <see cref="PriorWeight"/> PITs:
/// G_k(u) = (n·Ĝ_k(u) + n₀·u) / (n + n₀), so a k with few earlier years changes little. The map is monotone, so the
/// order of the probabilities (and of the targets) is kept.
/// </summary>
internal sealed class YearToDateCalibration
{
    /// <summary>
    /// n₀, the weight of the identity in PITs (a prior, not fitted): 10, so a k with a few hundred earlier years (the
    /// backtests' collections) takes the map nearly as it is, and one with a handful stays near the raw probability.
    /// </summary>
    public const double PriorWeight = 10;

    private readonly double[][] _pits;

    /// <summary>A calibration from the PITs of earlier years, one list per k (each sorted here).</summary>
    public YearToDateCalibration(IReadOnlyList<IReadOnlyList<double>> pits)
    {
        ArgumentNullException.ThrowIfNull(pits);
        _pits = new double[pits.Count][];
        for (int k = 0; k < pits.Count; k++)
        {
            _pits[k] = [.. pits[k]];
            Array.Sort(_pits[k]);
        }
    }

    /// <summary>PITs behind the map at k.</summary>
    public int Count(int k) => _pits[k].Length;

    /// <summary>
    /// The PIT of <paramref name="actual"/> among N simulated totals, on the scale (number below + half the number
    /// equal + ½) / (N + 1), which stays inside (0, 1): an actual beyond every path is told from one at its edge.
    /// </summary>
    public static double Pit(ReadOnlySpan<double> totals, double actual)
    {
        if (totals.Length == 0) throw new ArgumentException("no simulated totals", nameof(totals));
        double below = 0;
        foreach (double t in totals)
        {
            if (t < actual) below++;
            else if (t == actual) below += 0.5;
        }

        return (below + 0.5) / (totals.Length + 1);
    }

    /// <summary>
    /// The calibrated probability of a total below a level that <paramref name="below"/> of
    /// <paramref name="count"/> paths fall below: (n·Ĝ_k(u) + n₀·below/count) / (n + n₀), u on the PIT's scale
    /// ((below + ½)/(count + 1)); the raw share when there is no PIT at k.
    /// </summary>
    public double ProbabilityBelow(int k, int below, int count)
    {
        double raw = below / (double)count;
        int n = _pits[k].Length;
        if (n == 0) return raw;
        return ((n * Empirical(k, (below + 0.5) / (count + 1))) + (PriorWeight * raw)) / (n + PriorWeight);
    }

    /// <summary>G_k(u) = (n·Ĝ_k(u) + n₀·u) / (n + n₀); u itself when there is no PIT at k.</summary>
    public double Map(int k, double u)
    {
        if (!(u >= 0 && u <= 1)) throw new ArgumentOutOfRangeException(nameof(u), u, "a probability is in [0, 1]");
        int n = _pits[k].Length;
        if (n == 0) return u;
        return ((n * Empirical(k, u)) + (PriorWeight * u)) / (n + PriorWeight);
    }

    /// <summary>Ĝ_k(u): the share of the PITs at k below u, ties counted half.</summary>
    private double Empirical(int k, double u)
    {
        double[] v = _pits[k];
        int lo = LowerBound(v, u), hi = UpperBound(v, u);
        return (lo + (0.5 * (hi - lo))) / v.Length;
    }

    private static int LowerBound(double[] v, double x)
    {
        int a = 0, b = v.Length;
        while (a < b)
        {
            int mid = (a + b) >> 1;
            if (v[mid] < x) a = mid + 1;
            else b = mid;
        }

        return a;
    }

    private static int UpperBound(double[] v, double x)
    {
        int a = 0, b = v.Length;
        while (a < b)
        {
            int mid = (a + b) >> 1;
            if (v[mid] <= x) a = mid + 1;
            else b = mid;
        }

        return a;
    }
}
