using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;

namespace Zhibiao.Analytics.Tests.Forecasting.Baselines;

/// <summary>
/// The baselines' fitted values, parameters and sample paths, worked by hand: the paths must spread as the intervals
/// say (the probability of a target is counted on them).
/// </summary>
public class BaselinePathTests
{
    private const int Paths = 40_000;

    /// <summary>Mean and variance over simulated paths at each step.</summary>
    private static (double[] Mean, double[] Variance) Moments(IFittedModel fit, int horizon, Func<double, double>? transform = null) =>
        PathMoments.PerStep(fit, horizon, Paths, seed: 7, transform);

    // y = 10, 12, 11, 15, 14: changes 2, −1, 4, −1; b = (14 − 10)/4 = 1; squared deviations 1 + 4 + 9 + 4 = 18.
    private static readonly double[] Walk = [10, 12, 11, 15, 14];

    [Fact]
    public void Naive_fits_the_previous_value_and_its_variance_is_the_mean_squared_change()
    {
        IFittedModel fit = new NaiveForecaster().Fit(Walk);
        Assert.True(double.IsNaN(fit.Fitted[0]));
        Assert.Equal([10.0, 12, 11, 15], fit.Fitted.Skip(1));
        Assert.Equal((4 + 1 + 16 + 1) / 4.0, fit.Parameters["sigma2"], 12); // changes 2, −1, 4, −1
        Assert.False(fit.Parameters.ContainsKey("drift"));
        Assert.Equal(-1, fit.Residuals[^1], 12);
    }

    [Fact]
    public void Drift_fits_the_previous_value_plus_the_average_change()
    {
        IFittedModel fit = new DriftForecaster().Fit(Walk);
        Assert.Equal(1, fit.Parameters["drift"], 12);
        Assert.Equal(18 / 3.0, fit.Parameters["sigma2"], 12); // Σ(Δy − b)² / (n − 2)
        Assert.True(double.IsNaN(fit.Fitted[0]));
        Assert.Equal([11.0, 13, 12, 16], fit.Fitted.Skip(1));
        Forecast f = fit.Forecast(3, []);
        Assert.Equal([15.0, 16, 17], f.Mean.ToArray());
    }

    [Fact]
    public void Drift_paths_spread_as_the_intervals_with_the_uncertainty_of_the_drift()
    {
        IFittedModel fit = new DriftForecaster().Fit(Walk);
        (double[] mean, double[] variance) = Moments(fit, 4);
        for (int h = 1; h <= 4; h++)
        {
            double expected = 6.0 * h * (1 + (h / 4.0)); // σ²·h·(1 + h/(n − 1))
            Assert.Equal(14 + h, mean[h - 1], 0.1);
            Assert.InRange(variance[h - 1], expected * 0.96, expected * 1.04);
        }
    }

    [Fact]
    public void Seasonal_naive_paths_repeat_the_last_season_and_spread_by_whole_years()
    {
        // quarterly, two years: seasonal differences 1, 1, 3, −1 → σ² = (1 + 1 + 9 + 1) / 4 = 3
        double[] y = [10, 20, 30, 40, 11, 21, 33, 39];
        IFittedModel fit = new SeasonalNaiveForecaster().Fit(y, 4);
        Assert.Equal(3, fit.Parameters["sigma2"], 12);
        Assert.Equal([10.0, 20, 30, 40], fit.Fitted.Skip(4));
        Assert.Equal([11.0, 21, 33, 39, 11, 21], fit.Forecast(6, []).Mean.ToArray());
        (double[] mean, double[] variance) = Moments(fit, 6);
        double[] years = [1, 1, 1, 1, 2, 2];
        for (int h = 0; h < 6; h++)
        {
            Assert.Equal(y[4 + (h % 4)], mean[h], 0.1);
            Assert.InRange(variance[h], 3 * years[h] * 0.96, 3 * years[h] * 1.04);
        }
    }

    [Fact]
    public void Paths_of_a_noiseless_walk_are_its_forecast()
    {
        double[] line = [3, 5, 7, 9, 11];
        IFittedModel fit = new DriftForecaster().Fit(line);
        var paths = new double[3 * 5];
        fit.SimulatePaths(5, paths, new Random(1));
        for (int p = 0; p < 3; p++)
            for (int h = 1; h <= 5; h++) Assert.Equal(11 + (2 * h), paths[(p * 5) + h - 1], 12);
    }

