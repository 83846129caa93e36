namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>
/// Polynomial arithmetic of ARMA models. Conventions: the autoregressive polynomial is φ(B) = 1 − φ₁B − … − φₚBᵖ and
/// the moving-average polynomial θ(B) = 1 + θ₁B + … + θ_qB^q (the signs R's arima uses); arrays hold φ₁..φₚ and
/// θ₁..θ_q without the leading 1.
/// </summary>
internal static class ArmaMath
{
    /// <summary>
    /// Jones (1980) reparametrisation: unconstrained z ↦ partial autocorrelations r_k = tanh(z_k) ∈ (−1, 1) ↦ AR
    /// coefficients by the Durbin–Levinson recursion φ⁽ᵏ⁾ₖ = r_k, φ⁽ᵏ⁾ⱼ = φ⁽ᵏ⁻¹⁾ⱼ − r_k φ⁽ᵏ⁻¹⁾ₖ₋ⱼ. Every z gives a
    /// stationary polynomial and every stationary polynomial has one z.
    /// </summary>
    public static void ToStationary(ReadOnlySpan<double> z, Span<double> phi)
    {
        int p = z.Length;
        Span<double> previous = p <= 64 ? stackalloc double[p] : new double[p];
        for (int k = 0; k < p; k++)
        {
            double r = Math.Tanh(z[k]);
            for (int j = 0; j < k; j++) previous[j] = phi[j];
            for (int j = 0; j < k; j++) phi[j] = previous[j] - (r * previous[k - 1 - j]);
            phi[k] = r;
        }
    }

    /// <summary>
    /// The inverse of <see cref="ToStationary"/>: the step-down (Schur–Cohn) recursion from AR coefficients to partial
    /// autocorrelations, then z = atanh(r). Returns false when the polynomial is not stationary (some |r_k| ≥ 1).
    /// </summary>
    public static bool FromStationary(ReadOnlySpan<double> phi, Span<double> z)
    {
        int p = phi.Length;
        Span<double> a = p <= 64 ? stackalloc double[p] : new double[p];
        Span<double> b = p <= 64 ? stackalloc double[p] : new double[p];
        phi.CopyTo(a);
        for (int k = p - 1; k >= 0; k--)
        {
            double r = a[k];
            if (!(Math.Abs(r) < 1)) return false;
            z[k] = Math.Atanh(r);
            double denominator = 1 - (r * r);
            for (int j = 0; j < k; j++) b[j] = (a[j] + (r * a[k - 1 - j])) / denominator;
            for (int j = 0; j < k; j++) a[j] = b[j];
        }

        return true;
    }

    /// <summary>
    /// Whether every root of 1 − Σ φⱼ xʲ lies outside the circle of <paramref name="radius"/>: the polynomial with
    /// coefficients φⱼ·radiusʲ must be stationary (step-down test, no root finding).
    /// </summary>
    public static bool RootsOutside(ReadOnlySpan<double> phi, double radius)
    {
        int p = phi.Length;
        if (p == 0) return true;
        Span<double> scaled = p <= 64 ? stackalloc double[p] : new double[p];
        Span<double> z = p <= 64 ? stackalloc double[p] : new double[p];
        double power = 1;
        for (int j = 0; j < p; j++)
        {
            power *= radius;
            scaled[j] = phi[j] * power;
        }

        return FromStationary(scaled, z);
    }

    /// <summary>
    /// Whether every root of 1 + Σ θⱼ xʲ lies outside the circle of <paramref name="radius"/> (invertibility when
    /// radius is 1).
    /// </summary>
    public static bool MaRootsOutside(ReadOnlySpan<double> theta, double radius)
    {
        Span<double> negated = theta.Length <= 64 ? stackalloc double[theta.Length] : new double[theta.Length];
        for (int j = 0; j < theta.Length; j++) negated[j] = -theta[j];
        return RootsOutside(negated, radius);
    }

