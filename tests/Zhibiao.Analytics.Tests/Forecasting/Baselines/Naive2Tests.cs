using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;

namespace Zhibiao.Analytics.Tests.Forecasting.Baselines;

public class Naive2Tests
{
    [Fact]
    public void Without_seasonality_naive2_is_the_naive_forecast()
    {
        (double[] y, _) = Golden.Series("yearly20");
        Forecast a = new Naive2Forecaster().Fit(y).Forecast(6, [80, 95]);
        Forecast b = new NaiveForecaster().Fit(y).Forecast(6, [80, 95]);
        Assert.Equal(b.Mean, a.Mean);
        for (int i = 0; i < 2; i++)
            for (int h = 0; h < 6; h++)
            {
                Assert.Equal(b.Intervals[i].Lower.Span[h], a.Intervals[i].Lower.Span[h], 9);
                Assert.Equal(b.Intervals[i].Upper.Span[h], a.Intervals[i].Upper.Span[h], 9);
            }
    }

    [Fact]
    public void A_seasonal_series_is_adjusted_and_reseasonalised()
    {
        (double[] y, int m) = Golden.Series("monthly48");
        IFittedModel fit = new Naive2Forecaster().Fit(y, m);
        Assert.Equal(m, fit.Parameters["seasonal"]);
        Forecast f = fit.Forecast(12, []);
        var a = Zhibiao.Analytics.Forecasting.Seasonality.SeasonalAdjustment.Estimate(y, m);
        double last = y[^1] / a.IndexAt(y.Length - 1);
        for (int h = 1; h <= 12; h++) Assert.Equal(last * a.ForecastIndex(h), f.Mean.Span[h - 1], 9);
    }

    [Fact]
    public void Every_local_model_gives_a_constant_series_a_flat_forecast()
    {
        double[] y = Enumerable.Repeat(7.5, 30).ToArray();
        foreach (string name in (string[])["naive", "snaive", "drift", "mean", "naive2", "theta", "otm", "dotm"])
        {
            Forecast f = Forecasters.Create(name).Fit(y, 12).Forecast(24, [80, 95]);
            Assert.All(f.Mean.ToArray(), v => Assert.Equal(7.5, v, 9));
            Assert.All(f.Intervals, pi => Assert.All(pi.Lower.ToArray().Concat(pi.Upper.ToArray()), v => Assert.Equal(7.5, v, 9)));
        }
    }
}
