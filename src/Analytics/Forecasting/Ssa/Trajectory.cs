using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Forecasting.Ssa;

/// <summary>
/// The trajectory (Hankel) matrix X of a series y_0..y_{N−1} for a window L: X[i, k] = y_{i+k}, i &lt; L, k &lt; K = N − L + 1
/// (Golyandina and Korobeynikov, arXiv:1206.6910, §2.1). X is never formed; its products are computed from the series.
/// </summary>
internal static class Trajectory
{
    /// <summary>
    /// The eigendecomposition of C = X·Xᵀ (L × L), eigenvalues in descending order; eigenvector i is
    /// vectors[i·L .. i·L + L − 1] (unit length, sign arbitrary). Computed as the singular value decomposition of X
    /// (eigenvalues σ², eigenvectors the left singular vectors), which keeps the small eigentriples of a series with a
    /// large level accurate where forming C would square their condition number.
    /// </summary>
    public static void Eigen(ReadOnlySpan<double> y, int window, double[] values, double[] vectors)
    {
        int k = y.Length - window + 1;
        Matrix<double> x = Matrix<double>.Build.Dense(window, k);
        for (int col = 0; col < k; col++)
            for (int i = 0; i < window; i++) x[i, col] = y[i + col];

        MathNet.Numerics.LinearAlgebra.Factorization.Svd<double> svd = x.Svd(computeVectors: true);
        Matrix<double> u = svd.U;
        int count = svd.S.Count;
        for (int i = 0; i < window; i++)
        {
            double s = i < count ? svd.S[i] : 0;
            values[i] = s * s;
            for (int j = 0; j < window; j++) vectors[(i * window) + j] = u[j, i];
        }
    }

    /// <summary>
    /// Adds the diagonal average (Hankelisation) of the elementary matrix u·uᵀ·X to <paramref name="signal"/>:
    /// v = Xᵀu, then signal_t += mean of u_i·v_k over i + k = t (arXiv:1206.6910, §2.1, step 4).
    /// </summary>
    /// <param name="y">The series.</param>
    /// <param name="u">A unit vector of length L.</param>
    /// <param name="signal">The reconstruction so far (length N).</param>
    /// <param name="v">Scratch of length K.</param>
    public static void AddComponent(ReadOnlySpan<double> y, ReadOnlySpan<double> u, Span<double> signal, Span<double> v)
    {
        int window = u.Length;
        int n = y.Length;
        int k = n - window + 1;
        for (int col = 0; col < k; col++)
        {
            double s = 0;
            for (int i = 0; i < window; i++) s += u[i] * y[i + col];
            v[col] = s;
        }

        for (int t = 0; t < n; t++)
        {
            int iLow = Math.Max(0, t - k + 1);
            int iHigh = Math.Min(window - 1, t);
            double s = 0;
            for (int i = iLow; i <= iHigh; i++) s += u[i] * v[t - i];
            signal[t] += s / (iHigh - iLow + 1);
        }
    }

    /// <summary>
    /// The coefficients of the linear recurrence of the span of the first r eigenvectors:
    /// a = Σ_i π_i·u_i[0..L−2] / (1 − ν), π_i = u_i[L−1], ν = Σ π_i² (arXiv:1206.6910, §3.1, recurrent forecasting).
    /// a[j] multiplies the value L − 1 − j steps back. Returns ν.
    /// </summary>
    public static double Recurrence(ReadOnlySpan<double> vectors, int window, int rank, Span<double> a)
    {
        a.Clear();
        double nu = 0;
        for (int i = 0; i < rank; i++)
        {
            ReadOnlySpan<double> u = vectors.Slice(i * window, window);
            double pi = u[window - 1];
            nu += pi * pi;
            for (int j = 0; j < window - 1; j++) a[j] += pi * u[j];
        }

        for (int j = 0; j < window - 1; j++) a[j] /= 1 - nu;
        return nu;
    }
}
