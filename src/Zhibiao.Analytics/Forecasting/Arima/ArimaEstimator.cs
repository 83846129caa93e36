using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Arima;

/// <summary>How the coefficients of one ARIMA model are estimated.</summary>
internal enum ArimaMethod
{
    /// <summary>Conditional sum of squares for starting values, then exact maximum likelihood (R's default "CSS-ML").</summary>
    CssMl,

    /// <summary>Exact maximum likelihood by the Kalman filter, from zero starting values.</summary>
    Ml,

    /// <summary>Conditional sum of squares only (fast; used by the search on long series, then refitted by CSS-ML).</summary>
    Css,
}

/// <summary>The estimates of one ARIMA model: coefficients, the mean of the differenced series, σ² and the criteria.</summary>
/// <param name="Order">The orders.</param>
/// <param name="Constant">Whether a constant (mean when d + D = 0, drift when d + D = 1) was estimated.</param>
/// <param name="Ar">φ₁..φₚ.</param>
/// <param name="Ma">θ₁..θ_q.</param>
/// <param name="SeasonalAr">Φ₁..Φ_P.</param>
/// <param name="SeasonalMa">Θ₁..Θ_Q.</param>
/// <param name="Mean">μ, the mean of the differenced series wₜ = (1 − B)ᵈ(1 − Bᵐ)ᴰyₜ (0 without a constant).</param>
/// <param name="Sigma2">Innovation variance σ² (the maximum-likelihood estimate).</param>
/// <param name="Criteria">Log-likelihood, k (coefficients + constant + σ²), n = n − d − Dm, AIC, AICc, BIC; null for an exact (zero-variance) fit.</param>
/// <param name="Admissible">Whether every AR and MA root lies outside 1.01 (Hyndman and Khandakar's check against near unit roots).</param>
internal sealed record ArimaFit(
    ArimaOrder Order, bool Constant, double[] Ar, double[] Ma, double[] SeasonalAr, double[] SeasonalMa,
    double Mean, double Sigma2, InformationCriteria? Criteria, bool Admissible);

/// <summary>
/// Fits ARIMA models of one series with fixed differencing: the series is differenced once, wₜ = (1 − B)ᵈ(1 − Bᵐ)ᴰyₜ,
/// and ARMA(p,q)(P,Q)m with an optional mean is estimated on w. The likelihood of w is the exact likelihood of y
/// with a diffuse prior on the d + Dm starting values (Durbin and Koopman 2012, §5.7), so criteria are comparable
/// across orders with the same d and D. Coefficients are optimised in the Jones (1980) space, so every estimate is
/// stationary and invertible; a constant is concentrated out by GLS.
/// </summary>
internal sealed class ArimaEstimator
{
    private readonly int _m;

    /// <summary>Differences y and prepares the filter.</summary>
    public ArimaEstimator(ReadOnlySpan<double> y, int d, int seasonalD, int m)
    {
        _m = m;
        D = d;
        SeasonalD = seasonalD;
        Filter = new ArmaFilter(ArmaMath.Difference(y, d, seasonalD, m));
    }

    /// <summary>Non-seasonal differences.</summary>
    public int D { get; }

    /// <summary>Seasonal differences.</summary>
    public int SeasonalD { get; }

    /// <summary>The filter over the differenced series.</summary>
    public ArmaFilter Filter { get; }

