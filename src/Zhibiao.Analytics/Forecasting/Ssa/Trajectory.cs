using MathNet.Numerics.LinearAlgebra;

namespace Zhibiao.Analytics.Forecasting.Ssa;

/// <summary>
/// The trajectory (Hankel) matrix X of a series y_0..y_{N−1} for a window L: X[i, k] = y_{i+k}, i &lt; L, k &lt; K = N − L + 1
/// (Golyandina and Korobeynikov, arXiv:1206.6910, §2.1). X is never formed; its products are computed from the series.
/// </summary>
internal static class Trajectory
{
    /// <summary>
    /// The eigendecomposition of C = X·Xᵀ (L × L), eigenvalues in descending order; eigenvector i is
    /// vectors[i·L .. i·L + L − 1] (unit length, sign arbitrary). C[i, j] = Σ_k y_{i+k}·y_{j+k} is summed directly
    /// (ML.NET updates it along the diagonals, in single precision), then MathNet's symmetric eigensolver.
    /// </summary>
    public static void Eigen(ReadOnlySpan<double> y, int window, double[] values, double[] vectors)
    {
        int k = y.Length - window + 1;
        var c = new double[window * window];
        for (int i = 0; i < window; i++)
        {
            ReadOnlySpan<double> row = y.Slice(i, k);
            for (int j = i; j < window; j++)
            {
                ReadOnlySpan<double> other = y.Slice(j, k);
                double s = 0;
                for (int t = 0; t < k; t++) s += row[t] * other[t];
                c[(i * window) + j] = s;
                c[(j * window) + i] = s;
            }
        }

        var evd = Matrix<double>.Build.Dense(window, window, c).Evd(Symmetricity.Symmetric);
        var order = new int[window];
        var raw = new double[window];
        for (int i = 0; i < window; i++)
        {
            order[i] = i;
            raw[i] = evd.EigenValues[i].Real;
        }

        Array.Sort(order, (a, b) =>
        {
            int byValue = raw[b].CompareTo(raw[a]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        Matrix<double> u = evd.EigenVectors;
        for (int i = 0; i < window; i++)
        {
            values[i] = raw[order[i]];
            for (int j = 0; j < window; j++) vectors[(i * window) + j] = u[j, order[i]];
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
