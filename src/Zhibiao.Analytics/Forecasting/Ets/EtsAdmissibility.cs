namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>
/// The admissible (forecastable) region of ETS parameters (Hyndman, Akram and Archibald, "The admissible parameter
/// space for exponential smoothing models", Annals of the Institute of Statistical Mathematics 60, 2008): the
/// eigenvalues of the discount matrix D = F − g w′ of the linear model lie strictly inside the unit circle, the
/// seasonal model's structural unit root excepted.
/// </summary>
/// <remarks>
/// By the matrix determinant lemma, det(λI − D) = det(λI − F)·(1 + w′(λI − F)⁻¹g). For the damped trend with
/// additive season this is (λ − 1) times
/// P(λ) = (λ − φ)(λᵐ − 1) + [α(λ − φ) + φβλ]·(1 + λ + … + λᵐ⁻¹) + γ(λ − φ),
/// of degree m + 1 (φ = 1 undamped; without trend P(λ) = λᵐ − 1 + α(1 + … + λᵐ⁻¹) + γ, of degree m). Its roots are
/// tested with the Schur–Cohn recursion, without computing them. The same region is used for every error and
/// season type, as R's ets() does.
/// </remarks>
internal static class EtsAdmissibility
{
    /// <summary>Whether the parameters are admissible.</summary>
    /// <param name="alpha">α.</param>
    /// <param name="beta">β (ignored without trend).</param>
    /// <param name="gamma">γ (ignored without season).</param>
    /// <param name="phi">φ (1 for an undamped trend; ignored without trend).</param>
    /// <param name="trend">Whether the model has a trend.</param>
    /// <param name="seasonLength">m when the model is seasonal, otherwise 1 or 0.</param>
    public static bool IsAdmissible(double alpha, double beta, double gamma, double phi, bool trend, int seasonLength)
    {
        if (seasonLength <= 1)
        {
            if (!trend) return alpha > 0 && alpha < 2;

            // λ² + a1 λ + a0 with a1 = α + φβ − 1 − φ, a0 = φ(1 − α): both roots inside iff |a0| < 1 and |a1| < 1 + a0.
            double a0 = phi * (1 - alpha);
            double a1 = alpha + (phi * beta) - 1 - phi;
            return Math.Abs(a0) < 1 && Math.Abs(a1) < 1 + a0;
        }

        int degree = trend ? seasonLength + 1 : seasonLength;
        Span<double> c = degree <= 63 ? stackalloc double[degree + 1] : new double[degree + 1];
        Coefficients(alpha, beta, gamma, phi, trend, seasonLength, c);
        return RootsInsideUnitCircle(c);
    }

    /// <summary>Coefficients c[i] of λ^i of P(λ) (see the remarks), length m + 2 with a trend, m + 1 without.</summary>
    internal static void Coefficients(double alpha, double beta, double gamma, double phi, bool trend, int m, Span<double> c)
    {
        c.Clear();
        if (trend)
        {
            // (λ − φ)(λ^m − 1) = λ^{m+1} − φλ^m − λ + φ
            c[m + 1] += 1;
            c[m] -= phi;
            c[1] -= 1;
            c[0] += phi;

            // [(α + φβ)λ − αφ]·Σ_{i<m} λ^i
            double a = alpha + (phi * beta);
            for (int i = 0; i < m; i++)
            {
                c[i + 1] += a;
                c[i] -= alpha * phi;
            }

            // γ(λ − φ)
            c[1] += gamma;
            c[0] -= gamma * phi;
        }
        else
        {
            c[m] += 1;
            c[0] -= 1;
            for (int i = 0; i < m; i++) c[i] += alpha;
            c[0] += gamma;
        }
    }

    /// <summary>
    /// Schur–Cohn test: all roots of Σ c[i] λ^i strictly inside the unit circle. With p*(λ) = λ^d p(1/λ), when
    /// |c₀| &lt; |c_d| the polynomial (c_d p − c₀ p*)/λ of degree d − 1 has all its roots inside exactly when p has
    /// (Rouché's theorem); otherwise the product of the roots has modulus ≥ 1. The coefficients are overwritten.
    /// </summary>
    internal static bool RootsInsideUnitCircle(Span<double> c)
    {
        int d = c.Length - 1;
        Span<double> q = d <= 63 ? stackalloc double[d + 1] : new double[d + 1];
        while (d > 0)
        {
            double lead = c[d], constant = c[0];
            if (!(Math.Abs(constant) < Math.Abs(lead))) return false;
            for (int i = 0; i < d; i++) q[i] = (lead * c[i + 1]) - (constant * c[d - 1 - i]);
            d--;
            double scale = Math.Abs(q[d]);
            if (!(scale > 0) || !double.IsFinite(scale)) return false;
            for (int i = 0; i <= d; i++) c[i] = q[i] / scale;
        }

        return true;
    }
}
