using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Zhibiao.Analytics.Forecasting.Ssa;

/// <summary>
/// Stabilises a linear recurrence y_t = Σ_j a_j·y_{t−m+j} (m = L − 1 lags) through the roots of its characteristic
/// polynomial x^m − Σ_j a_j·x^j, following the rules of ML.NET's SSA forecaster: seasonal roots whose period is
/// longer than the window become real (a polynomial trend), exponential trends are damped to 0.99 when a polynomial
/// trend is present, and every root at or above the largest real trend magnitude is pulled down to it (high
/// frequencies to the midpoint between it and 1). The coefficients are then rebuilt from the roots.
/// Three deliberate differences from ML.NET, all about roots the eigenvalue solver finds only to rounding:
/// <list type="bullet">
/// <item>magnitudes within 1e-6 of 1 count as on the unit circle (ML.NET compares with 1 exactly, so a level or a
/// sinusoid whose root comes out as 1 + 4e-16 is taken for an exponential trend and damped to 0.99);</item>
/// <item>the two real roots merged into a linear trend (both set to 1) are not then damped to 0.99 (ML.NET damps the
/// explosive ones, so an exact linear trend whose double root the solver splits into 1 ± 1e-8 gets a damped slope);</item>
/// <item>the coefficients are rebuilt by multiplying out Π(x − r) in complex double precision, accepting conjugate
/// pairs equal to rounding, where ML.NET requires exact pairs (and otherwise leaves the recurrence unstabilised).</item>
/// </list>
/// </summary>
internal static class Stabilizer
{
    private const double PhaseTolerance = 1e-9;

    /// <summary>Magnitudes within this of 1 count as on the unit circle (ML.NET compares exactly; see the class remarks).</summary>
    private const double UnitTolerance = 1e-6;
    private const double HighFrequency = Math.PI / 2;

    /// <summary>Stabilises <paramref name="a"/> in place; false (and <paramref name="a"/> unchanged) when the roots cannot be found or recombined.</summary>
    /// <param name="a">The recurrence coefficients, a[j] multiplying the value m − j steps back.</param>
    /// <param name="maxGrowthRatio">The largest growth factor per step an exponential trend may keep.</param>
    public static bool TryStabilize(double[] a, double maxGrowthRatio)
    {
        int m = a.Length;
        if (m == 1)
        {
            a[0] = Math.Clamp(a[0], -1, 1);
            return true;
        }

        Complex[]? roots = Roots(a);
        if (roots is null) return false;
        int window = m + 1;

        var trend = new List<int>();
        for (int i = 0; i < m; i++)
            if (IsExplosive(roots[i]) && (IsPositiveReal(roots[i]) || IsNegativeReal(roots[i]))) trend.Add(i);

        // Seasonalities with a period longer than the window cannot have been observed: they become real roots.
        bool polynomialTrend = false;
        var seasonal = new List<(double Phase, int Index)>();
        for (int i = 0; i < m; i++)
        {
            double phase = roots[i].Phase;
            if (phase == 0) continue;
            if (roots[i].Magnitude >= 1 - UnitTolerance && 2 * Math.PI / Math.Abs(phase) > window)
            {
                roots[i] = new Complex(roots[i].Real, 0);
                polynomialTrend = true;
            }
            else if (IsExplosive(roots[i]))
            {
                seasonal.Add((phase, i));
            }
        }

        (int First, int Second) merged = (-1, -1);
        if (maxGrowthRatio > 1)
        {
            if (seasonal.Count > 1 && polynomialTrend) MergeCloseSeasonalRoots(roots, seasonal);
            if (!polynomialTrend)
            {
                merged = MergeExponentialTrends(roots, trend);
                polynomialTrend = merged.First >= 0;
            }
        }

        double maxTrend;
        if (polynomialTrend)
        {
            // Damp the exponential trends to 0.99 — except the two roots just merged into the linear trend, which
            // ML.NET damps too (its trend list still holds them), turning an exact linear trend into a damped one.
            maxTrend = Math.Min(1, maxGrowthRatio);
            foreach (int i in trend)
                if (i != merged.First && i != merged.Second) roots[i] = Complex.FromPolarCoordinates(0.99, roots[i].Phase);
        }
        else
        {
            maxTrend = double.NegativeInfinity;
            for (int i = 0; i < m; i++)
                if (IsExplosive(roots[i]) && IsPositiveReal(roots[i])) maxTrend = Math.Max(maxTrend, roots[i].Magnitude);
            if (double.IsNegativeInfinity(maxTrend)) maxTrend = 1;
            maxTrend = Math.Min(maxTrend, maxGrowthRatio);
        }

        // Squeeze every root to at most the trend magnitude; high frequencies to the midpoint between it and 1.
        double smallTrend = Math.Min(maxTrend, (maxTrend + 1) / 2);
        for (int i = 0; i < m; i++)
        {
            if (roots[i].Magnitude < maxTrend) continue;
            double phase = roots[i].Phase;
            bool high = (phase > HighFrequency && phase < Math.PI - PhaseTolerance) || (phase > -Math.PI + PhaseTolerance && phase < -HighFrequency);
            roots[i] = Complex.FromPolarCoordinates(high ? smallTrend : maxTrend, phase);
        }

        // Snap nearly real roots onto the real axis.
        for (int i = 0; i < m; i++)
        {
            if (IsPositiveReal(roots[i])) roots[i] = new Complex(roots[i].Magnitude, 0);
            else if (IsNegativeReal(roots[i])) roots[i] = new Complex(-roots[i].Magnitude, 0);
        }

        double[]? rebuilt = Coefficients(roots);
        if (rebuilt is null) return false;
        for (int j = 0; j < m; j++) a[j] = -rebuilt[j];
        return true;
    }

