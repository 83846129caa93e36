using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Arima;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

/// <summary>
/// auto.arima of R's forecast 8.20 on classic R data sets (Nile, WWWusage, lh yearly-like; AirPassengers, USAccDeaths,
/// UKDriverDeaths monthly; austres quarterly): the chosen order and constant, log-likelihood, AICc, σ² and the
/// forecasts with 95% bounds, stored with their tolerances in r-auto-arima.csv.
/// </summary>
public class AutoArimaGoldenTests
{
    public static TheoryData<string> Series() => [.. Golden.Read("r-auto-arima.csv").Select(r => r["series"]).Distinct()];

    [Theory]
    [MemberData(nameof(Series))]
    public void ChoosesAndForecastsAsR(string name)
    {
        List<Dictionary<string, string>> rows = Golden.Read("r-auto-arima.csv").Where(r => r["series"] == name).ToList();
        Dictionary<string, string> first = rows[0];
        (double[] y, int m) = Golden.Dataset(name);

        ArimaModel model = new AutoArimaForecaster().FitModel(y, m);

        var expected = new ArimaOrder(first.I("p"), first.I("d"), first.I("q"), first.I("P"), first.I("D"), first.I("Q"), first.I("P") + first.I("D") + first.I("Q") > 0 ? m : 1);
        Assert.Equal(expected.ToString(), model.Order.ToString());
        Assert.Equal(first.I("constant") == 1, model.IncludesConstant);
        Golden.Near(first.D("loglik"), model.Criteria!.LogLikelihood, first.D("loglik_tol"), "log-likelihood");
        Golden.Near(first.D("aicc"), model.Criteria.Aicc, 2 * first.D("loglik_tol"), "AICc");
        Golden.Near(first.D("sigma2"), model.Sigma2, first.D("sigma2_rel_tol") * first.D("sigma2"), "sigma2");

        Forecast forecast = model.Forecast(rows.Count, [95]);
        PredictionInterval interval = forecast.Interval(95);
        foreach (Dictionary<string, string> row in rows)
        {
            int h = row.I("h");
            double mean = row.D("mean");
            double halfWidth = (row.D("hi95") - row.D("lo95")) / 2;
            Golden.Near(mean, forecast.Mean.Span[h - 1], row.D("mean_rel_tol") * Math.Abs(mean), $"mean h={h}");
            Golden.Near(row.D("lo95"), interval.Lower.Span[h - 1], (row.D("width_rel_tol") * halfWidth) + (row.D("mean_rel_tol") * Math.Abs(mean)), $"lo95 h={h}");
            Golden.Near(row.D("hi95"), interval.Upper.Span[h - 1], (row.D("width_rel_tol") * halfWidth) + (row.D("mean_rel_tol") * Math.Abs(mean)), $"hi95 h={h}");
        }
    }
}