    /// <summary>
    /// Makes 1 + Σθⱼxʲ invertible in place: every root r with |r| &lt; 1 is replaced by 1/r and the polynomial rebuilt
    /// as Π(1 − x/rᵢ) (Brockwell and Davis 1991, §4.4); the autocorrelations are unchanged. Roots by the companion
    /// matrix (MathNet.Numerics).
    /// </summary>
    public static void InvertMa(Span<double> theta)
    {
        int q = theta.Length;
        while (q > 0 && theta[q - 1] == 0) q--;
        if (q == 0 || MaRootsOutside(theta[..q], 1)) return;
        if (q == 1)
        {
            theta[0] = 1 / theta[0];
            return;
        }

        var coefficients = new double[q + 1];
        coefficients[0] = 1;
        for (int j = 0; j < q; j++) coefficients[j + 1] = theta[j];
        System.Numerics.Complex[] roots = MathNet.Numerics.FindRoots.Polynomial(coefficients);
        var product = new System.Numerics.Complex[q + 1];
        product[0] = 1;
        int degree = 0;
        foreach (System.Numerics.Complex root in roots)
        {
            System.Numerics.Complex r = root.Magnitude < 1 ? 1 / root : root;
            degree++;
            for (int j = degree; j >= 1; j--) product[j] -= product[j - 1] / r;
        }

        for (int j = 0; j < q; j++) theta[j] = product[j + 1].Real;
    }

    /// <summary>
    /// The AR product (1 − Σφᵢ Bⁱ)(1 − ΣΦⱼ Bʲᵐ) = 1 − Σ cₖ Bᵏ as c₁..c_{p+Pm} into <paramref name="expanded"/>.
    /// </summary>
    public static void ExpandAr(ReadOnlySpan<double> phi, ReadOnlySpan<double> seasonalPhi, int m, Span<double> expanded)
    {
        expanded.Clear();
        for (int i = 0; i < phi.Length; i++) expanded[i] = phi[i];
        for (int j = 0; j < seasonalPhi.Length; j++)
        {
            int lag = (j + 1) * m;
            expanded[lag - 1] += seasonalPhi[j];
            for (int i = 0; i < phi.Length; i++) expanded[lag + i] -= phi[i] * seasonalPhi[j];
        }
    }

    /// <summary>The MA product (1 + Σθᵢ Bⁱ)(1 + ΣΘⱼ Bʲᵐ) = 1 + Σ cₖ Bᵏ as c₁..c_{q+Qm}.</summary>
    public static void ExpandMa(ReadOnlySpan<double> theta, ReadOnlySpan<double> seasonalTheta, int m, Span<double> expanded)
    {
        expanded.Clear();
        for (int i = 0; i < theta.Length; i++) expanded[i] = theta[i];
        for (int j = 0; j < seasonalTheta.Length; j++)
        {
            int lag = (j + 1) * m;
            expanded[lag - 1] += seasonalTheta[j];
            for (int i = 0; i < theta.Length; i++) expanded[lag + i] += theta[i] * seasonalTheta[j];
        }
    }

    /// <summary>
    /// The differencing polynomial (1 − B)ᵈ(1 − Bᵐ)ᴰ written as 1 − Σ δⱼ Bʲ: δ₁..δ_{d+Dm}, so that yₜ = wₜ + Σ δⱼ yₜ₋ⱼ.
    /// </summary>
    public static double[] Differencing(int d, int seasonalD, int m)
    {
        // Coefficients of the polynomial itself, c₀ = 1.
        var c = new double[d + (seasonalD * m) + 1];
        c[0] = 1;
        int degree = 0;
        for (int k = 0; k < d; k++) degree = MultiplyByOneMinus(c, degree, 1);
        for (int k = 0; k < seasonalD; k++) degree = MultiplyByOneMinus(c, degree, m);
        var delta = new double[degree];
        for (int j = 1; j <= degree; j++) delta[j - 1] = -c[j];
        return delta;
    }

    private static int MultiplyByOneMinus(double[] c, int degree, int lag)
    {
        for (int j = degree + lag; j >= lag; j--) c[j] -= c[j - lag];
        return degree + lag;
    }

    /// <summary>Applies (1 − B)ᵈ(1 − Bᵐ)ᴰ: the differenced series has n − d − Dm values.</summary>
    public static double[] Difference(ReadOnlySpan<double> y, int d, int seasonalD, int m)
    {
        double[] x = y.ToArray();
        for (int k = 0; k < seasonalD; k++) x = DifferenceOnce(x, m);
        for (int k = 0; k < d; k++) x = DifferenceOnce(x, 1);
        return x;
    }

    /// <summary>xₜ − xₜ₋ₗₐ₉ for t ≥ lag.</summary>
    public static double[] DifferenceOnce(ReadOnlySpan<double> x, int lag)
    {
        if (x.Length <= lag) return [];
        var r = new double[x.Length - lag];
        for (int t = lag; t < x.Length; t++) r[t - lag] = x[t] - x[t - lag];
        return r;
    }

