using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ets;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

/// <summary>
/// Small cases worked by hand (ets-hand.csv).
/// SES, α = ½, ℓ₀ = 10 on 10, 12, 11, 13, 12: fitted 10, 10, 11, 11, 12 (errors 0, 2, 0, 2, 0, SSE 8), forecast 12.
/// Holt, α = ½, β = ¼, ℓ₀ = b₀ = 1 on 2, 3, 5, 6: fitted 2, 3, 4, 5.75 (errors 0, 0, 1, ¼, SSE 1.0625), final ℓ = 5.875,
/// b = 1.3125, forecasts 5.875 + 1.3125h; with σ² = SSE/4 and c_j = α + jβ (¾, 1) the standard deviations are
/// σ, σ√(1 + ¾²), σ√(1 + ¾² + 1²).
/// </summary>
public class EtsHandWorkedTests
{
    public static TheoryData<string> Cases() => [.. EtsCsv.Rows("ets-hand.csv").Select(r => r["case"]).Distinct()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recursion_forecasts_and_deviations_match_the_hand_worked_values(string name)
    {
        var rows = EtsCsv.Rows("ets-hand.csv").Where(r => r["case"] == name).ToList();
        var first = rows[0];
        double[] y = [.. first["series"].Split(' ').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
        EtsModel model = EtsModel.Parse(first["model"]);
        var p = new EtsParameters(first.Number("alpha"), model.HasTrend ? first.Number("beta") : 0, 0, model.HasTrend ? first.Number("phi") : 1);
        double[] states = [first.Number("l0"), model.HasTrend ? first.Number("b0") : 0, 0];
        var fit = new EtsFittedModel(new EtsCandidate(model, p, states, 1) { K = 1, Count = y.Length }, y);
        Forecast f = fit.Forecast(3, [95]);
        double z = 1.959963984540054;
        foreach (var row in rows)
        {
            int h = (int)row.Number("h");
            double tol = row.Number("tolerance");
            EtsCsv.Close(row.Number("fitted"), fit.Fitted[h - 1], tol, $"{name} fitted {h}");
            if (!double.IsNaN(row.Number("forecast"))) EtsCsv.Close(row.Number("forecast"), f.Mean.Span[h - 1], tol, $"{name} forecast h={h}");
            if (!double.IsNaN(row.Number("sd"))) EtsCsv.Close(row.Number("sd"), (f.Interval(95).Upper.Span[h - 1] - f.Mean.Span[h - 1]) / z, 1e-9, $"{name} sd h={h}");
        }
    }

    [Fact]
    public void SES_sum_of_squares_and_ANN_log_likelihood()
    {
        double[] y = [10, 12, 11, 13, 12];
        var p = new EtsParameters(0.5, 0, 0, 1);
        double l = 10, b = 0;
        Assert.True(EtsRecursion.Run(EtsModel.Parse("ANN"), p, y, 0, ref l, ref b, [], [], out EtsRecursion.Totals totals));
        Assert.Equal(8, totals.SumSquares, 12);
        Assert.Equal(12, l, 12);

        // log L = −(n/2)(log(2π·SSE/n) + 1) with n = 5, SSE = 8.
        var candidate = new EtsCandidate(EtsModel.Parse("ANN"), p, [10, 0, 0], 1) { Lik = 5 * Math.Log(8), K = 3, Count = 5 };
        Assert.Equal(-8.269701739137702, candidate.LogLikelihood, 12);
    }

    [Fact]
    public void ANN_with_fixed_alpha_estimates_the_least_squares_initial_level()
    {
        // Seven values (at most six would get R's least-squares fallback). With α = ½ the errors are
        // e_t = r_t − d_t(ℓ₀ − 10), d_t = (½)^(t−1), r = (0, 2, 0, 2, 0, 2, 0): ℓ₀ = 10 + Σrd/Σd² = 10.984435…,
        // SSE = 12 − (Σrd)²/Σd² = 10.707928…, log L = −(7/2)(log(2π·SSE/7) + 1) = −11.420329…
        EtsFittedModel fit = new EtsForecaster(new EtsOptions { Model = "ANN", Alpha = 0.5 }).FitEts([10, 12, 11, 13, 12, 14, 13]);
        Assert.False(fit.IsFallback);
        Assert.Equal(10.98443508514924, fit.Parameters["l0"], 2);
        Assert.Equal(-11.420329927416848, fit.Criteria!.LogLikelihood, 5);
        Assert.Equal(2, fit.Criteria.Parameters);
    }

    [Fact]
    public void MNN_likelihood_terms()
    {
        // α = ½, ℓ₀ = 10 on 10, 11, 12: μ = 10, 10, 10.5; relative errors 0, 0.1, 1.5/10.5.
        double l = 10, b = 0;
        Assert.True(EtsRecursion.Run(EtsModel.Parse("MNN"), new EtsParameters(0.5, 0, 0, 1), [10, 11, 12], 0, ref l, ref b, [], [], out EtsRecursion.Totals totals));
        Assert.Equal(0.030408163265306123, totals.SumSquares, 14);
        Assert.Equal(6.956545443151569, totals.SumLogMu, 12);
    }
}
