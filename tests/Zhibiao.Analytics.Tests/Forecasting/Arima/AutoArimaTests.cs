using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Arima;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

public class AutoArimaTests
{
    [Fact]
    public void TheCatalogueNamesIt()
    {
        Assert.IsType<AutoArimaForecaster>(Forecasters.Create("arima"));
        Assert.Contains("arima", Forecasters.Names);
    }

    [Fact]
    public void SearchVisitsEachCandidateOnce()
    {
        (double[] y, _) = Golden.Dataset("wwwusage");
        var candidates = new List<ArimaCandidate>();
        ArimaModel model = new AutoArimaForecaster().FitModel(y, 1, candidates);
        Assert.Equal(candidates.Count, candidates.Select(c => (c.Order, c.Constant)).Distinct().Count());
        Assert.InRange(candidates.Count, 5, AutoArimaOptions.Default.MaxModels);
        Assert.Equal(candidates.Where(c => double.IsFinite(c.Score)).Min(c => c.Score), model.Criteria!.Aicc, 1e-9);
    }

    [Fact]
    public void GridSearchFindsAtLeastAsGoodAModel()
    {
        (double[] y, _) = Golden.Dataset("lh");
        ArimaModel stepwise = new AutoArimaForecaster().FitModel(y);
        ArimaModel grid = new AutoArimaForecaster(new AutoArimaOptions { Stepwise = false }).FitModel(y);
        Assert.True(grid.Criteria!.Aicc <= stepwise.Criteria!.Aicc + 1e-9);
    }

    [Fact]
    public void ApproximationRefitsTheWinnerByExactLikelihood()
    {
        (double[] y, int m) = Golden.Dataset("usaccdeaths");
        ArimaModel model = new AutoArimaForecaster(new AutoArimaOptions { Approximation = true }).FitModel(y, m);
        ArimaModel exact = (ArimaModel)new ArimaForecaster(new ArimaOptions { Order = model.Order, IncludeConstant = model.IncludesConstant }).Fit(y);
        Assert.Equal(exact.Criteria!.LogLikelihood, model.Criteria!.LogLikelihood, 1e-6);
    }

    [Fact]
    public void FallsBackWithAReasonWhenNoOrderCanBeFitted()
    {
        // Two differences of four values leave two: no candidate has enough observations for AICc.
        ArimaModel model = new AutoArimaForecaster(new AutoArimaOptions { D = 2 }).FitModel([1.0, 3, 2, 5]);
        Assert.NotNull(model.FallbackReason);
        Assert.Contains("no ARIMA order could be fitted", model.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("too short", model.FallbackReason, StringComparison.Ordinal);
        Assert.StartsWith("ARIMA(0,2,0) (fallback: no ARIMA order could be fitted", model.Method, StringComparison.Ordinal);
        Forecast f = model.Forecast(3, [95]);
        Assert.All(f.Mean.ToArray(), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void BadInputIsRefusedWithReasons()
    {
        var arima = new AutoArimaForecaster();
        Assert.Contains("missing", Assert.Throws<ForecastException>(() => arima.Fit([1.0, double.NaN, 3, 4])).Message, StringComparison.Ordinal);
        Assert.Contains("at least 3", Assert.Throws<ForecastException>(() => arima.Fit([1.0, 2])).Message, StringComparison.Ordinal);
        Assert.Throws<ForecastException>(() => arima.Fit([1.0, double.PositiveInfinity, 3, 4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => arima.Fit([1.0, 2, 3, 4], seasonLength: 0));
        IFittedModel model = arima.Fit([1.0, 2, 4, 3, 5, 6, 5, 7]);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(ForecastLimits.MaxHorizon + 1, [95]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(0, [95]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArimaForecaster(new ArimaOptions { Order = new ArimaOrder(-1, 0, 0) }).Fit([1.0, 2, 3, 4, 5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArimaOrder(0, 0, 0, 1, 0, 0, 1).Validate());
        Assert.Contains("at least", Assert.Throws<ForecastException>(() => new ArimaForecaster(new ArimaOptions { Order = new ArimaOrder(2, 1, 2) }).Fit([1.0, 2, 3, 4, 5])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLongestHorizonIsForecast()
    {
        (double[] y, int m) = Golden.Dataset("usaccdeaths");
        Forecast f = new AutoArimaForecaster().Fit(y, m).Forecast(ForecastLimits.MaxHorizon, [95]);
        Assert.Equal(ForecastLimits.MaxHorizon, f.Horizon);
        Assert.True(double.IsFinite(f.Interval(95).Upper.Span[^1]));
    }

    [Fact]
    public void TheForecastCommandRunsIt()
    {
        string input = Path.Combine(Path.GetTempPath(), $"arima-{Guid.NewGuid():N}.csv");
        (double[] y, _) = Golden.Dataset("nile");
        File.WriteAllLines(input, ["unique_id,ds,y", .. y.Select((v, i) => FormattableString.Invariant($"nile,{1871 + i},{v}"))]);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = AnalyticsCli.Run(["forecast", "--input", input, "--horizon", "3", "--model", "arima", "--threads", "1"], stdout, stderr);
            Assert.True(code == AnalyticsCli.Ok, stderr.ToString());
            string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.Contains("ARIMA(1,1,1)", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
