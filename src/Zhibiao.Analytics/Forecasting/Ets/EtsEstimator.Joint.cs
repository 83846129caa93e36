using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

internal sealed partial class EtsEstimator
{
    // ---------------------------------------------------------------------------------------------------------
    // Other models: parameters and states together.

    private EtsCandidate? FitJoint(EtsModel model, EtsParameterLayout layout, int k)
    {
        int seasonLength = model.HasSeason ? _m : 1;
        int free = FreeStates(model, seasonLength);
        int dim = layout.Count + free;
        double[] start = new double[dim];
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        layout.Start(start, _m);
        layout.Lower.CopyTo(lower);
        layout.Upper.CopyTo(upper);
        Span<double> guess = stackalloc double[2 + seasonLength];
        Guess(model)[..guess.Length].CopyTo(guess);
        if (model.Trend == EtsTrend.Multiplicative)
        {
            // The guessed additive slope as a growth ratio.
            guess[1] = guess[0] > 0 ? Math.Clamp(1 + (guess[1] / guess[0]), 0.5, 2) : 1;
            if (!(guess[0] > 0)) guess[0] = Math.Max(1e-3, Math.Abs(guess[0]));
        }

        CompressStates(model, seasonLength, guess, start.AsSpan(layout.Count));
        for (int i = layout.Count; i < dim; i++)
        {
            lower[i] = double.NegativeInfinity;
            upper[i] = double.PositiveInfinity;
        }

        double[] states = new double[2 + seasonLength];
        double[] ring = new double[seasonLength];
        OptimizationResult best = NelderMead.Minimize(x => JointLik(model, layout, x, states, ring), start, lower, upper, Simplex);
        if (!double.IsFinite(best.Value)) return null;
        double lik = JointLik(model, layout, best.Point, states, ring);
        if (!double.IsFinite(lik)) return null;
        return new EtsCandidate(model, layout.Map(best.Point), states, seasonLength) { Lik = lik, K = k, Count = Observed };
    }

    private double JointLik(EtsModel model, in EtsParameterLayout layout, ReadOnlySpan<double> x, double[] states, double[] ring)
    {
        EtsParameters p = layout.Map(x);
        if (!Admissible(model, p)) return double.PositiveInfinity;
        int seasonLength = states.Length - 2;
        ExpandStates(model, seasonLength, default, x[layout.Count..], states);
        if (model.Trend == EtsTrend.Multiplicative && !(states[1] > 0)) return double.PositiveInfinity;
        if (model.Season == EtsSeason.Multiplicative)
            for (int i = 2; i < states.Length; i++)
                if (!(states[i] > 0)) return double.PositiveInfinity;
        double l = states[0], b = states[1];
        states.AsSpan(2).CopyTo(ring);
        if (!EtsRecursion.Run(model, p, _y, 0, ref l, ref b, model.HasSeason ? ring : [], [], out EtsRecursion.Totals totals))
            return double.PositiveInfinity;
        double lik = totals.Count * Math.Log(Math.Max(totals.SumSquares, model.Error == EtsError.Additive ? _floor : 1e-300));
        if (model.Error == EtsError.Multiplicative) lik += 2 * totals.SumLogMu;
        return double.IsNaN(lik) ? double.PositiveInfinity : lik;
    }
}
