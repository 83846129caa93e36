namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// The small dense linear algebra of profiled ETS estimation (k ≤ 2 + m unknowns): Cholesky factorisation with an
/// optional ridge and the triangular solves. Hand-written so the results stay bit-identical to earlier releases.
/// </summary>
internal static class EtsLinearAlgebra
{
    /// <summary>
    /// Solves the normal equations G θ = −<paramref name="rhs"/> (G = U′U row-major in <paramref name="gram"/>, k × k with
    /// k = <paramref name="free"/>) by Cholesky, with a tiny ridge when G is not numerically positive definite; false when
    /// that fails too.
    /// </summary>
    public static bool SolveNormalEquations(ReadOnlySpan<double> gram, ReadOnlySpan<double> rhs, int free, Span<double> theta)
    {
        ReadOnlySpan<double> g = gram[..(free * free)];
        Span<double> chol = stackalloc double[free * free];
        double trace = 0;
        for (int i = 0; i < free; i++) trace += g[(i * free) + i];
        if (!(trace > 0) || !double.IsFinite(trace)) return false;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            double ridge = attempt == 0 ? 0 : trace * Math.Pow(1e-10, 2 - attempt);
            if (Cholesky(g, free, ridge, chol))
            {
                for (int i = 0; i < free; i++) theta[i] = -rhs[i];
                CholeskySolve(chol, free, theta);
                return true;
            }
        }

        return false;
    }

    /// <summary>Cholesky factor L (row-major, lower) of A + ridge·I; false when a pivot is not clearly positive.</summary>
    public static bool Cholesky(ReadOnlySpan<double> a, int k, double ridge, Span<double> l)
    {
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[(i * k) + j] + (i == j ? ridge : 0);
                for (int q = 0; q < j; q++) sum -= l[(i * k) + q] * l[(j * k) + q];
                if (i == j)
                {
                    if (!(sum > 1e-14 * Math.Abs(a[(i * k) + i]) && sum > 0)) return false;
                    l[(i * k) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * k) + j] = sum / l[(j * k) + j];
                }
            }
        }

        return true;
    }

    /// <summary>Solves L L′ x = b in place (<paramref name="x"/> holds b on entry).</summary>
    public static void CholeskySolve(ReadOnlySpan<double> l, int k, Span<double> x)
    {
        for (int i = 0; i < k; i++)
        {
            double s = x[i];
            for (int q = 0; q < i; q++) s -= l[(i * k) + q] * x[q];
            x[i] = s / l[(i * k) + i];
        }

        for (int i = k - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int q = i + 1; q < k; q++) s -= l[(q * k) + i] * x[q];
            x[i] = s / l[(i * k) + i];
        }
    }
}
