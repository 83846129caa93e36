using System.Runtime.CompilerServices;

namespace Zhibiao.Analytics.Forecasting.Ets;

/// <summary>Smoothing and damping parameters of one ETS model (β = 0 without trend, γ = 0 without season, φ = 1 undamped).</summary>
internal readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi);

/// <summary>
/// The state recursions of the ETS models in error-correction form (Hyndman et al. 2008, Table 2.3), written with
/// the one-step error u_t = y_t − μ_t, in which the additive- and multiplicative-error versions of a model share
/// one recursion (they differ only in their likelihood): with T = ℓ + φb (or ℓb^φ) and the seasonal state s used
/// at time t, μ = T (+ s or ·s), and
/// ℓ ← T + αu/S, b ← φb + βu/S (or b^φ + βu/(Sℓ)), s ← s + γu (or s + γu/T), where S = s for a multiplicative
/// season and 1 otherwise. States: ℓ, b, and the m seasonal states in a ring, slot j used at times t ≡ j (mod m).
/// </summary>
internal static class EtsRecursion
{
    /// <summary>Totals of one run over the series.</summary>
    internal struct Totals
    {
        /// <summary>Σ e² over the counted times (e = u, or u/μ for multiplicative error).</summary>
        public double SumSquares;

        /// <summary>Σ log |μ| over the counted times (multiplicative error only).</summary>
        public double SumLogMu;

        /// <summary>Observed times counted.</summary>
        public int Count;
    }

    /// <summary>
    /// Runs the recursion over <paramref name="y"/> from the states (ℓ, b, season ring with slot 0 used first), from
    /// time index <paramref name="start"/> (earlier values are not used). Missing values (NaN) leave the states to their
    /// transition. Writes the one-step forecasts into <paramref name="fitted"/> when it is not empty; leaves the final
    /// states in <paramref name="level"/>, <paramref name="trend"/> and <paramref name="season"/> (ring rotated so that
    /// slot 0 is used next). Returns false when a multiplicative-error forecast is zero or a value is not finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Run(EtsModel model, in EtsParameters p, ReadOnlySpan<double> y, int start, ref double level, ref double trend, Span<double> season, Span<double> fitted, out Totals totals)
    {
        totals = default;
        int m = season.Length;
        bool mError = model.Error == EtsError.Multiplicative;
        bool hasTrend = model.HasTrend, mTrend = model.Trend == EtsTrend.Multiplicative;
        bool hasSeason = model.HasSeason && m > 0, mSeason = model.Season == EtsSeason.Multiplicative;
        double alpha = p.Alpha, beta = p.Beta, gamma = p.Gamma, phi = p.Phi;
        double l = level, b = trend;
        int j = 0;
        for (int t = start; t < y.Length; t++)
        {
            double tr = !hasTrend ? l : mTrend ? l * (phi == 1 ? b : Math.Pow(b, phi)) : l + (phi * b);
            double s = hasSeason ? season[j] : (mSeason ? 1 : 0);
            double mu = !hasSeason ? tr : mSeason ? tr * s : tr + s;
            if (!fitted.IsEmpty) fitted[t] = mu;
            double yt = y[t];
            double u = 0;
            if (!double.IsNaN(yt))
            {
                u = yt - mu;
                if (mError)
                {
                    if (mu == 0) return false;
                    double e = u / mu;
                    totals.SumSquares += e * e;
                    totals.SumLogMu += Math.Log(Math.Abs(mu));
                }
                else
                {
                    totals.SumSquares += u * u;
                }

                totals.Count++;
            }

            double div = mSeason ? s : 1;
            double newLevel = tr + (alpha * u / div);
            if (hasTrend)
                b = mTrend ? (phi == 1 ? b : Math.Pow(b, phi)) + (beta * u / (div * l)) : (phi * b) + (beta * u / div);
            if (hasSeason)
            {
                season[j] = mSeason ? s + (gamma * u / tr) : s + (gamma * u);
                if (++j == m) j = 0;
            }

            l = newLevel;
        }

        level = l;
        trend = b;
        if (hasSeason && j != 0) Rotate(season, j);
        return double.IsFinite(l) && double.IsFinite(b) && double.IsFinite(totals.SumSquares);
    }

