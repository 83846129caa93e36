using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Theta;

namespace Zhibiao.Analytics.Tests.Forecasting.Theta;

/// <summary>
/// Small cases worked by hand (hand-worked.csv). For y = 2, 4, 6, 8 with α = ½, ℓ₀ = 2: the SES levels are 2, 3, 4.5,
/// 6.25 with errors 0, 2, 3, 3.5 (SSE 25.25), the regression slope is 2, so Theta's drift is 1 and its forecast
/// 6.25 + 1·((h − 1) + (1 − ½⁴)/½) = 8.125 + (h − 1), σ² = 25.25/(4 − 3). OTM with θ = 2 (A = 0, B = 2): predictions
/// 3, 3.5, 4.75, 6.375 (SSE 5.453125), forecast 6.25 + ½·2·((h − 1) + (1 − ½⁵)/½) = 8.1875 + (h − 1). DOTM with
/// A₀ = y₁, B₀ = 0: predictions 3, 2.5, 4.75, 6.375 (SSE 7.453125), and A₄ = 0, B₄ = 2 give the same forecast.
/// Naive2 on 1, 3 repeated: indices ½ and 3/2, adjusted series 2, forecasts 1, 3, 1 with no spread.
/// </summary>
public class HandWorkedTests
{
    public static TheoryData<string> Cases() => [.. Golden.Rows("Forecasting/Theta/hand-worked.csv").Select(r => r["case"]).Distinct()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forecasts_and_standard_deviations_match_the_hand_worked_values(string name)
    {
        var rows = Golden.Rows("Forecasting/Theta/hand-worked.csv").Where(r => r["case"] == name).ToList();
        var first = rows[0];
        double[] y = first.Vector("series");
        int m = (int)first.Number("season_length");
        IForecaster model = first["model"] switch
        {
            "theta" => new ThetaForecaster(new ThetaOptions { Alpha = first.Number("alpha"), InitialLevel = first.Number("l0") }),
            "otm" or "dotm" => new OptimizedThetaForecaster(new OptimizedThetaOptions
            {
                Dynamic = first["model"] == "dotm", Alpha = first.Number("alpha"), Theta = first.Number("theta"), InitialLevel = first.Number("l0"),
            }),
            _ => new Naive2Forecaster(),
        };
        Forecast f = model.Fit(y, m).Forecast(rows.Count, [95]);
        double z = 1.959963984540054;
        foreach (var row in rows)
        {
            int h = (int)row.Number("h");
            double tol = row.Number("tolerance");
            Golden.Close(row.Number("mean"), f.Mean.Span[h - 1], tol, $"{name} mean h={h}");
            Golden.Close(row.Number("sd"), (f.Interval(95).Upper.Span[h - 1] - f.Mean.Span[h - 1]) / z, tol, $"{name} sd h={h}");
        }
    }
}
