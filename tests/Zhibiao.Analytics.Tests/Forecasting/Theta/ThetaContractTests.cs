using CsCheck;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Seasonality;
using Zhibiao.Analytics.Forecasting.Theta;

namespace Zhibiao.Analytics.Tests.Forecasting.Theta;

/// <summary>
/// The Theta models' options, names, parameters and error structure: what the estimation must satisfy whatever the
/// series (least squares in ℓ₀ and θ for every way of fixing them), and what a seasonal fit and its paths promise.
/// </summary>
public class ThetaContractTests
{
    private const double Z95 = 1.959963984540054;

    public static TheoryData<double?, double, double, double?, double, string> BadOptions() => new()
    {
        { 0.999, 0.1, 0.99, null, 0, "theta must be between 1 and" },              // θ below 1
        { 1.01e10, 0.1, 0.99, null, 0, "theta must be between 1 and" },            // θ above the bound
        { null, 0, 0.99, null, 0, "alpha bounds [0, 0.99] must lie in (0, 1]" },   // α bounds must be positive
        { null, 0.5, 0.4, null, 0, "alpha bounds [0.5, 0.4] must lie in (0, 1]" }, // lower above upper
        { null, 0.1, 1.0001, null, 0, "alpha bounds [0.1, 1.0001]" },              // upper above 1
        { null, 0.1, 0.99, 0, 0, "alpha must be in (0, 1]" },                      // fixed α of 0
        { null, 0.1, 0.99, 1.0001, 0, "alpha must be in (0, 1]" },                 // fixed α above 1
        { null, 0.1, 0.99, null, double.NaN, "the initial level must be finite" }, // initial level not finite
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Optimised_theta_refuses_options_outside_their_ranges(double? theta, double lower, double upper, double? alpha, double level, string message)
    {
        var options = new OptimizedThetaOptions { Theta = theta, AlphaLower = lower, AlphaUpper = upper, Alpha = alpha, InitialLevel = double.IsNaN(level) ? level : null };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizedThetaForecaster(options));
        Assert.Equal("options", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimised_theta_accepts_options_on_the_edges_of_their_ranges()
    {
        double[] y = [10, 12, 13, 15, 16, 18, 19, 21];
        foreach (OptimizedThetaOptions options in (OptimizedThetaOptions[])
        [
            new() { Theta = 1 }, new() { Theta = OptimizedThetaForecaster.MaxTheta }, new() { AlphaLower = 0.3, AlphaUpper = 0.3 },
            new() { AlphaLower = 1e-9, AlphaUpper = 1 }, new() { Alpha = 1 }, new() { InitialLevel = 0 },
        ])
            Assert.True(double.IsFinite(new OptimizedThetaForecaster(options).Fit(y).Forecast(3, []).Mean.Span[2]));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0001, 0.0)]
    [InlineData(-0.5, 0.0)]
    [InlineData(0.5, double.PositiveInfinity)]
    public void Theta_refuses_a_fixed_alpha_outside_0_1_or_a_level_not_finite(double alpha, double level)
    {
        var options = new ThetaOptions { Alpha = alpha, InitialLevel = double.IsFinite(level) ? null : level };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ThetaForecaster(options));
        Assert.Equal("options", e.ParamName);
        Assert.Equal(alpha is > 0 and <= 1 ? level : alpha, e.ActualValue);
        Assert.Contains(alpha is > 0 and <= 1 ? "the initial level must be finite" : "alpha must be in (0, 1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Theta_accepts_a_fixed_alpha_of_one() =>
        Assert.Equal(1, new ThetaForecaster(new ThetaOptions { Alpha = 1 }).Fit([10, 12, 11, 15, 14]).Parameters["alpha"]);

    [Theory]
    [InlineData("theta")]
    [InlineData("otm")]
    [InlineData("dotm")]
    public void A_season_length_below_one_is_refused(string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Forecasters.Create(name).Fit([10, 12, 11, 15, 14, 16], 0));
        Assert.Equal("seasonLength", e.ParamName);
    }

    [Theory]
    [InlineData(false, null, "OTM", "otm")]
    [InlineData(true, null, "DOTM", "dotm")]
    [InlineData(false, 2.0, "STM", "otm")]
    [InlineData(true, 2.0, "DSTM", "dotm")]
    [InlineData(false, 3.0, "OTM", "otm")]
    public void The_method_names_the_model(bool dynamic, double? theta, string method, string name)
    {
        var model = new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = dynamic, Theta = theta });
        Assert.Equal(name, model.Name);
        Assert.Equal(method, model.Fit([10, 12, 11, 15, 14, 16, 18, 17]).Method);
    }

    [Fact]
    public void On_a_line_the_parameters_are_its_regression()
    {
        double[] y = [.. Enumerable.Range(1, 10).Select(t => 3 + (2.0 * t))]; // A = 3, B = 2
        IFittedModel otm = new OptimizedThetaForecaster().Fit(y);
        Assert.Equal(3, otm.Parameters["A"], 9);
        Assert.Equal(2, otm.Parameters["B"], 9);
        Assert.True(otm.Parameters.ContainsKey("theta") && otm.Parameters.ContainsKey("l0") && otm.Parameters.ContainsKey("alpha"));
        IFittedModel theta = new ThetaForecaster().Fit(y);
        Assert.Equal(1, theta.Parameters["drift"], 9); // half the slope
        Assert.Equal(0, theta.Parameters["seasonal"]);
    }

    [Theory]
    [InlineData(false, false, false, 3)]
    [InlineData(true, false, false, 2)]
    [InlineData(true, true, false, 1)]
    [InlineData(true, true, true, 1)] // nothing estimated: still n − 1
    [InlineData(false, true, true, 1)]
    [InlineData(false, false, true, 2)]
    public void The_variance_divides_by_n_less_the_parameters_estimated(bool fixAlpha, bool fixTheta, bool fixLevel, int estimated)
    {
        double[] y = [10, 12, 11, 15, 14, 16, 18, 17, 19, 22, 21, 24];
        var options = new OptimizedThetaOptions { Alpha = fixAlpha ? 0.4 : null, Theta = fixTheta ? 2.5 : null, InitialLevel = fixLevel ? 9.5 : null };
        IFittedModel fit = new OptimizedThetaForecaster(options).Fit(y);
        double sse = fit.Residuals.Sum(r => r * r);
        Assert.Equal(sse / (y.Length - estimated), fit.Parameters["sigma2"], 9);
    }

    [Theory]
    [InlineData("theta")]
    [InlineData("otm")]
    public void A_seasonal_fit_is_the_fit_of_the_adjusted_series_times_the_index(string name)
    {
        (double[] y, int m) = Golden.Series("monthly48");
        SeasonalAdjustment a = SeasonalAdjustment.Estimate(y, m);
        double[] x = [.. y.Select((v, t) => v / a.IndexAt(t))];
        IForecaster seasonal = name == "theta" ? new ThetaForecaster() : new OptimizedThetaForecaster();
        IForecaster plain = name == "theta"
            ? new ThetaForecaster(new ThetaOptions { Deseasonalise = false })
            : new OptimizedThetaForecaster(new OptimizedThetaOptions { Deseasonalise = false });
        IFittedModel s = seasonal.Fit(y, m), p = plain.Fit(x, m);
        Assert.Equal(m, s.Parameters["seasonal"]);
        Assert.Equal(0, p.Parameters["seasonal"]);
        for (int t = 0; t < y.Length; t++) Assert.Equal(p.Fitted[t] * a.IndexAt(t), s.Fitted[t], 6);
        Forecast fs = s.Forecast(12, []), fp = p.Forecast(12, []);
        for (int h = 1; h <= 12; h++) Assert.Equal(fp.Mean.Span[h - 1] * a.ForecastIndex(h), fs.Mean.Span[h - 1], 6);

        // Without adjustment the seasonal series itself is smoothed: no index in the parameters, another fit
        IFittedModel unadjusted = plain.Fit(y, m);
        Assert.Equal(0, unadjusted.Parameters["seasonal"]);
        Assert.NotEqual(s.Forecast(12, []).Mean.Span[0], unadjusted.Forecast(12, []).Mean.Span[0], 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seasonal_spread_is_scaled_by_the_index_only_when_asked(bool scale)
    {
        (double[] y, int m) = Golden.Series("monthly48");
        SeasonalAdjustment a = SeasonalAdjustment.Estimate(y, m);
        IFittedModel fit = new ThetaForecaster(new ThetaOptions { ScaleIntervalsBySeason = scale }).Fit(y, m);
        double sigma = Math.Sqrt(fit.Parameters["sigma2"]), alpha = fit.Parameters["alpha"];
        Forecast f = fit.Forecast(12, [95]);
        (_, double[] variance) = PathMoments.PerStep(fit, 12, 40_000, seed: 3);
        for (int h = 1; h <= 12; h++)
        {
            double sd = sigma * Math.Sqrt(1 + (alpha * alpha * (h - 1))) * (scale ? a.ForecastIndex(h) : 1);
            Assert.Equal(Z95 * sd, f.Interval(95).Upper.Span[h - 1] - f.Mean.Span[h - 1], 6);
            double pathSd = Math.Sqrt(variance[h - 1]);
            Golden.Close(sd, pathSd, 0.03, $"h={h} path sd");
        }
    }

    [Fact]
    public void Paths_carry_the_smoothing_errors_forward()
    {
        // y_{n+1} − ŷ = e₁, y_{n+2} − ŷ = e₂ + α·e₁: the two-step total spreads as σ²((1 + α)² + 1), not 2σ²
        double[] y = [10, 12, 11, 15, 14, 16, 18, 17, 19, 22, 21, 24];
        IFittedModel fit = new ThetaForecaster(new ThetaOptions { Alpha = 0.6 }).Fit(y);
        double s2 = fit.Parameters["sigma2"];
        double[] paths = PathMoments.Simulate(fit, 2, 40_000, seed: 5);
        (_, double variance) = PathMoments.Of(Enumerable.Range(0, 40_000).Select(p => paths[2 * p] + paths[(2 * p) + 1]));
        Golden.Close(s2 * ((1.6 * 1.6) + 1), variance, 0.04, "variance of the two-step total");
    }

    /// <summary>Series with trends that hold, reverse or vanish (so θ is estimated inside its range, at 1, or without a trend to weigh).</summary>
    private static Gen<double[]> Series => Gen.Select(Gen.Double[-3, 3].Array[10, 30], Gen.Double[-2, 2], Gen.Int[0, 2], (steps, slope, kind) =>
    {
        var y = new double[steps.Length];
        double v = 50;
        for (int t = 0; t < y.Length; t++)
        {
            double direction = kind == 1 && t > y.Length / 2 ? -1 : 1; // kind 1: the trend reverses halfway
            y[t] = v += (kind == 2 ? 0 : direction * slope) + steps[t];
        }

        return y;
    });

    private static double Sse(IFittedModel fit) => fit.Residuals.Where(double.IsFinite).Sum(r => r * r);

    /// <summary>No fit with the neighbouring options has a lower sum of squared errors than <paramref name="best"/>.</summary>
    private static void NoNeighbourFitsBetter(double[] y, IFittedModel best, IEnumerable<OptimizedThetaOptions> neighbours)
    {
        double sse = Sse(best);
        foreach (OptimizedThetaOptions options in neighbours)
        {
            double other = Sse(new OptimizedThetaForecaster(options).Fit(y));
            Assert.True(sse <= other * (1 + 1e-9) + 1e-9, $"SSE {sse} above {other} at θ {options.Theta}, ℓ₀ {options.InitialLevel}");
        }
    }

    /// <summary>θ = 1 / (1 − k) for k moved by dk and kept in [0, 0.999].</summary>
    private static double ThetaAt(double k, double dk) => 1 / (1 - Math.Clamp(k + dk, 0, 0.999));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_estimated_level_and_theta_are_least_squares_at_the_estimated_alpha(bool dynamic) =>
        Series.SamplePinned(y =>
        {
            IFittedModel best = new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = dynamic }).Fit(y);
            double alpha = best.Parameters["alpha"], l0 = best.Parameters["l0"], k = 1 - (1 / best.Parameters["theta"]);
            NoNeighbourFitsBetter(y, best,
                from dk in (double[])[-0.05, 0, 0.05]
                from dl in (double[])[-0.2, 0, 0.2]
                select new OptimizedThetaOptions { Dynamic = dynamic, Alpha = alpha, InitialLevel = l0 + dl, Theta = ThetaAt(k, dk) });
        }, iter: 40);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_the_level_fixed_theta_is_least_squares(bool dynamic) =>
        Series.SamplePinned(y =>
        {
            double level = y[0] - 1;
            IFittedModel best = new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = dynamic, Alpha = 0.5, InitialLevel = level }).Fit(y);
            Assert.Equal(level, best.Parameters["l0"]);
            double k = 1 - (1 / best.Parameters["theta"]);
            NoNeighbourFitsBetter(y, best,
                from dk in (double[])[-0.05, 0.05]
                select new OptimizedThetaOptions { Dynamic = dynamic, Alpha = 0.5, InitialLevel = level, Theta = ThetaAt(k, dk) });
        }, iter: 30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_theta_fixed_the_level_is_least_squares(bool dynamic) =>
        Series.SamplePinned(y =>
        {
            IFittedModel best = new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = dynamic, Alpha = 0.5, Theta = 2 }).Fit(y);
            Assert.Equal(2, best.Parameters["theta"], 9);
            double l0 = best.Parameters["l0"];
            NoNeighbourFitsBetter(y, best,
                from dl in (double[])[-0.2, 0.2]
                select new OptimizedThetaOptions { Dynamic = dynamic, Alpha = 0.5, Theta = 2, InitialLevel = l0 + dl });
        }, iter: 30);

    [Fact]
    public void Without_a_trend_to_weigh_otm_takes_the_standard_theta()
    {
        double[] y = [1, 3, 2, 2, 3, 1]; // regression slope 0: θ does not change the fit
        IFittedModel fit = new OptimizedThetaForecaster(new OptimizedThetaOptions { Alpha = 0.5 }).Fit(y);
        Assert.Equal(2, fit.Parameters["theta"], 9);
        Assert.Equal(0, fit.Parameters["B"], 12);
        double sse = Sse(fit), l0 = fit.Parameters["l0"];
        foreach (double dl in (double[])[-0.1, 0.1])
            Assert.True(sse <= Sse(new OptimizedThetaForecaster(new OptimizedThetaOptions { Alpha = 0.5, Theta = 2, InitialLevel = l0 + dl }).Fit(y)));

        // with the level fixed, a line of zero intercept and slope leaves no trend term at all: θ = 2 again, not 0 / 0
        double[] flat = [-1, 1, 0, 0, 1, -1];
        Assert.Equal(2, new OptimizedThetaForecaster(new OptimizedThetaOptions { Alpha = 0.5, InitialLevel = 0.3 }).Fit(flat).Parameters["theta"], 9);
    }
}
