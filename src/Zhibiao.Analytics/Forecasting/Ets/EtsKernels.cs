using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// The likelihood of non-seasonal ETS models with additive or no trend (ANN, AAN, AAdN, MNN, MAN, MAdN) at four
/// parameter points at once, one per SIMD lane (lane by lane with the same operations where AVX2 and FMA are
/// missing). The recursion is written on the one-step forecast T_t = ℓ_(t−1) + φb_(t−1), which shortens the chain of
/// dependent operations per step: T_(t+1) = (1 − c)T_t + (c y_t + φ²b_(t−1)), c = α + φβ, and
/// b_t = (φb_(t−1) + βy_t) − βT_t (the error-correction form of Hyndman et al. 2008, Table 2.3, rearranged).
/// Σ log|T_t| is kept as a product renormalised to [1, 2) at every step with its binary exponents summed, so no
/// logarithm is taken inside the loop. A point's value does not depend on the other points of the call.
/// </summary>
internal static class EtsKernels
{
    /// <summary>Lanes per call.</summary>
    public const int Width = 4;

    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong ExponentOne = 0x3FF0_0000_0000_0000UL;

    /// <summary>
    /// n log Σe² (+ 2Σ log|T| for multiplicative error) for four points into <paramref name="lik"/>. The points are
    /// coordinate-major in <paramref name="points"/> (coordinate i of point k at [4i + k]); <paramref name="rows"/>
    /// gives the coordinate of α, β, φ, ℓ₀, b₀, or −1 to take <paramref name="fixedValues"/> (β, φ, b₀ are ignored
    /// without trend). NaN becomes +∞, and so does a point whose β is outside [<paramref name="betaLower"/>, min(α,
    /// <paramref name="betaUpper"/>)] when β is estimated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NonSeasonal(ReadOnlySpan<double> y, ReadOnlySpan<double> points, ReadOnlySpan<int> rows, ReadOnlySpan<double> fixedValues,
        bool trend, bool multiplicative, double floor, Span<double> lik, double betaLower = double.NegativeInfinity, double betaUpper = double.PositiveInfinity)
    {
        Vector256<double> alpha = Lane(points, rows[0], fixedValues[0]);
        Vector256<double> beta = trend ? Lane(points, rows[1], fixedValues[1]) : Vector256<double>.Zero;
        Vector256<double> phi = trend ? Lane(points, rows[2], fixedValues[2]) : Vector256<double>.Zero;
        Vector256<double> level = Lane(points, rows[3], fixedValues[3]);
        Vector256<double> slope = trend ? Lane(points, rows[4], fixedValues[4]) : Vector256<double>.Zero;
        (Vector256<double> sse, Vector256<double> product, Vector256<double> exponent) = Fma.IsSupported && Avx2.IsSupported
            ? Vectorised(y, alpha, beta, phi, level, slope, multiplicative)
            : Scalar(y, alpha, beta, phi, level, slope, multiplicative);
        Vector256<double> n = Vector256.Create((double)y.Length);
        Vector256<double> result;
        if (multiplicative)
        {
            (Vector256<double> logSse, Vector256<double> logMantissa) = Log2(Vector256.Max(sse, Vector256.Create(1e-300)), product);
            Vector256<double> logs = logMantissa + (exponent * Vector256.Create(Math.Log(2)));
            result = (n * logSse) + (logs + logs);
        }
        else
        {
            result = n * Log(Vector256.Max(sse, Vector256.Create(floor)));
        }

        Vector256<double> ok = Vector256.Equals(result, result);
        if (trend && rows[1] >= 0)
            ok &= Vector256.GreaterThanOrEqual(beta, Vector256.Create(betaLower)) & Vector256.LessThanOrEqual(beta, Vector256.Min(alpha, Vector256.Create(betaUpper)));
        Vector256.ConditionalSelect(ok, result, Vector256.Create(double.PositiveInfinity)).CopyTo(lik);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lane(ReadOnlySpan<double> points, int row, double fixedValue) =>
        row < 0 ? Vector256.Create(fixedValue) : Vector256.Create<double>(points.Slice(Width * row, Width));

    /// <summary>The logarithms of two vectors (in one 512-bit operation where that is accelerated).</summary>
    private static (Vector256<double> A, Vector256<double> B) Log2(Vector256<double> a, Vector256<double> b)
    {
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> both = Vector512.Log(Vector512.Create(a, b));
            return (both.GetLower(), both.GetUpper());
        }
#endif
        return (Log(a), Log(b));
    }

    private static Vector256<double> Log(Vector256<double> x)
    {
#if NET9_0_OR_GREATER
        return Vector256.Log(x);
#else
        return Vector256.Create(Math.Log(x.GetElement(0)), Math.Log(x.GetElement(1)), Math.Log(x.GetElement(2)), Math.Log(x.GetElement(3)));
#endif
    }

    /// <summary>
    /// The recursion two steps at a time: with s_t = (T_t, b_(t−1)), s_(t+1) = M s_t + g y_t where
    /// M = [[1 − c, φ²], [−β, φ]] and g = (c, β); the even and odd times form two chains s_(t+2) = M² s_t + M g y_t + g y_(t+1),
    /// which halves the chain of dependent operations per step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Sse, Vector256<double> Product, Vector256<double> Exponent) Vectorised(ReadOnlySpan<double> y, Vector256<double> a, Vector256<double> bt, Vector256<double> ph,
        Vector256<double> level, Vector256<double> b, bool multiplicative)
    {
        int n = y.Length;
        Vector256<double> c = a + (ph * bt);
        Vector256<double> keep = Vector256<double>.One - c, phi2 = ph * ph, negBeta = -bt;

        // M² and M g.
        Vector256<double> m11 = (keep * keep) - (phi2 * bt), m12 = (keep * phi2) + (phi2 * ph);
        Vector256<double> m21 = -((bt * keep) + (ph * bt)), m22 = phi2 - (bt * phi2);
        Vector256<double> v1 = (keep * c) + (phi2 * bt), v2 = (ph * bt) - (bt * c);

        Vector256<double> te = level + (ph * b), be = b;
        Vector256<double> y0 = Vector256.Create(n > 0 ? y[0] : 0);
        Vector256<double> to = Fma.MultiplyAdd(keep, te, Fma.MultiplyAdd(phi2, be, c * y0));
        Vector256<double> bo = Fma.MultiplyAdd(negBeta, te, Fma.MultiplyAdd(ph, be, bt * y0));
        Vector256<double> sse = Vector256<double>.Zero, sse2 = Vector256<double>.Zero;
        Vector256<double> product = Vector256<double>.One;
        Vector256<ulong> exponents = Vector256<ulong>.Zero;
        Vector256<ulong> mantissa = Vector256.Create(MantissaMask), one = Vector256.Create(ExponentOne);
        int t = 0;
        for (; t + 1 < n; t += 2)
        {
            Vector256<double> ya = Vector256.Create(y[t]), yb = Vector256.Create(y[t + 1]);
            Vector256<double> yc = Vector256.Create(t + 2 < n ? y[t + 2] : 0);
            Vector256<double> ue = ya - te, uo = yb - to;
            if (multiplicative)
            {
                Vector256<double> ee = ue / te, eo = uo / to;
                sse = Fma.MultiplyAdd(ee, ee, sse);
                sse2 = Fma.MultiplyAdd(eo, eo, sse2);
                product *= Vector256.Abs(te);
                Vector256<ulong> bits = product.AsUInt64();
                exponents += Vector256.ShiftRightLogical(bits, 52);
                product = ((bits & mantissa) | one).AsDouble() * Vector256.Abs(to);
                bits = product.AsUInt64();
                exponents += Vector256.ShiftRightLogical(bits, 52);
                product = ((bits & mantissa) | one).AsDouble();
            }
            else
            {
                sse = Fma.MultiplyAdd(ue, ue, sse);
                sse2 = Fma.MultiplyAdd(uo, uo, sse2);
            }

            Vector256<double> ke1 = Fma.MultiplyAdd(v1, ya, c * yb), ke2 = Fma.MultiplyAdd(v2, ya, bt * yb);
            Vector256<double> ko1 = Fma.MultiplyAdd(v1, yb, c * yc), ko2 = Fma.MultiplyAdd(v2, yb, bt * yc);
            Vector256<double> te2 = Fma.MultiplyAdd(m11, te, Fma.MultiplyAdd(m12, be, ke1));
            Vector256<double> be2 = Fma.MultiplyAdd(m21, te, Fma.MultiplyAdd(m22, be, ke2));
            Vector256<double> to2 = Fma.MultiplyAdd(m11, to, Fma.MultiplyAdd(m12, bo, ko1));
            Vector256<double> bo2 = Fma.MultiplyAdd(m21, to, Fma.MultiplyAdd(m22, bo, ko2));
            te = te2;
            be = be2;
            to = to2;
            bo = bo2;
        }

        if (t < n)
        {
            Vector256<double> ue = Vector256.Create(y[t]) - te;
            if (multiplicative)
            {
                Vector256<double> ee = ue / te;
                sse = Fma.MultiplyAdd(ee, ee, sse);
                product *= Vector256.Abs(te);
                Vector256<ulong> bits = product.AsUInt64();
                exponents += Vector256.ShiftRightLogical(bits, 52);
                product = ((bits & mantissa) | one).AsDouble();
            }
            else
            {
                sse = Fma.MultiplyAdd(ue, ue, sse);
            }
        }

        Vector256<double> exponent = multiplicative ? Vector256.ConvertToDouble(exponents.AsInt64()) - Vector256.Create(1023.0 * n) : Vector256<double>.Zero;
        return (sse + sse2, product, exponent);
    }

    private static (Vector256<double> Sse, Vector256<double> Product, Vector256<double> Exponent) Scalar(ReadOnlySpan<double> y, Vector256<double> alpha, Vector256<double> beta, Vector256<double> phi,
        Vector256<double> level, Vector256<double> slope, bool multiplicative)
    {
        Span<double> sseOut = stackalloc double[Width], productOut = stackalloc double[Width], exponentOut = stackalloc double[Width];
        for (int lane = 0; lane < Width; lane++)
        {
            double a = alpha.GetElement(lane), bt = beta.GetElement(lane), ph = phi.GetElement(lane), b = slope.GetElement(lane);
            double c = a + (ph * bt);
            double keep = 1 - c, phi2 = ph * ph, negBeta = -bt;
            double tr = level.GetElement(lane) + (ph * b);
            double sse = 0, product = 1;
            ulong exponents = 0;
            foreach (double v in y)
            {
                double u = v - tr;
                if (multiplicative)
                {
                    double e = u / tr;
                    sse += e * e;
                    product *= Math.Abs(tr);
                    ulong bits = (ulong)BitConverter.DoubleToInt64Bits(product);
                    exponents += bits >> 52;
                    product = BitConverter.Int64BitsToDouble((long)((bits & MantissaMask) | ExponentOne));
                }
                else
                {
                    sse += u * u;
                }

                double k = Math.FusedMultiplyAdd(phi2, b, c * v);
                b = Math.FusedMultiplyAdd(negBeta, tr, Math.FusedMultiplyAdd(ph, b, bt * v));
                tr = Math.FusedMultiplyAdd(keep, tr, k);
            }

            sseOut[lane] = sse;
            productOut[lane] = product;
            exponentOut[lane] = (double)(long)exponents - (1023.0 * y.Length);
        }

        return (Vector256.Create<double>(sseOut), Vector256.Create<double>(productOut), Vector256.Create<double>(exponentOut));
    }
}
