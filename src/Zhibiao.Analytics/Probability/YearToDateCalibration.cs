using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Probability;

/// <summary>
/// Calibration of the simulated year totals of one series on its own earlier years (conformal in spirit): each of
/// the <see cref="Years"/> years before the year judged is judged the same way after k published periods (the model
/// chosen on the history before that year, refitted on everything published), and the error of its actual total is
/// measured on the scale of its paths. The remaining part of the year, R = total − published (its logarithm when every
/// path's R and the actual's are positive), has median M and half-spread H = (Q(0.8413) − Q(0.1587))/2 over the paths;
/// the error is z = (R_actual − M)/H and the model's own mean square of it E = mean over paths of ((R − M)/H)². The year
/// judged's paths at k are then moved and stretched about their median: R' = M + b·H + s·(R − M), with
/// s² = (n₀ + Σ z²/E)/(n₀ + n) and b = Σ z/(n_b + n) over the n earlier years with an error at k — paths too narrow
/// in the earlier years (|z| large) are widened, too wide ones narrowed, a bias repeated is shifted, and with no
/// earlier year the paths stay as they are. Only years before the year judged are read.
/// </summary>
/// <remarks>
/// The number of years (2) and the prior weights n₀ = 2 (scale) and n_b = 5 (shift) were chosen on M3 monthly (every
/// fourth series, as benchmarks/results/year-to-date.sh takes it) by the lowest mean Brier score over k = 0..11 among
/// 1–3 years, n₀ ∈ {1, 2, 4, 8} and n_b ∈ {2, 3, 5, 10, no shift}; never on the collections the figures report
/// (docs/year-to-date.md).
/// </remarks>
internal static class YearToDateCalibration
{
    /// <summary>Earlier years of the series that calibrate the year judged (2).</summary>
    public const int Years = 2;

    /// <summary>n₀: the weight, in years, of a scale of 1 (the paths as they are): 2.</summary>
    public const double ScalePrior = 2;

    /// <summary>n_b: the weight, in years, of no shift: 5.</summary>
    public const double ShiftPrior = 5;

    /// <summary>Years of history a series needs before an earlier year for that year to calibrate (2).</summary>
    public const int HistoryYears = 2;

    /// <summary>
    /// The error of an earlier year's actual total on the scale of its paths: z = (R_actual − M)/H and the paths'
    /// own mean of ((R − M)/H)²; null when the paths have no spread (H = 0) or a value is not finite.
    /// </summary>
    /// <param name="totals">The simulated year totals (published + remaining periods), one per path.</param>
    /// <param name="published">The year-to-date total published (the same in every path).</param>
    /// <param name="actual">The year's actual total.</param>
    public static (double Z, double MeanSquare)? Error(ReadOnlySpan<double> totals, double published, double actual)
    {
        if (totals.Length == 0 || !double.IsFinite(actual)) return null;
        double[] x = Remaining(totals, published, actual - published, out bool log);
        double a = log ? Math.Log(actual - published) : actual - published;
        (double median, double half) = Centre(x);
        if (!(half > 0) || !double.IsFinite(half)) return null;
        double sq = 0;
        foreach (double v in x) sq += ((v - median) / half) * ((v - median) / half);
        return ((a - median) / half, sq / x.Length);
    }

    /// <summary>s = √((n₀ + Σ z²/E)/(n₀ + n)) and b = Σ z/(n_b + n) from the earlier years' errors; (1, 0) without any.</summary>
    public static (double Scale, double Shift) Correction(IEnumerable<(double Z, double MeanSquare)> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        double sq = 0, sum = 0;
        int n = 0;
        foreach ((double z, double e) in errors)
        {
            sq += z * z / e;
            sum += z;
            n++;
        }

        return (Math.Sqrt((ScalePrior + sq) / (ScalePrior + n)), sum / (ShiftPrior + n));
    }

    /// <summary>
    /// The year totals with their remaining part moved and stretched about its median: R' = M + b·H + s·(R − M), on the
    /// log scale when every path's remaining part is positive; the totals as they are when s = 1 and b = 0, or the paths
    /// have no spread.
    /// </summary>
    public static double[] Adjust(ReadOnlySpan<double> totals, double published, (double Scale, double Shift) correction)
    {
        (double s, double b) = correction;
        if (s == 1 && b == 0) return totals.ToArray();
        double[] x = Remaining(totals, published, 1, out bool log);
        (double median, double half) = Centre(x);
        if (!(half > 0) || !double.IsFinite(half)) return totals.ToArray();
        var adjusted = new double[totals.Length];
        for (int p = 0; p < adjusted.Length; p++)
        {
            double y = median + (b * half) + (s * (x[p] - median));
            adjusted[p] = published + (log ? Math.Exp(y) : y);
        }

        return adjusted;
    }

    /// <summary>The remaining parts R = total − published in path order, as logarithms when they and <paramref name="other"/> are all positive.</summary>
    private static double[] Remaining(ReadOnlySpan<double> totals, double published, double other, out bool log)
    {
        var r = new double[totals.Length];
        log = other > 0;
        for (int p = 0; p < r.Length; p++)
        {
            r[p] = totals[p] - published;
            if (!(r[p] > 0)) log = false;
        }

        if (log)
            for (int p = 0; p < r.Length; p++) r[p] = Math.Log(r[p]);
        return r;
    }

    /// <summary>The median and half the 15.87–84.13% range (one standard deviation of a normal) of the values.</summary>
    private static (double Median, double Half) Centre(double[] x)
    {
        double[] sorted = [.. x];
        Array.Sort(sorted);
        return (FittedModel.Quantile(sorted, 0.5), (FittedModel.Quantile(sorted, 0.8413) - FittedModel.Quantile(sorted, 0.1587)) / 2);
    }
}