    [Fact]
    public void Mean_forecast_uses_student_t_and_its_paths_have_the_t_quantiles()
    {
        double[] y = [4, 8, 6, 2, 10]; // mean 6, s² = (4 + 4 + 0 + 16 + 16)/4 = 10
        IFittedModel fit = new MeanForecaster().Fit(y);
        Assert.Equal(6, fit.Parameters["mean"], 12);
        Assert.Equal(Math.Sqrt(10), fit.Parameters["sd"], 12);
        Assert.All(fit.Fitted, v => Assert.Equal(6, v));
        Forecast f = fit.Forecast(2, [95]);
        double half = 2.7764451051977987 * Math.Sqrt(10 * 1.2); // t(0.975, 4) · s·√(1 + 1/n)
        Assert.Equal(6 - half, f.Interval(95).Lower.Span[1], 9);
        Assert.Equal(6 + half, f.Interval(95).Upper.Span[0], 9);
        var paths = new double[Paths * 2];
        fit.SimulatePaths(2, paths, new Random(7));
        double[] second = [.. Enumerable.Range(0, Paths).Select(p => paths[(p * 2) + 1])];
        Array.Sort(second);
        Assert.Equal(6 + half, FittedModel.Quantile(second, 0.975), 0.03 * half);
        Assert.Equal(6 - half, FittedModel.Quantile(second, 0.025), 0.03 * half);
    }

    [Fact]
    public void Log_drift_compounds_the_mean_log_growth_with_the_prior_spread_as_a_floor()
    {
        double[] y = [100, 110, 121]; // both growths ln 1.1: sample sd 0, so σ = the prior 0.15
        IFittedModel fit = new LogDriftForecaster().Fit(y);
        Assert.Equal(Math.Log(1.1), fit.Parameters["drift"], 12);
        Assert.Equal(0, fit.Parameters["sample_sigma"], 12);
        Assert.Equal(0.15, fit.Parameters["sigma"], 12);
        Assert.True(double.IsNaN(fit.Fitted[0]));
        Assert.Equal(110, fit.Fitted[1], 9);
        Assert.Equal(121, fit.Fitted[2], 9);
        Forecast f = fit.Forecast(2, [95]);
        Assert.Single(f.Intervals); // the exact log-normal interval, not also a simulated one
        Assert.Equal(133.1, f.Mean.Span[0], 9);
        Assert.Equal(146.41, f.Mean.Span[1], 9);
        double sd2 = 0.15 * Math.Sqrt(2 * (1 + (2 / 2.0))); // σ·√(h(1 + h/k)), h = 2, k = 2
        Assert.Equal(146.41 * Math.Exp(-1.959963984540054 * sd2), f.Interval(95).Lower.Span[1], 9);
        Assert.Equal(146.41 * Math.Exp(1.959963984540054 * sd2), f.Interval(95).Upper.Span[1], 9);
    }

    [Theory]
    [InlineData(new[] { 100.0, 110, 100 })] // two growths: the sample sd has one degree of freedom
    [InlineData(new[] { 100.0, 105, 115, 118 })]
    public void Log_drift_uses_the_sample_spread_when_it_exceeds_the_prior(double[] y)
    {
        double[] g = [.. y.Skip(1).Select((v, t) => Math.Log(v / y[t]))];
        double d = Math.Log(y[^1] / y[0]) / g.Length;
        double sd = Math.Sqrt(g.Sum(x => (x - d) * (x - d)) / (g.Length - 1));
        Assert.InRange(sd, 0.02, 0.14); // below the default prior 0.15, above the 0.01 asked for here

        IFittedModel fit = new LogDriftForecaster(new LogDriftOptions { PriorSigma = 0.01 }).Fit(y);
        Assert.Equal(sd, fit.Parameters["sigma"], 12);
        Assert.Equal(sd, fit.Parameters["sample_sigma"], 12);
        Assert.Equal(0.15, new LogDriftForecaster().Fit(y).Parameters["sigma"], 12);
    }

    [Fact]
    public void Log_drift_paths_are_log_normal_with_the_interval_spread()
    {
        IFittedModel fit = new LogDriftForecaster().Fit([100, 110, 121]);
        (double[] mean, double[] variance) = Moments(fit, 3, Math.Log);
        for (int h = 1; h <= 3; h++)
        {
            double expected = 0.0225 * h * (1 + (h / 2.0)); // σ²·h·(1 + h/k)
            Assert.Equal(Math.Log(121) + (h * Math.Log(1.1)), mean[h - 1], 0.01);
            Assert.InRange(variance[h - 1], expected * 0.96, expected * 1.04);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    public void Log_drift_refuses_a_value_that_is_not_positive(double bad)
    {
        var e = Assert.Throws<ForecastException>(() => new LogDriftForecaster().Fit([10, bad, 12]));
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message, StringComparison.Ordinal);
    }
}
