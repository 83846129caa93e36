using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Arima;
using CsCheck;
using MathNet.Numerics.Distributions;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

public class ArimaModelTests
{
    private static double[] SimulateArma(int n, double phi, double theta, double mean, int seed)
    {
        var random = new Random(seed);
        var y = new double[n];
        double previous = 0, shock = 0;
        for (int t = 0; t < n + 100; t++)
        {
            double e = Normal.Sample(random, 0, 1);
            double v = (phi * previous) + e + (theta * shock);
            previous = v;
            shock = e;
            if (t >= 100) y[t - 100] = mean + v;
        }

        return y;
    }

    [Fact]
    public void FixedOrderRecoversArmaCoefficients()
    {
        double[] y = SimulateArma(600, 0.6, 0.3, 10, seed: 7);
        var model = (ArimaModel)new ArimaForecaster(new ArimaOptions { Order = new ArimaOrder(1, 0, 1) }).Fit(y);
        Assert.Equal(0.6, model.Ar[0], 1e-1);
        Assert.Equal(0.3, model.Ma[0], 1e-1);
        Assert.Equal(10, model.Mean, 0.5);
        Assert.Equal(1, model.Sigma2, 0.5);
        Assert.Equal("ARIMA(1,0,1) with non-zero mean", model.Method);
        Assert.Equal(["ar1", "ma1", "mean", "sigma2"], model.Parameters.Keys.ToArray());
    }

    [Fact]
    public void RandomWalkWithDriftForecastsAStraightLineWithSqrtHWidth()
    {
        var random = new Random(3);
        var y = new double[80];
        for (int t = 1; t < y.Length; t++) y[t] = y[t - 1] + 2 + Normal.Sample(random, 0, 1);
        var model = (ArimaModel)new ArimaForecaster(new ArimaOptions { Order = new ArimaOrder(0, 1, 0) }).Fit(y);
        Forecast f = model.Forecast(5, [95]);
        for (int h = 1; h <= 5; h++)
        {
            Assert.Equal(y[^1] + (h * model.Drift), f.Mean.Span[h - 1], 1e-9 * Math.Abs(y[^1]));
            double half = (f.Interval(95).Upper.Span[h - 1] - f.Mean.Span[h - 1]) / Math.Sqrt(h);
            Assert.Equal(1.959963984540054 * Math.Sqrt(model.Sigma2), half, 1e-9);
        }
    }

    [Fact]
    public void SimulatedPathsAgreeWithTheAnalyticMeanAndVariance()
    {
        double[] y = SimulateArma(120, 0.5, -0.4, 0, seed: 11);
        for (int t = 1; t < y.Length; t++) y[t] += y[t - 1];
        var model = (ArimaModel)new ArimaForecaster(new ArimaOptions { Order = new ArimaOrder(1, 1, 1), IncludeConstant = false }).Fit(y);
        const int horizon = 6, paths = 20000;
        Forecast f = model.Forecast(horizon, [95]);
        (double[] means, double[] variances) = PathMoments.PerStep(model, horizon, paths, seed: 5);
        for (int h = 0; h < horizon; h++)
        {
            double mean = means[h], sd = Math.Sqrt(variances[h]);
            double analyticSd = (f.Interval(95).Upper.Span[h] - f.Mean.Span[h]) / 1.959963984540054;
            Assert.True(Math.Abs(mean - f.Mean.Span[h]) < 4 * analyticSd / Math.Sqrt(paths), $"mean at h={h + 1}");
            Assert.True(Math.Abs(sd / analyticSd - 1) < 0.03, $"sd at h={h + 1}: {sd} vs {analyticSd}");
        }
    }

    [Fact]
    public void FittedValuesAreOneStepPredictions()
    {
        double[] y = SimulateArma(50, 0.7, 0, 5, seed: 2);
        var model = (ArimaModel)new ArimaForecaster(new ArimaOptions { Order = new ArimaOrder(1, 0, 0) }).Fit(y);
        // After the first value the exact AR(1) prediction is μ + φ(yₜ₋₁ − μ).
        for (int t = 1; t < y.Length; t++)
            Assert.Equal(model.Mean + (model.Ar[0] * (y[t - 1] - model.Mean)), model.Fitted[t], 1e-9);
        Assert.Equal(y[10] - model.Fitted[10], model.Residuals[10], 1e-12);
    }