    /// <summary>Point forecasts for h = 1..H from final states (the recursion with zero errors).</summary>
    internal static void Forecast(EtsModel model, in EtsParameters p, double level, double trend, ReadOnlySpan<double> season, Span<double> mean)
    {
        int m = season.Length;
        bool hasTrend = model.HasTrend, mTrend = model.Trend == EtsTrend.Multiplicative;
        bool hasSeason = model.HasSeason && m > 0, mSeason = model.Season == EtsSeason.Multiplicative;
        double l = level, b = trend;
        int j = 0;
        for (int h = 0; h < mean.Length; h++)
        {
            if (hasTrend) b = mTrend ? (p.Phi == 1 ? b : Math.Pow(b, p.Phi)) : p.Phi * b;
            l = !hasTrend ? l : mTrend ? l * b : l + b;
            double s = hasSeason ? season[j] : 0;
            mean[h] = !hasSeason ? l : mSeason ? l * s : l + s;
            if (hasSeason && ++j == m) j = 0;
        }
    }

    /// <summary>One simulated path from final states: y = μ + ε or μ(1 + ε), ε ~ N(0, σ²), states updated with y.</summary>
    internal static void Simulate(EtsModel model, in EtsParameters p, double level, double trend, ReadOnlySpan<double> finalSeason, double sigma, Span<double> path, Span<double> season, Random random)
    {
        finalSeason.CopyTo(season);
        int m = season.Length;
        bool mError = model.Error == EtsError.Multiplicative;
        bool hasTrend = model.HasTrend, mTrend = model.Trend == EtsTrend.Multiplicative;
        bool hasSeason = model.HasSeason && m > 0, mSeason = model.Season == EtsSeason.Multiplicative;
        double l = level, b = trend;
        int j = 0;
        for (int h = 0; h < path.Length; h++)
        {
            double bp = !hasTrend ? 0 : mTrend ? (p.Phi == 1 ? b : Math.Pow(b, p.Phi)) : p.Phi * b;
            double tr = !hasTrend ? l : mTrend ? l * bp : l + bp;
            double s = hasSeason ? season[j] : (mSeason ? 1 : 0);
            double mu = !hasSeason ? tr : mSeason ? tr * s : tr + s;
            double e = sigma * StandardNormal(random);
            double yt = mError ? mu * (1 + e) : mu + e;
            path[h] = yt;
            double u = yt - mu;
            double div = mSeason ? s : 1;
            double newLevel = tr + (p.Alpha * u / div);
            if (hasTrend) b = mTrend ? bp + (p.Beta * u / (div * l)) : bp + (p.Beta * u / div);
            if (hasSeason)
            {
                season[j] = mSeason ? s + (p.Gamma * u / tr) : s + (p.Gamma * u);
                if (++j == m) j = 0;
            }

            l = newLevel;
        }
    }

    /// <summary>A standard normal draw (Box–Muller on two uniforms of <paramref name="random"/>).</summary>
    internal static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// The coefficients c_j = w′F^(j−1)g, j = 1..c.Length, of the linear (additive-error) form: the response of the
    /// one-step forecast j steps after a unit innovation (Hyndman et al. 2008, §6.2). c_j = α + βφ_j + γ d_(j,m) for
    /// ETS(A,Ad,A), φ_j = φ + … + φ^j, d = 1 when m divides j.
    /// </summary>
    internal static void ImpulseResponse(EtsModel model, in EtsParameters p, int m, Span<double> c)
    {
        bool hasTrend = model.HasTrend, hasSeason = model.HasSeason && m > 0;
        double phiPower = 1, phiSum = 0;
        for (int j = 1; j <= c.Length; j++)
        {
            phiPower *= p.Phi;
            phiSum += phiPower;
            double v = p.Alpha;
            if (hasTrend) v += p.Beta * phiSum;
            if (hasSeason && j % m == 0) v += p.Gamma;
            c[j - 1] = v;
        }
    }

    /// <summary>Rotates the ring left by <paramref name="by"/> so that slot <paramref name="by"/> becomes slot 0.</summary>
    internal static void Rotate(Span<double> ring, int by)
    {
        ring[..by].Reverse();
        ring[by..].Reverse();
        ring.Reverse();
    }
}