    /// <summary>Likelihood evaluations so far (for benchmarks and tests of the search's economy).</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Fits the orders (d and D must be this estimator's); null when no finite likelihood was found, too few
    /// observations remain, or (CSS-ML) the CSS estimate of an AR polynomial is not stationary, as R's arima rejects it.
    /// </summary>
    /// <remarks>
    /// CSS optimises all coefficients directly from zero. Exact ML then optimises the AR polynomials in the Jones
    /// space (so every trial is stationary) and the MA coefficients directly; the likelihood of a non-invertible MA
    /// polynomial equals that of its invertible counterpart, and the estimate is made invertible at the end by
    /// replacing each root r inside the unit circle by 1/r (Brockwell and Davis 1991, §4.4).
    /// </remarks>
    public ArimaFit? Fit(ArimaOrder order, bool constant, ArimaMethod method = ArimaMethod.CssMl)
    {
        int n = Filter.Series.Length;
        int k = order.Coefficients;
        if (n < 1 || (method == ArimaMethod.Css && n - order.ExpandedAr <= 0)) return null;
        var work = new Coefficients(order, _m);
        bool mean = constant;
        Objective css = x =>
        {
            Evaluations++;
            work.Decode(x, transformAr: false);
            return Filter.ConditionalSumOfSquares(work.ExpandedAr, work.ExpandedMa, mean, out _);
        };
        Objective exact = x =>
        {
            Evaluations++;
            work.Decode(x, transformAr: true);
            return Filter.Exact(work.ExpandedAr, work.ExpandedMa, mean, out _);
        };

        var x = new double[k];
        bool transformed = false;
        if (k > 0)
        {
            if (method != ArimaMethod.Ml)
            {
                OptimizationResult start = Bfgs.Minimize(css, x);
                if (double.IsFinite(start.Value)) x = start.Point;
                work.Decode(x, transformAr: false);
                if (method == ArimaMethod.CssMl && (!ArmaMath.RootsOutside(work.Ar, 1) || !ArmaMath.RootsOutside(work.SeasonalAr, 1))) return null;
            }

            if (method != ArimaMethod.Css)
            {
                if (!work.ToTransformed(x)) return null;
                OptimizationResult best = Bfgs.Minimize(exact, x);
                if (!double.IsFinite(best.Value)) return null;
                x = best.Point;
                transformed = true;
            }
        }

        work.Decode(x, transformed);
        if (method != ArimaMethod.Css) work.InvertMa();
        int parameters = k + (constant ? 1 : 0) + 1;
        double mu;
        double sigma2;
        InformationCriteria criteria;
        if (method == ArimaMethod.Css)
        {
            double value = Filter.ConditionalSumOfSquares(work.ExpandedAr, work.ExpandedMa, mean, out mu);
            if (!double.IsFinite(value)) return null;
            // σ² = Σe²/(n − p − Pm); the approximate log-likelihood uses all n differenced values, so that criteria
            // compare across AR orders (as auto.arima's approximation does, up to a constant).
            sigma2 = Math.Exp(2 * value);
            double logLik = -0.5 * n * (Math.Log(2 * Math.PI * sigma2) + 1);
            criteria = InformationCriteria.From(logLik, parameters, n);
        }
        else
        {
            double value = Filter.Exact(work.ExpandedAr, work.ExpandedMa, mean, out FilterResult result);
            if (!double.IsFinite(value)) return null;
            mu = result.Mean;
            sigma2 = result.Sigma2;
            criteria = InformationCriteria.From(result.LogLikelihood, parameters, n);
        }

        double seasonalRadius = Math.Pow(1.01, _m);
        bool admissible = ArmaMath.RootsOutside(work.Ar, 1.01) && ArmaMath.RootsOutside(work.SeasonalAr, seasonalRadius)
            && ArmaMath.MaRootsOutside(work.Ma, 1.01) && ArmaMath.MaRootsOutside(work.SeasonalMa, seasonalRadius);
        return new ArimaFit(order, constant, work.Ar.ToArray(), work.Ma.ToArray(), work.SeasonalAr.ToArray(), work.SeasonalMa.ToArray(),
            mean ? mu : 0, sigma2, criteria, admissible);
    }

    /// <summary>Coefficient buffers of one model and the map from the optimiser's z to them.</summary>
    private sealed class Coefficients(ArimaOrder order, int m)
    {
        private readonly double[] _ar = new double[order.P];
        private readonly double[] _ma = new double[order.Q];
        private readonly double[] _sar = new double[order.SeasonalP];
        private readonly double[] _sma = new double[order.SeasonalQ];
        private readonly double[] _expandedAr = new double[order.P + (order.SeasonalP * m)];
        private readonly double[] _expandedMa = new double[order.Q + (order.SeasonalQ * m)];

        public ReadOnlySpan<double> Ar => _ar;

        public ReadOnlySpan<double> Ma => _ma;

        public ReadOnlySpan<double> SeasonalAr => _sar;

        public ReadOnlySpan<double> SeasonalMa => _sma;

        public ReadOnlySpan<double> ExpandedAr => _expandedAr;

        public ReadOnlySpan<double> ExpandedMa => _expandedMa;

        /// <summary>
        /// x = (φ, θ, Φ, Θ) ↦ coefficients; with <paramref name="transformAr"/> the AR blocks are Jones parameters
        /// (<see cref="ArmaMath.ToStationary"/>), otherwise all blocks are the coefficients themselves.
        /// </summary>
        public void Decode(ReadOnlySpan<double> x, bool transformAr)
        {
            int at = 0;
            if (transformAr) ArmaMath.ToStationary(x.Slice(at, _ar.Length), _ar);
            else x.Slice(at, _ar.Length).CopyTo(_ar);
            at += _ar.Length;
            x.Slice(at, _ma.Length).CopyTo(_ma);
            at += _ma.Length;
            if (transformAr) ArmaMath.ToStationary(x.Slice(at, _sar.Length), _sar);
            else x.Slice(at, _sar.Length).CopyTo(_sar);
            at += _sar.Length;
            x.Slice(at, _sma.Length).CopyTo(_sma);
            Expand();
        }

        /// <summary>Rewrites raw coefficients x as the optimiser's vector with Jones AR blocks and invertible MA blocks; false when an AR block is not stationary.</summary>
        public bool ToTransformed(Span<double> x)
        {
            int p = _ar.Length, q = _ma.Length, sp = _sar.Length, sq = _sma.Length;
            if (!ArmaMath.FromStationary(x[..p].ToArray(), x[..p])) return false;
            if (!ArmaMath.FromStationary(x.Slice(p + q, sp).ToArray(), x.Slice(p + q, sp))) return false;
            ArmaMath.InvertMa(x.Slice(p, q));
            ArmaMath.InvertMa(x.Slice(p + q + sp, sq));
            return true;
        }

        /// <summary>Makes both MA polynomials invertible.</summary>
        public void InvertMa()
        {
            ArmaMath.InvertMa(_ma);
            ArmaMath.InvertMa(_sma);
            Expand();
        }

        private void Expand()
        {
            ArmaMath.ExpandAr(_ar, _sar, m, _expandedAr);
            ArmaMath.ExpandMa(_ma, _sma, m, _expandedMa);
        }
    }
}
