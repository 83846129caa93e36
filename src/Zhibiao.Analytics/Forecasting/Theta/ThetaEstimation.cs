using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Theta;

/// <summary>How the trend term of a Theta model is formed.</summary>
internal enum ThetaTrend
{
    /// <summary>No trend term: simple exponential smoothing (the SES part of the standard Theta method).</summary>
    None,

    /// <summary>The full-sample regression line A_n + B_n·t (the optimised Theta model, OTM).</summary>
    Fixed,

    /// <summary>The regression line on the values up to t, A_t + B_t·t, updated as values arrive (the dynamic model, DOTM).</summary>
    Dynamic,
}

/// <summary>The estimated smoothing parameter α, initial level ℓ₀, trend weight k = 1 − 1/θ and the sum of squared one-step errors.</summary>
internal readonly record struct ThetaEstimate(double Alpha, double InitialLevel, double Weight, double Sse);

/// <summary>
/// Least-squares estimation of the Theta models of Fiorucci et al. (IJF 2016) and of simple exponential smoothing.
/// The one-step prediction is μ_t = ℓ_{t−1} + k·D_t with ℓ_t = αy_t + (1 − α)ℓ_{t−1} and
/// D_t = (1 − α)^{t−1}A + [(1 − (1 − α)^t)/α]·B (A, B the regression intercept at t = 0 and slope over t = 1..n, or
/// A_{t−1}, B_{t−1} for the dynamic model). For a given α the errors y_t − μ_t are linear in ℓ₀ and k, so those two
/// are solved exactly by least squares (k kept in its bounds), and only α is searched, by a grid and Brent's method.
/// Each evaluation is one pass over the series and allocates nothing.
/// </summary>
internal static class ThetaEstimation
{
    /// <summary>Grid points scanned over the α interval before Brent's search.</summary>
    public const int GridPoints = 11;

    /// <summary>The ordinary least-squares line y_t = A + B·t over t = 1..n: A is the intercept at t = 0, B the slope.</summary>
    public static void LinearTrend(ReadOnlySpan<double> y, out double intercept, out double slope)
    {
        int n = y.Length;
        double tMean = (n + 1) / 2.0, yMean = 0;
        foreach (double v in y) yMean += v;
        yMean /= n;
        double sxy = 0, sxx = 0;
        for (int t = 1; t <= n; t++)
        {
            double dt = t - tMean;
            sxy += dt * (y[t - 1] - yMean);
            sxx += dt * dt;
        }

        slope = sxx > 0 ? sxy / sxx : 0;
        intercept = yMean - (slope * tMean);
    }

    /// <summary>Estimates α (unless fixed), ℓ₀ (unless fixed) and k (unless fixed) by least squares.</summary>
    public static ThetaEstimate Estimate(double[] y, ThetaTrend trend, double alphaLower, double alphaUpper, double? alpha, double? initialLevel, double? weight, double weightLower, double weightUpper)
    {
        double a = 0, b = 0;
        if (trend == ThetaTrend.Fixed) LinearTrend(y, out a, out b);
        double offset = 0;
        if (initialLevel is null)
        {
            // Centring on the mean keeps the sums of squares small, so the expanded SSE does not lose digits.
            foreach (double v in y) offset += v;
            offset /= y.Length;
        }

        var objective = new Objective(y, trend, a, b, offset, initialLevel, trend == ThetaTrend.None ? 0 : weight, weightLower, weightUpper);
        double best = alpha ?? Brent.MinimizeOnGrid(ref objective, alphaLower, alphaUpper, GridPoints).X;
        double sse = objective.Evaluate(best);
        double k = objective.Weight;
        double level = initialLevel ?? objective.Level + ((1 - k) * offset);
        return new ThetaEstimate(best, level, k, sse);
    }

    /// <summary>
    /// Runs the model over <paramref name="y"/> with the given parameters: writes the one-step predictions into
    /// <paramref name="fitted"/> (μ_t, or ℓ_{t−1} alone when <paramref name="levelOnly"/>), and returns the sum of
    /// squared errors of what was written, the last level ℓ_n and the last regression coefficients A_n, B_n.
    /// </summary>
    public static double Filter(ReadOnlySpan<double> y, ThetaTrend trend, double alpha, double initialLevel, double weight, Span<double> fitted, bool levelOnly, out double lastLevel, out double lastIntercept, out double lastSlope)
    {
        double a = 0, b = 0;
        if (trend == ThetaTrend.Fixed) LinearTrend(y, out a, out b);
        double q = 1 - alpha, w = 1, level = initialLevel, sse = 0;
        var regression = new RunningRegression(y[0]);
        for (int t = 1; t <= y.Length; t++)
        {
            double d = 0;
            if (trend != ThetaTrend.None)
            {
                double g = (1 - (w * q)) / alpha;
                d = trend == ThetaTrend.Fixed ? (w * a) + (g * b) : (w * regression.Intercept) + (g * regression.Slope);
            }

            double mu = levelOnly ? level : level + (weight * d);
            fitted[t - 1] = mu;
            double e = y[t - 1] - mu;
            sse += e * e;
            level = (alpha * y[t - 1]) + (q * level);
            w *= q;
            if (trend == ThetaTrend.Dynamic) regression.Add(t, y[t - 1]);
        }

        lastLevel = level;
        lastIntercept = trend == ThetaTrend.Dynamic ? regression.Intercept : a;
        lastSlope = trend == ThetaTrend.Dynamic ? regression.Slope : b;
        return sse;
    }

