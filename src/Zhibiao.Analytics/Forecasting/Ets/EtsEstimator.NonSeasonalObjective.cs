using Zhibiao.Analytics.Forecasting.Optimization;

namespace Zhibiao.Analytics.Forecasting.Ets;

internal sealed partial class EtsEstimator
{
    /// <summary>
    /// The likelihood of non-seasonal models with additive or no trend at points [α, (β), (φ), ℓ₀, (b₀)] (the
    /// estimated parameters only), four at a time in <see cref="EtsKernels"/>; points with β outside [β_lo, min(α, β_hi)] get +∞.
    /// </summary>
    private readonly struct NonSeasonalObjective : IBatchObjective
    {
        private readonly double[] _y;
        private readonly int[] _rows;
        private readonly double[] _fixed;
        private readonly double[] _padded;
        private readonly double[] _lik;
        private readonly double _betaLo, _betaHi, _floor;
        private readonly bool _trend, _multiplicative;

        public NonSeasonalObjective(EtsModel model, EtsOptions options, double[] y, int np, double floor)
        {
            _y = y;
            _trend = model.HasTrend;
            bool damped = _trend && model.Damped;
            int alpha = options.Alpha is null ? 0 : -1;
            int beta = _trend && options.Beta is null ? alpha + 1 : -1;
            int phi = damped && options.Phi is null ? Math.Max(alpha, beta) + 1 : -1;
            _rows = [alpha, beta, phi, np, _trend ? np + 1 : -1];
            _fixed = [options.Alpha ?? 0, _trend ? options.Beta ?? 0 : 0, damped ? options.Phi ?? 1 : 1, 0, 0];
            _padded = new double[EtsKernels.Width * (np + 2)];
            _lik = new double[EtsKernels.Width];
            _betaLo = options.Limits.BetaLower;
            _betaHi = options.Limits.BetaUpper;
            _floor = floor;
            _multiplicative = model.Error == EtsError.Multiplicative;
        }

        public void Evaluate(ReadOnlySpan<double> points, Span<double> values)
        {
            const int w = EtsKernels.Width;
            int count = values.Length;
            int dim = points.Length / count;
            if (count == w)
            {
                EtsKernels.NonSeasonal(_y, points, _rows, _fixed, _trend, _multiplicative, _floor, values, _betaLo, _betaHi);
                return;
            }

            for (int start = 0; start < count; start += w)
            {
                int used = Math.Min(w, count - start);
                for (int i = 0; i < dim; i++)
                    for (int k = 0; k < w; k++) _padded[(w * i) + k] = points[(i * count) + start + (k < used ? k : 0)];
                EtsKernels.NonSeasonal(_y, _padded.AsSpan(0, w * dim), _rows, _fixed, _trend, _multiplicative, _floor, _lik, _betaLo, _betaHi);
                _lik.AsSpan(0, used).CopyTo(values[start..]);
            }
        }
    }
}