    /// <summary>
    /// The roots of x^m + Σ_j c_j·x^j with c_j = −a_j: zero roots for leading zero coefficients (placed last), the
    /// closed forms for degrees 1 and 2, else the eigenvalues of the companion matrix; null if they are not finite.
    /// </summary>
    internal static Complex[]? Roots(ReadOnlySpan<double> a)
    {
        int m = a.Length;
        var roots = new Complex[m];
        int zeros = 0;
        while (zeros < m && a[zeros] == 0) zeros++;
        int degree = m - zeros;
        if (degree == 0) return roots;
        if (degree == 1)
        {
            roots[0] = new Complex(a[zeros], 0);
        }
        else if (degree == 2)
        {
            double b = -a[zeros + 1];
            double c = -a[zeros];
            double delta = (b * b) - (4 * c);
            double sqrt = Math.Sqrt(Math.Abs(delta));
            if (delta >= 0)
            {
                roots[0] = new Complex((-b + sqrt) / 2, 0);
                roots[1] = new Complex((-b - sqrt) / 2, 0);
            }
            else
            {
                roots[0] = new Complex(-b / 2, sqrt / 2);
                roots[1] = new Complex(-b / 2, -sqrt / 2);
            }
        }
        else
        {
            // Frobenius companion matrix: ones below the diagonal, the negated coefficients in the last column.
            Matrix<double> companion = Matrix<double>.Build.Dense(degree, degree);
            for (int i = 1; i < degree; i++) companion[i, i - 1] = 1;
            for (int i = 0; i < degree; i++) companion[i, degree - 1] = a[zeros + i];
            MathNet.Numerics.LinearAlgebra.Vector<Complex> eigenvalues = companion.Evd(Symmetricity.Asymmetric).EigenValues;
            for (int i = 0; i < degree; i++) roots[i] = eigenvalues[i];
        }

        foreach (Complex r in roots)
            if (!double.IsFinite(r.Real) || !double.IsFinite(r.Imaginary)) return null;
        return roots;
    }

    /// <summary>
    /// The monic polynomial Π(x − r_i) as coefficients c_0..c_{m−1} of x^0..x^{m−1}; null when the product is not
    /// real (roots not in conjugate pairs) or not finite.
    /// </summary>
    internal static double[]? Coefficients(ReadOnlySpan<Complex> roots)
    {
        int m = roots.Length;
        var p = new Complex[m + 1];
        p[0] = Complex.One;
        for (int k = 0; k < m; k++)
        {
            // Multiply the degree-k polynomial p by (x − r).
            Complex r = roots[k];
            for (int j = k + 1; j >= 1; j--) p[j] = p[j - 1] - (r * p[j]);
            p[0] = -r * p[0];
        }

        double scale = 1;
        foreach (Complex c in p) scale = Math.Max(scale, Math.Abs(c.Real));
        var result = new double[m];
        for (int j = 0; j < m; j++)
        {
            if (!double.IsFinite(p[j].Real) || Math.Abs(p[j].Imaginary) > 1e-8 * scale) return null;
            result[j] = p[j].Real;
        }

        return result;
    }

    private static bool IsExplosive(Complex r) => r.Magnitude > 1 + UnitTolerance;

    private static bool IsPositiveReal(Complex r) => Math.Abs(r.Phase) <= PhaseTolerance;

    private static bool IsNegativeReal(Complex r) => Math.Abs(Math.Abs(r.Phase) - Math.PI) <= PhaseTolerance;

    /// <summary>
    /// Averages the magnitude and phase of explosive seasonal roots whose phases lie within 0.05 of each other
    /// (on the same side of the real axis); as in ML.NET, the last group in phase order is left as it is.
    /// </summary>
    private static void MergeCloseSeasonalRoots(Complex[] roots, List<(double Phase, int Index)> seasonal)
    {
        seasonal.Sort((x, y) => x.Phase.CompareTo(y.Phase));
        int count = seasonal.Count;
        var group = new int[count];
        int current = 0;
        for (int i = 0; i < count - 1; i++)
        {
            double p = seasonal[i].Phase;
            double q = seasonal[i + 1].Phase;
            if ((p < 0 && q < 0) || (p > 0 && q > 0))
            {
                group[i] = current;
                if (Math.Abs(q - p) > 0.05) current++;
                group[i + 1] = current;
            }
            else
            {
                current++;
            }
        }

        int start = 0;
        for (int i = 1; i < count; i++)
        {
            if (group[i] == group[i - 1]) continue;
            if (i - start > 1)
            {
                double phase = 0;
                double magnitude = 0;
                for (int j = start; j < i; j++)
                {
                    phase += seasonal[j].Phase;
                    magnitude += roots[seasonal[j].Index].Magnitude;
                }

                phase /= i - start;
                magnitude /= i - start;
                for (int j = start; j < i; j++) roots[seasonal[j].Index] = Complex.FromPolarCoordinates(magnitude, phase);
            }

            start = i;
        }
    }

    /// <summary>
    /// Two real positive roots, one explosive (&gt; 1) and another of magnitude at least 0.9, make a linear trend:
    /// both are set to 1. Returns their indices, or (−1, −1) when there is no such pair.
    /// </summary>
    private static (int First, int Second) MergeExponentialTrends(Complex[] roots, List<int> trend)
    {
        int first = -1;
        foreach (int i in trend)
        {
            if (IsPositiveReal(roots[i]))
            {
                first = i;
                break;
            }
        }

        if (first < 0) return (-1, -1);
        for (int i = 0; i < roots.Length; i++)
        {
            if (i == first || !IsPositiveReal(roots[i]) || roots[i].Magnitude < 0.9) continue;
            roots[first] = Complex.One;
            roots[i] = Complex.One;
            return (first, i);
        }

        return (-1, -1);
    }
}
