using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Theta;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Theta;

public class ThetaModelTests
{
    private static readonly IForecaster[] Models =
    [
        new ThetaForecaster(), new OptimizedThetaForecaster(), new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = true }),
    ];

    public static TheoryData<string> Names() => ["theta", "otm", "dotm"];

    private static IForecaster Model(string name) => Models.Single(m => m.Name == name);

    [Fact]
    public void The_running_regression_equals_least_squares_on_every_prefix() =>
        Gen.Double[-100, 100].Array[2, 40].SamplePinned(y =>
        {
            var regression = new ThetaEstimation.RunningRegression(y[0]);
            for (int t = 1; t <= y.Length; t++)
            {
                regression.Add(t, y[t - 1]);
                ThetaEstimation.LinearTrend(y.AsSpan(0, t), out double a, out double b);
                Golden.Close(a, regression.Intercept, 1e-9, $"A_{t}");
                Golden.Close(b, regression.Slope, 1e-9, $"B_{t}");
            }
        });

    [Theory]
    [MemberData(nameof(Names))]
    public void A_constant_series_gets_a_flat_forecast_with_no_spread(string name)
    {
        double[] y = [42, 42, 42, 42, 42, 42, 42, 42, 42, 42, 42, 42, 42];
        Forecast f = Model(name).Fit(y, 4).Forecast(8, [80, 95]);
        foreach (double v in f.Mean.Span) Assert.Equal(42, v, 9);
        foreach (PredictionInterval pi in f.Intervals)
            for (int h = 0; h < 8; h++)
            {
                Assert.Equal(42, pi.Lower.Span[h], 9);
                Assert.Equal(42, pi.Upper.Span[h], 9);
            }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_series_too_short_is_refused_with_the_minimum_length(string name)
    {
        int minimum = name == "theta" ? ThetaForecaster.MinimumLength : OptimizedThetaForecaster.MinimumLength;
        var e = Assert.Throws<ForecastException>(() => Model(name).Fit(new double[minimum - 1].Select((_, i) => i + 1.0).ToArray()));
        Assert.Contains($"at least {minimum} values", e.Message, StringComparison.Ordinal);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_missing_value_is_refused(string name)
    {
        var e = Assert.Throws<ForecastException>(() => Model(name).Fit([1, 2, double.NaN, 4, 5, 6]));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_horizon_beyond_the_limit_is_refused_before_anything_is_allocated(string name)
    {
        IFittedModel fit = Model(name).Fit([1, 3, 2, 5, 4, 6]);
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(ForecastLimits.MaxHorizon + 1, [95]));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(int.MaxValue, [95]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Seasonal_data_with_zeros_are_forecast_without_adjustment(string name)
    {
        double[] y = [.. Enumerable.Range(0, 36).Select(t => t % 12 == 0 ? 0 : 10 + (5 * Math.Sin(t * Math.PI / 6)))];
        IFittedModel fit = Model(name).Fit(y, 12);
        Assert.Equal(0, fit.Parameters["seasonal"]);
        Assert.All(fit.Forecast(12, [95]).Mean.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Otm_continues_an_exact_line()
    {
        double[] y = [.. Enumerable.Range(1, 20).Select(t => 5 + (3.0 * t))];
        Forecast f = new OptimizedThetaForecaster().Fit(y).Forecast(5, [95]);
        for (int h = 1; h <= 5; h++) Golden.Close(5 + (3.0 * (20 + h)), f.Mean.Span[h - 1], 1e-6, $"h={h}");
    }

    [Fact]
    public void Otm_with_theta_one_is_simple_exponential_smoothing()
    {
        double[] y = [3, 5, 4, 6, 8, 7, 9, 12, 10, 11];
        IFittedModel fit = new OptimizedThetaForecaster(new OptimizedThetaOptions { Theta = 1 }).Fit(y);
        double alpha = fit.Parameters["alpha"], level = fit.Parameters["l0"];
        foreach (double v in y) level += alpha * (v - level);
        Forecast f = fit.Forecast(4, []);
        Assert.All(f.Mean.ToArray(), v => Assert.Equal(level, v, 9));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_estimate_has_no_larger_sum_of_squares_than_nearby_parameters(string name)
    {
        Gen.Double[-5, 5].Array[12, 30].SamplePinned(steps =>
        {
            double[] y = new double[steps.Length];
            double v = 100;
            for (int t = 0; t < y.Length; t++) y[t] = v += steps[t] + 1;
            IFittedModel best = Model(name).Fit(y);
            double sse = Sse(best);
            foreach (double da in (double[])[-0.05, 0.05])
                foreach (double dl in (double[])[-1, 1])
                {
                    double alpha = Math.Clamp(best.Parameters["alpha"] + da, 0.1, 0.99);
                    double l0 = best.Parameters["l0"] + dl;
                    IFittedModel other = name == "theta"
                        ? new ThetaForecaster(new ThetaOptions { Alpha = alpha, InitialLevel = l0 }).Fit(y)
                        : new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = name == "dotm", Alpha = alpha, InitialLevel = l0, Theta = best.Parameters["theta"] }).Fit(y);
                    Assert.True(sse <= Sse(other) * (1 + 1e-9), $"SSE {sse} above {Sse(other)} at alpha {alpha}, l0 {l0}");
                }
        }, iter: 30);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Simulated_paths_agree_with_the_analytic_mean_and_variance(string name)
    {
        double[] y = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140];
        IFittedModel fit = Model(name).Fit(y, 12);
        const int horizon = 6, paths = 40_000;
        Forecast f = fit.Forecast(horizon, [95]);
        (double[] means, double[] variances) = PathMoments.PerStep(fit, horizon, paths, seed: 7);
        for (int h = 0; h < horizon; h++)
        {
            double mean = means[h], sd = Math.Sqrt(variances[h]);
            double analyticSd = (f.Interval(95).Upper.Span[h] - f.Mean.Span[h]) / 1.959963984540054;
            Assert.True(Math.Abs(mean - f.Mean.Span[h]) < 5 * analyticSd / Math.Sqrt(paths), $"h={h + 1}: mean {mean} vs {f.Mean.Span[h]}");
            Golden.Close(analyticSd, sd, 0.03, $"h={h + 1} sd");
        }
    }

    private static double Sse(IFittedModel fit)
    {
        double sse = 0;
        foreach (double r in fit.Residuals)
            if (double.IsFinite(r)) sse += r * r;
        return sse;
    }
}