    [Fact]
    public void ForecastsOfAConstantSeriesAreFlat() =>
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Int[3, 60], Gen.OneOf(1, 4, 12)).SamplePinned((level, n, m) =>
        {
            double[] y = [.. Enumerable.Repeat(level, n)];
            IFittedModel model = new AutoArimaForecaster().Fit(y, m);
            Forecast f = model.Forecast(8, [80, 95]);
            foreach (double v in f.Mean.Span) Assert.Equal(level, v, 1e-9 * Math.Max(1, Math.Abs(level)));
            foreach (PredictionInterval pi in f.Intervals)
                for (int h = 0; h < 8; h++)
                    Assert.True(pi.Upper.Span[h] - pi.Lower.Span[h] <= 1e-6 * Math.Max(1, Math.Abs(level)));
        });

    /// <summary>
    /// The h-step variance is σ²(Σ_{j&lt;h} ψ_j² + G'ₕPₙGₕ): the ψ part (the integrated model's ψ-weights, worked here
    /// from the fitted coefficients) never falls as h grows and the state part is never negative, so every interval is at
    /// least as wide as the ψ part alone, and widens at every step after one where the state part is zero. (The state part
    /// itself may shrink faster than the ψ part grows: an ARIMA(2,0,1) fitted to 37 values narrows by 0.005% at h = 9.)
    /// </summary>
    [Fact]
    public void IntervalsWidenWithTheHorizon() =>
        Gen.Select(Gen.Double[-3, 3].Array[20, 60], Gen.Bool).SamplePinned((shocks, integrate) =>
        {
            double[] y = (double[])shocks.Clone();
            if (integrate)
                for (int t = 1; t < y.Length; t++) y[t] += y[t - 1];
            ArimaModel model = new AutoArimaForecaster().FitModel(y);
            Forecast f = model.Forecast(12, [95]);
            PredictionInterval pi = f.Interval(95);
            double z = Normal.InvCDF(0, 1, 0.975);
            double[] psi = IntegratedPsi(model, 12);
            double psiSum = 0, previous = 0, previousPsiPart = 0;
            for (int h = 1; h <= 12; h++)
            {
                psiSum += psi[h - 1] * psi[h - 1];
                double half = (pi.Upper.Span[h - 1] - pi.Lower.Span[h - 1]) / (2 * z);
                double variance = half * half, psiPart = model.Sigma2 * psiSum;
                Assert.True(variance >= psiPart * (1 - 1e-7), $"variance {variance} below its ψ part {psiPart} at h={h} ({f.Method})");
                if (h > 1 && Math.Abs(previous - previousPsiPart) <= 1e-9 * previous)
                    Assert.True(variance >= previous * (1 - 1e-7), $"variance fell from {previous} to {variance} at h={h} after a step with a certain state ({f.Method})");
                (previous, previousPsiPart) = (variance, psiPart);
            }
        }, iter: 60);

    /// <summary>ψ₀..ψ_{k−1} of φ(B)(1 − B)ᵈ yₜ = θ(B)εₜ (non-seasonal): ψ_j = θ_j + Σᵢ φ*ᵢ ψ_{j−i}, φ* the integrated AR polynomial's coefficients.</summary>
    private static double[] IntegratedPsi(ArimaModel model, int k)
    {
        double[] ar = [1, .. model.Ar.Select(a => -a)]; // 1 − Σ φᵢBⁱ as coefficients of Bⁱ
        for (int d = 0; d < model.Order.D; d++)
        {
            var next = new double[ar.Length + 1];
            for (int i = 0; i < ar.Length; i++)
            {
                next[i] += ar[i];
                next[i + 1] -= ar[i];
            }

            ar = next;
        }

        var psi = new double[k];
        for (int j = 0; j < k; j++)
        {
            double v = j == 0 ? 1 : j <= model.Ma.Count ? model.Ma[j - 1] : 0;
            for (int i = 1; i < ar.Length && i <= j; i++) v -= ar[i] * psi[j - i];
            psi[j] = v;
        }

        return psi;
    }

    [Fact]
    public void SeasonalModelsRepeatTheSeasonalPattern()
    {
        // A pure seasonal pattern with a little noise: forecasts follow the pattern a year ahead.
        var random = new Random(1);
        double[] pattern = [10, 14, 9, 20];
        double[] y = [.. Enumerable.Range(0, 40).Select(t => pattern[t % 4] + (0.1 * Normal.Sample(random, 0, 1)))];
        ArimaModel model = new AutoArimaForecaster().FitModel(y, 4);
        Assert.Equal(4, model.Order.SeasonLength);
        Forecast f = model.Forecast(8, [95]);
        for (int h = 0; h < 8; h++) Assert.Equal(pattern[(40 + h) % 4], f.Mean.Span[h], 0.5);
    }
}
