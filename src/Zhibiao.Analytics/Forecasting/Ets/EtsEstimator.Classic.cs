using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

internal sealed partial class EtsEstimator
{
    // ---------------------------------------------------------------------------------------------------------
    // R-style joint estimation.

    private static readonly NelderMeadOptions NashSimplex = new() { MaxIterations = 2000, Tolerance = 1.4901161193847656e-8, InitialStep = 0.1, Variant = NelderMeadVariant.Nash };

    /// <summary>
    /// Estimates parameters and initial states together with Nash's simplex from R's starting point: α = α_lo +
    /// 0.2(α_hi − α_lo)/m, β = β_lo + 0.1(α − β_lo), γ = γ_lo + 0.05(1 − α − γ_lo), φ = φ_lo + 0.99(φ_hi − φ_lo), and
    /// the heuristic initial states; points outside the usual or admissible region are valued +∞.
    /// </summary>
    public EtsCandidate? FitClassic(EtsModel model, int frequency)
    {
        EtsParameterBounds lim = _options.Limits;
        int seasonLength = model.HasSeason ? _m : 1;
        int free = FreeStates(model, seasonLength);
        bool fa = _options.Alpha is null, fb = model.HasTrend && _options.Beta is null, fg = model.HasSeason && _options.Gamma is null, fp = model.HasTrend && model.Damped && _options.Phi is null;
        int np = (fa ? 1 : 0) + (fb ? 1 : 0) + (fg ? 1 : 0) + (fp ? 1 : 0);
        int dim = np + free;
        double[] x = new double[dim];
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        double alpha = _options.Alpha ?? lim.AlphaLower + (0.2 * (lim.AlphaUpper - lim.AlphaLower) / Math.Max(1, frequency));
        int i = 0;
        if (fa) Set(alpha, lim.AlphaLower, lim.AlphaUpper);
        if (fb) Set(lim.BetaLower + (0.1 * (Math.Min(lim.BetaUpper, alpha) - lim.BetaLower)), lim.BetaLower, lim.BetaUpper);
        if (fg) Set(lim.GammaLower + (0.05 * (Math.Min(lim.GammaUpper, 1 - alpha) - lim.GammaLower)), lim.GammaLower, lim.GammaUpper);
        if (fp) Set(lim.PhiLower + (0.99 * (lim.PhiUpper - lim.PhiLower)), lim.PhiLower, lim.PhiUpper);
        Span<double> start = stackalloc double[2 + seasonLength];
        EtsInitialStates.Classic(_y, seasonLength, model, start);
        CompressStates(model, seasonLength, start, x.AsSpan(np));
        for (int j = np; j < dim; j++)
        {
            lower[j] = double.NegativeInfinity;
            upper[j] = double.PositiveInfinity;
        }

        double[] states = new double[2 + seasonLength];
        double[] ring = new double[seasonLength];
        OptimizationResult best = !model.HasSeason && model.Trend != EtsTrend.Multiplicative && !_hasMissing
            ? NelderMead.Minimize(new NonSeasonalObjective(model, _options, _y, np, _floor), x, lower, upper, NashSimplex)
            : NelderMead.Minimize(v => ClassicLik(model, v, np, states, ring), x, lower, upper, NashSimplex);
        Evaluations += best.Evaluations;
        if (!double.IsFinite(best.Value)) return null;
        double lik = ClassicLik(model, best.Point, np, states, ring);
        if (!double.IsFinite(lik)) return null;
        ExpandStates(model, seasonLength, default, best.Point.AsSpan(np), states);
        int k = np + free + 1;
        return new EtsCandidate(model, ClassicParameters(model, best.Point), states, seasonLength) { Lik = lik, K = k, Count = Observed };

        void Set(double value, double lo, double hi)
        {
            x[i] = value;
            lower[i] = lo;
            upper[i] = hi;
            i++;
        }
    }

    /// <summary>Function evaluations used by the joint estimations so far.</summary>
    public int Evaluations { get; private set; }

    private EtsParameters ClassicParameters(EtsModel model, ReadOnlySpan<double> x)
    {
        int i = 0;
        double alpha = _options.Alpha ?? x[i++];
        double beta = !model.HasTrend ? 0 : _options.Beta ?? x[i++];
        double gamma = !model.HasSeason ? 0 : _options.Gamma ?? x[i++];
        double phi = !(model.HasTrend && model.Damped) ? 1 : _options.Phi ?? x[i++];
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    private double ClassicLik(EtsModel model, ReadOnlySpan<double> x, int np, double[] states, double[] ring)
    {
        EtsParameters p = ClassicParameters(model, x);
        EtsParameterBounds lim = _options.Limits;
        if (model.HasTrend && !(p.Beta >= lim.BetaLower && p.Beta <= Math.Min(p.Alpha, lim.BetaUpper))) return double.PositiveInfinity;
        if (model.HasSeason && !(p.Gamma >= lim.GammaLower && p.Gamma <= Math.Min(1 - p.Alpha, lim.GammaUpper))) return double.PositiveInfinity;
        if (!Admissible(model, p)) return double.PositiveInfinity;
        int seasonLength = states.Length - 2;
        if (!model.HasSeason && model.Trend != EtsTrend.Multiplicative && !_hasMissing)
        {
            Span<double> v = stackalloc double[1];
            new NonSeasonalObjective(model, _options, _y, np, _floor).Evaluate(x, v);
            return v[0];
        }

        ExpandStates(model, seasonLength, default, x[np..], states);
        double l = states[0], b = states[1];
        states.AsSpan(2).CopyTo(ring);
        if (!EtsRecursion.Run(model, p, _y, 0, ref l, ref b, model.HasSeason ? ring : [], [], out EtsRecursion.Totals totals))
            return double.PositiveInfinity;
        double lik = totals.Count * Math.Log(Math.Max(totals.SumSquares, model.Error == EtsError.Additive ? _floor : 1e-300));
        if (model.Error == EtsError.Multiplicative) lik += 2 * totals.SumLogMu;
        return double.IsNaN(lik) ? double.PositiveInfinity : lik;
    }
}
