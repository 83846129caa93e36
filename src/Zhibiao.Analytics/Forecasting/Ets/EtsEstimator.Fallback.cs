using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

internal sealed partial class EtsEstimator
{
    // ---------------------------------------------------------------------------------------------------------
    // Least-squares fallback for short series (parameters only; the initial states are fixed).

    /// <summary>
    /// Fits an additive-error model by least squares with initial states fixed at time <paramref name="start"/>
    /// (the simple Holt–Winters start), as R's ets() does for series too short for maximum likelihood.
    /// </summary>
    public EtsCandidate? FitLeastSquares(EtsModel model, int start, ReadOnlySpan<double> initial)
    {
        var layout = new EtsParameterLayout(model, _options);
        if (!layout.Feasible) return null;
        int seasonLength = model.HasSeason ? _m : 1;
        double[] states = initial.ToArray();
        double[] ring = new double[seasonLength];
        Span<double> x0 = stackalloc double[layout.Count];
        layout.Start(x0, _m);
        double Sse(ReadOnlySpan<double> x)
        {
            EtsParameters p = layout.Map(x);
            double l = states[0], b = states[1];
            states.AsSpan(2).CopyTo(ring);
            if (!EtsRecursion.Run(model, p, _y, start, ref l, ref b, model.HasSeason ? ring : [], [], out EtsRecursion.Totals totals)) return double.PositiveInfinity;
            return totals.SumSquares;
        }

        OptimizationResult best = layout.Count == 0 ? new OptimizationResult([], Sse([]), 0, true) : NelderMead.Minimize(Sse, x0, layout.Lower, layout.Upper, Simplex);
        if (!double.IsFinite(best.Value)) return null;
        int count = 0;
        for (int t = start; t < _n; t++) if (!double.IsNaN(_y[t])) count++;
        return new EtsCandidate(model, layout.Map(best.Point), states, seasonLength)
        {
            Start = start,
            Lik = count * Math.Log(Math.Max(best.Value, _floor)),
            K = layout.Count + 1,
            Count = count,
            IsFallback = true,
        };
    }
}
