using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ets;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

public class EtsBadInputTests
{
    private static readonly double[] Trend = [.. Enumerable.Range(0, 20).Select(t => 10.0 + (2 * t) + (t % 3))];

    [Fact]
    public void An_empty_series_is_an_error() =>
        Assert.Contains("at least 1", Assert.Throws<ForecastException>(() => new EtsForecaster().Fit([])).Message, StringComparison.Ordinal);

    [Fact]
    public void Too_short_for_a_named_trend_names_the_minimum()
    {
        var e = Assert.Throws<ForecastException>(() => new EtsForecaster(new EtsOptions { Model = "AAN" }).Fit([3, 5]));
        Assert.Contains("at least 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, "ZZZ")]
    [InlineData(9, "AAdN")]
    [InlineData(10, "ANA")]
    public void Short_series_get_R_s_least_squares_fallback(int n, string code)
    {
        double[] y = [.. Enumerable.Range(0, n).Select(t => 10.0 + (3 * t) + (5 * ((t % 4) - 1.5)))];
        EtsFittedModel fit = new EtsForecaster(new EtsOptions { Model = code }).FitEts(y, 4);
        Assert.True(fit.IsFallback);
        Assert.Null(fit.Criteria);
        Assert.False(fit.Model.Damped);
        Assert.All(fit.Forecast(4, [95]).Mean.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Seasonality_is_dropped_in_the_fallback_without_two_full_seasons()
    {
        EtsFittedModel fit = new EtsForecaster(new EtsOptions { Model = "AAA" }).FitEts([1, 5, 3, 7, 2, 6], 4);
        Assert.Equal("ETS(A,A,N)", fit.Method);
    }

    [Fact]
    public void A_missing_value_is_an_error_unless_allowed()
    {
        double[] y = [.. Trend];
        y[7] = double.NaN;
        var e = Assert.Throws<ForecastException>(() => new EtsForecaster().Fit(y));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
        Assert.Contains("value 8", e.Message, StringComparison.Ordinal);

        EtsFittedModel fit = new EtsForecaster(new EtsOptions { AllowMissing = true }).FitEts(y);
        Assert.Equal(Trend.Length - 1, fit.Criteria!.Observations);
        Assert.All(fit.Forecast(6, [95]).Mean.ToArray(), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(double.NaN, fit.Residuals[7]);
    }

    [Fact]
    public void Non_positive_data_leave_multiplicative_models_out()
    {
        double[] y = [.. Trend];
        y[3] = 0;
        EtsFittedModel fit = new EtsForecaster().FitEts(y);
        Assert.False(fit.Model.IsMultiplicative);
        var e = Assert.Throws<ForecastException>(() => new EtsForecaster(new EtsOptions { Model = "MNN" }).Fit(y));
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seasonal_model_needs_seasonal_data() =>
        Assert.Throws<ForecastException>(() => new EtsForecaster(new EtsOptions { Model = "ANA" }).Fit(Trend, 1));

    [Fact]
    public void Season_length_below_one_is_out_of_range() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EtsForecaster().Fit(Trend, 0));

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => EtsSpec.Parse("QQQ"));
        Assert.Throws<ArgumentException>(() => new EtsForecaster(new EtsOptions { Alpha = 1.5 }));
    }

    [Theory]
    [InlineData(10_001)]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void A_horizon_beyond_sense_throws_without_allocating_it(int horizon)
    {
        IFittedModel fit = new EtsForecaster().Fit(Trend);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(horizon, [95]));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.SimulatePaths(horizon, new double[10], new Random(1)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Fact]
    public void Frequencies_above_24_are_treated_as_non_seasonal()
    {
        double[] y = [.. Enumerable.Range(0, 120).Select(t => 100 + (10 * Math.Sin(2 * Math.PI * t / 52.0)) + (t % 7))];
        Assert.False(new EtsForecaster().FitEts(y, 52).Model.HasSeason);
    }
}
