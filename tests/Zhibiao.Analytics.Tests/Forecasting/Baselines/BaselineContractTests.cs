using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Seasonality;

namespace Zhibiao.Analytics.Tests.Forecasting.Baselines;

/// <summary>What every baseline promises its callers: its catalogue name, its refusals and what its method says.</summary>
public class BaselineContractTests
{
    [Theory]
    [InlineData("naive", "Naive")]
    [InlineData("snaive", "Seasonal naive")]
    [InlineData("drift", "Random walk with drift")]
    [InlineData("mean", "Mean")]
    [InlineData("naive2", "Naive2")]
    [InlineData("logdrift", "Log random walk with drift")]
    public void A_baseline_answers_to_its_catalogue_name_and_names_its_method(string name, string method)
    {
        IForecaster model = Forecasters.Create(name);
        Assert.Equal(name, model.Name);
        Assert.Equal(method, model.Fit([10, 12, 11, 15, 14, 16, 15, 18, 17], 1).Method);
    }

    [Theory]
    [InlineData("naive", 1, 1)]
    [InlineData("mean", 1, 1)]
    [InlineData("naive2", 1, 1)]
    [InlineData("logdrift", 1, 1)]
    [InlineData("drift", 2, 1)]
    [InlineData("snaive", 4, 4)] // needs m + 1 = 5
    [InlineData("snaive", 12, 12)]
    public void A_series_too_short_is_refused_with_the_minimum(string name, int length, int seasonLength)
    {
        double[] y = [.. Enumerable.Range(1, length).Select(t => 10.0 + t)];
        var e = Assert.Throws<ForecastException>(() => Forecasters.Create(name).Fit(y, seasonLength));
        Assert.Equal($"{name} needs at least {(name == "snaive" ? seasonLength + 1 : name == "drift" ? 3 : 2)} values, the series has {length}", e.Message);
    }

    [Fact]
    public void The_seasonal_naive_fits_one_value_more_than_a_season()
    {
        Forecast f = new SeasonalNaiveForecaster().Fit([1, 2, 3, 4, 5], 4).Forecast(4, []);
        Assert.Equal([2.0, 3, 4, 5], f.Mean.ToArray());
    }

    [Theory]
    [InlineData("naive")]
    [InlineData("snaive")]
    [InlineData("drift")]
    [InlineData("mean")]
    [InlineData("naive2")]
    [InlineData("logdrift")]
    public void A_missing_value_is_refused_with_its_position(string name)
    {
        double[] y = [10, 12, double.NaN, 15, 14, 16, 15, 18, 17];
        var e = Assert.Throws<ForecastException>(() => Forecasters.Create(name).Fit(y, 4));
        Assert.Equal($"{name} cannot fit a series with missing values (value 3 of 9 is missing)", e.Message);
    }

    [Theory]
    [InlineData("snaive")]
    [InlineData("naive2")]
    public void A_season_length_below_one_is_refused(string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Forecasters.Create(name).Fit([10, 12, 11, 15, 14], 0));
        Assert.Equal("seasonLength", e.ParamName);
    }

    [Fact]
    public void Naive2_reseasonalises_its_fitted_values_and_adds_an_unscaled_spread()
    {
        (double[] y, int m) = Golden.Series("monthly48");
        IFittedModel fit = new Naive2Forecaster().Fit(y, m);
        SeasonalAdjustment a = SeasonalAdjustment.Estimate(y, m);
        double[] x = [.. y.Select((v, t) => v / a.IndexAt(t))];
        double ss = 0;
        for (int t = 1; t < x.Length; t++) ss += (x[t] - x[t - 1]) * (x[t] - x[t - 1]);
        double sigma = Math.Sqrt(ss / (x.Length - 1));
        for (int t = 1; t < y.Length; t++) Assert.Equal(x[t - 1] * a.IndexAt(t), fit.Fitted[t], 9);

        // ŷ ± z·σ·√h around the reseasonalised mean: the half-width is not multiplied by the seasonal index
        Forecast f = fit.Forecast(12, [95]);
        for (int h = 1; h <= 12; h++)
            Assert.Equal(1.959963984540054 * sigma * Math.Sqrt(h), f.Interval(95).Upper.Span[h - 1] - f.Mean.Span[h - 1], 6);
    }
}