    /// <summary>
    /// The regression line over y_1..y_t updated one value at a time (Fiorucci et al. 2016, eqs. for A_t, B_t):
    /// Ȳ_t = ((t − 1)Ȳ_{t−1} + y_t)/t, B_t = ((t − 2)/(t + 1))B_{t−1} + (6/(t + 1))(y_t − Ȳ_{t−1})/t,
    /// A_t = Ȳ_t − ((t + 1)/2)B_t; started with A = y_1, B = 0, which also serve as A_0, B_0 for the first prediction.
    /// </summary>
    internal struct RunningRegression(double first)
    {
        private double _mean = first;

        public double Intercept { get; private set; } = first;

        public double Slope { get; private set; }

        /// <summary>Adds y_t (t 1-based, in order).</summary>
        public void Add(int t, double y)
        {
            if (t == 1)
            {
                _mean = y;
                Slope = 0;
                Intercept = y;
                return;
            }

            Slope = ((t - 2.0) / (t + 1) * Slope) + (6.0 / (t + 1) * (y - _mean) / t);
            _mean = (((t - 1.0) * _mean) + y) / t;
            Intercept = _mean - ((t + 1) / 2.0 * Slope);
        }
    }

    /// <summary>The least-squares SSE as a function of α, with ℓ₀ and k solved exactly; the solution of the last call is kept.</summary>
    private struct Objective(double[] y, ThetaTrend trend, double a, double b, double offset, double? initialLevel, double? weight, double weightLower, double weightUpper) : IScalarObjective
    {
        private readonly double[] _y = y;

        /// <summary>ℓ₀ of the centred series y − offset at the last α evaluated.</summary>
        public double Level;

        /// <summary>k at the last α evaluated.</summary>
        public double Weight;

        public double Evaluate(double alpha)
        {
            double q = 1 - alpha, w = 1, lc = 0;
            double sww = 0, swd = 0, sdd = 0, swc = 0, sdc = 0, scc = 0;
            var regression = new RunningRegression(_y[0]);
            for (int t = 1; t <= _y.Length; t++)
            {
                double z = _y[t - 1] - offset;
                double d = 0;
                if (trend != ThetaTrend.None)
                {
                    double g = (1 - (w * q)) / alpha;
                    d = trend == ThetaTrend.Fixed ? (w * (a - offset)) + (g * b) : (w * (regression.Intercept - offset)) + (g * regression.Slope);
                }

                // e_t = c_t − w_t·ℓ₀ − k·D_t, where c_t is the error of the filter started at ℓ₀ = 0.
                double c = z - lc;
                sww += w * w;
                swd += w * d;
                sdd += d * d;
                swc += w * c;
                sdc += d * c;
                scc += c * c;
                lc = (alpha * z) + (q * lc);
                w *= q;
                if (trend == ThetaTrend.Dynamic) regression.Add(t, _y[t - 1]);
            }

            double l0, k;
            if (initialLevel is { } fixedLevel)
            {
                l0 = fixedLevel;
                k = weight ?? (sdd > 0 ? Math.Clamp((sdc - (l0 * swd)) / sdd, weightLower, weightUpper) : 0.5);
            }
            else if (weight is { } fixedWeight)
            {
                k = fixedWeight;
                l0 = (swc - (k * swd)) / sww;
            }
            else
            {
                double det = (sww * sdd) - (swd * swd);
                if (det > 1e-10 * sww * sdd)
                {
                    l0 = ((swc * sdd) - (swd * sdc)) / det;
                    k = ((sww * sdc) - (swd * swc)) / det;
                    if (k < weightLower || k > weightUpper)
                    {
                        k = Math.Clamp(k, weightLower, weightUpper);
                        l0 = (swc - (k * swd)) / sww;
                    }
                }
                else
                {
                    // No trend to weigh (B = 0): k does not change the fit; take the standard θ = 2.
                    k = Math.Clamp(0.5, weightLower, weightUpper);
                    l0 = (swc - (k * swd)) / sww;
                }
            }

            Level = l0;
            Weight = k;
            double sse = scc - (2 * l0 * swc) - (2 * k * sdc) + (l0 * l0 * sww) + (2 * l0 * k * swd) + (k * k * sdd);
            return Math.Max(0, sse);
        }
    }
}