    /// <summary>
    /// ψ-weights of the MA(∞) form yₜ = Σ ψⱼ εₜ₋ⱼ of φ(B)yₜ = θ(B)εₜ: ψ₀ = 1, ψⱼ = θⱼ + Σᵢ φᵢ ψⱼ₋ᵢ
    /// (Brockwell and Davis 1991, §3.1). Works for non-stationary φ too (then the weights do not decay).
    /// </summary>
    public static void Psi(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, Span<double> psi)
    {
        for (int j = 0; j < psi.Length; j++)
        {
            double v = j == 0 ? 1 : j <= theta.Length ? theta[j - 1] : 0;
            int top = Math.Min(j, phi.Length);
            for (int i = 1; i <= top; i++) v += phi[i - 1] * psi[j - i];
            psi[j] = v;
        }
    }

    /// <summary>
    /// Autocovariances γ(0..K) of a stationary ARMA with unit innovation variance (Brockwell and Davis 1991, §3.3,
    /// method 2): solve γ(k) − Σφᵢγ(|k−i|) = Σ_{j≥k} θⱼψⱼ₋ₖ for k = 0..p, then recurse for k &gt; p.
    /// <paramref name="psi"/> must hold ψ₀..ψ_q (or more); <paramref name="work"/> needs (p + 1)(p + 2) values.
    /// Returns false when the linear system is singular (a unit root).
    /// </summary>
    public static bool Autocovariances(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> psi, Span<double> gamma, Span<double> work)
    {
        int p = phi.Length;
        int q = theta.Length;
        int size = p + 1;

        // Right-hand side b_k = Σ_{j=k}^{q} θⱼ ψⱼ₋ₖ with θ₀ = 1.
        Span<double> a = work[..(size * size)];
        Span<double> b = work.Slice(size * size, size);
        for (int k = 0; k < size; k++) b[k] = MaCross(theta, psi, k, q);
        if (p == 0)
        {
            for (int k = 0; k < gamma.Length; k++) gamma[k] = MaCross(theta, psi, k, q);
            return true;
        }

        a.Clear();
        for (int k = 0; k < size; k++)
        {
            a[(k * size) + k] += 1;
            for (int i = 1; i <= p; i++) a[(k * size) + Math.Abs(k - i)] -= phi[i - 1];
        }

        if (!Solve(a, b, size)) return false;
        int known = Math.Min(size, gamma.Length);
        for (int k = 0; k < known; k++) gamma[k] = b[k];
        for (int k = size; k < gamma.Length; k++)
        {
            double v = MaCross(theta, psi, k, q);
            for (int i = 1; i <= p; i++) v += phi[i - 1] * gamma[k - i];
            gamma[k] = v;
        }

        return true;
    }

    /// <summary>Σ_{j=k}^{q} θⱼ ψⱼ₋ₖ with θ₀ = 1: Cov(θ(B)εₜ, yₜ₋ₖ) for unit variance.</summary>
    private static double MaCross(ReadOnlySpan<double> theta, ReadOnlySpan<double> psi, int k, int q)
    {
        double v = 0;
        for (int j = k; j <= q; j++) v += (j == 0 ? 1 : theta[j - 1]) * psi[j - k];
        return v;
    }

    /// <summary>Gaussian elimination with partial pivoting, in place; the solution replaces <paramref name="b"/>.</summary>
    private static bool Solve(Span<double> a, Span<double> b, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = Math.Abs(a[(col * n) + col]);
            for (int row = col + 1; row < n; row++)
            {
                double v = Math.Abs(a[(row * n) + col]);
                if (v > best)
                {
                    best = v;
                    pivot = row;
                }
            }

            if (!(best > 1e-300)) return false;
            if (pivot != col)
            {
                for (int j = 0; j < n; j++) (a[(col * n) + j], a[(pivot * n) + j]) = (a[(pivot * n) + j], a[(col * n) + j]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            double diagonal = a[(col * n) + col];
            for (int row = col + 1; row < n; row++)
            {
                double factor = a[(row * n) + col] / diagonal;
                if (factor == 0) continue;
                for (int j = col; j < n; j++) a[(row * n) + j] -= factor * a[(col * n) + j];
                b[row] -= factor * b[col];
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double v = b[row];
            for (int j = row + 1; j < n; j++) v -= a[(row * n) + j] * b[j];
            b[row] = v / a[(row * n) + row];
        }

        return true;
    }
}
