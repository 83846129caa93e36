using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ets;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

/// <summary>
/// The automatic ETS against R's forecast::ets() (forecast 8.20) on eight hand-picked M3 series (ets-r-series.csv;
/// golden values in ets-r-golden.csv, made by benchmarks/ets-golden.R): the same model is selected, the smoothing
/// parameters agree within tol_param, the forecast means within tol_mean and the 95% bounds within tol_bounds
/// (relative). Multiplicative-season models (class 3) get their intervals from simulated paths here and from an
/// approximate formula in R, so their bounds are not compared (tol_bounds NA): they must hold the mean instead.
/// </summary>
public class EtsGoldenTests
{
    public static TheoryData<string> Ids() => [.. EtsCsv.Rows("ets-r-golden.csv").Select(r => r["unique_id"]).Distinct()];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Selects_the_model_and_forecasts_of_R(string id)
    {
        var rows = EtsCsv.Rows("ets-r-golden.csv").Where(r => r["unique_id"] == id).ToList();
        (int m, int horizon, double[] y) = EtsCsv.Series()[id];
        EtsFittedModel fit = new EtsForecaster().FitEts(y, m);
        Forecast f = fit.Forecast(horizon, [95]);
        var first = rows[0];
        Assert.Equal(first["method"], fit.Method);
        double tp = first.Number("tol_param");
        EtsCsv.Close(first.Number("alpha"), fit.Alpha, tp, $"{id} alpha");
        if (!double.IsNaN(first.Number("beta"))) EtsCsv.Close(first.Number("beta"), fit.Beta, tp, $"{id} beta");
        if (!double.IsNaN(first.Number("gamma"))) EtsCsv.Close(first.Number("gamma"), fit.Gamma, tp, $"{id} gamma");
        if (!double.IsNaN(first.Number("phi"))) EtsCsv.Close(first.Number("phi"), fit.Phi, tp, $"{id} phi");
        EtsCsv.Close(first.Number("sigma2"), fit.Sigma2, tp, $"{id} sigma2");
        foreach (var row in rows)
        {
            int h = (int)row.Number("h");
            EtsCsv.Close(row.Number("mean"), f.Mean.Span[h - 1], row.Number("tol_mean"), $"{id} mean h={h}");
            double tb = row.Number("tol_bounds");
            PredictionInterval pi = f.Interval(95);
            if (double.IsNaN(tb))
            {
                Assert.InRange(f.Mean.Span[h - 1], pi.Lower.Span[h - 1], pi.Upper.Span[h - 1]);
                continue;
            }

            EtsCsv.Close(row.Number("lo95"), pi.Lower.Span[h - 1], tb, $"{id} lo95 h={h}");
            EtsCsv.Close(row.Number("hi95"), pi.Upper.Span[h - 1], tb, $"{id} hi95 h={h}");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Log_likelihood_and_AICc_are_R_s_up_to_the_constant_R_leaves_out(string id)
    {
        // R reports −½(n log Σe² + 2Σ log|μ|); the library adds the Gaussian constant −(n/2)(log(2π/n) + 1).
        var first = EtsCsv.Rows("ets-r-golden.csv").First(r => r["unique_id"] == id);
        (int m, _, double[] y) = EtsCsv.Series()[id];
        InformationCriteria c = new EtsForecaster().FitEts(y, m).Criteria!;
        int n = c.Observations;
        double constant = -0.5 * n * (Math.Log(2 * Math.PI / n) + 1);
        EtsCsv.Close(first.Number("loglik") + constant, c.LogLikelihood, 1e-8, $"{id} log-likelihood");
        EtsCsv.Close(first.Number("aicc") - (2 * constant), c.Aicc, 1e-8, $"{id} AICc");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Profiled_estimation_reaches_at_least_R_s_likelihood(string id)
    {
        var first = EtsCsv.Rows("ets-r-golden.csv").First(r => r["unique_id"] == id);
        (int m, _, double[] y) = EtsCsv.Series()[id];
        EtsFittedModel fit = new EtsForecaster(new EtsOptions { Model = first["method"], Estimation = EtsEstimation.Profiled }).FitEts(y, m);
        int n = fit.Criteria!.Observations;
        double rLogLik = first.Number("loglik") - (0.5 * n * (Math.Log(2 * Math.PI / n) + 1));
        Assert.True(fit.Criteria.LogLikelihood >= rLogLik - 1e-6, $"{id}: profiled {fit.Criteria.LogLikelihood}, R {rLogLik}");
    }
}
