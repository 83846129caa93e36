using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Theta;

namespace Zhibiao.Analytics.Tests.Forecasting.Theta;

/// <summary>
/// The standard Theta method against R's thetaf (forecast 8.20) on synthetic series (theta-r.csv, made by
/// make-golden.R): replayed with R's α and ℓ₀ the forecasts agree to 1e-7, the intervals too once R's σ² (SSE/(n − 2),
/// or SSE/n for n ≤ 6) is put in place of the library's SSE/(n − 3); fully estimated, the forecasts agree within tolerance_estimated and the fit is at
/// least as good as R's (a smaller or equal sum of squares).
/// </summary>
public class ThetaGoldenTests
{
    public static TheoryData<string> Series() => [.. Golden.Rows("Forecasting/Theta/theta-r.csv").Select(r => r["series"]).Distinct()];

    [Theory]
    [MemberData(nameof(Series))]
    public void Replayed_with_Rs_parameters_forecasts_and_intervals_match_thetaf(string series)
    {
        var rows = Rows(series);
        (double[] y, int m) = Golden.Series(series);
        int n = y.Length;
        var model = new ThetaForecaster(new ThetaOptions { Alpha = rows[0].Number("alpha"), InitialLevel = rows[0].Number("l0") }).Fit(y, m);
        Forecast f = model.Forecast(rows.Count, [80, 95]);
        Golden.Close(rows[0].Number("sse") / (n - 3), model.Parameters["sigma2"], 1e-9, $"{series} sigma2 = SSE/(n - 3)");
        double divisor = Math.Sqrt(rows[0].Number("sigma2") / model.Parameters["sigma2"]);
        foreach (var row in rows)
        {
            int h = (int)row.Number("h");
            double tol = row.Number("tolerance_replay");
            double mean = row.Number("mean");
            Golden.Close(mean, f.Mean.Span[h - 1], tol, $"{series} mean h={h}");
            foreach (double level in (double[])[80, 95])
            {
                string l = level.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Golden.Close(row.Number("hi" + l) - mean, (f.Interval(level).Upper.Span[h - 1] - f.Mean.Span[h - 1]) * divisor, tol, $"{series} upper half-width {l}% h={h}");
                Golden.Close(mean - row.Number("lo" + l), (f.Mean.Span[h - 1] - f.Interval(level).Lower.Span[h - 1]) * divisor, tol, $"{series} lower half-width {l}% h={h}");
            }
        }

        Assert.Equal(rows[0]["seasonal"] == "true", model.Parameters["seasonal"] > 0);
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void Estimated_forecasts_are_close_to_thetaf_and_fit_no_worse(string series)
    {
        var rows = Rows(series);
        (double[] y, int m) = Golden.Series(series);
        IFittedModel model = new ThetaForecaster().Fit(y, m);
        Forecast f = model.Forecast(rows.Count, [95]);
        foreach (var row in rows)
            Golden.Close(row.Number("mean"), f.Mean.Span[(int)row.Number("h") - 1], row.Number("tolerance_estimated"), $"{series} mean h={row["h"]}");
        double sse = model.Parameters["sigma2"] * (y.Length - 3);
        Assert.True(sse <= rows[0].Number("sse") * (1 + 1e-9), $"{series}: SSE {sse} is above R's {rows[0].Number("sse")}");
        Assert.Equal(rows[0]["seasonal"] == "true", model.Parameters["seasonal"] > 0);
    }

    private static List<Csv.Row> Rows(string series) =>
        [.. Golden.Rows("Forecasting/Theta/theta-r.csv").Where(r => r["series"] == series)];
}
