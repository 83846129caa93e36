using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Theta;

namespace Zhibiao.Analytics.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly double[] Y = [10, 12, 11, 15, 14, 18, 17, 21, 20, 24, 25, 23, 27, 26, 30];

    [Fact]
    public void A_hold_out_scores_the_forecast_of_the_fitted_model()
    {
        IForecaster model = new ThetaForecaster();
        Accuracy a = Evaluator.HoldOut(model, Y.AsSpan(0, 12), Y.AsSpan(12), 1, 3, [80, 95]);
        Forecast f = model.Fit(Y.AsSpan(0, 12)).Forecast(3, [80, 95]);
        Assert.Equal(Metrics.Smape(Y.AsSpan(12), f.Mean.Span), a.Smape, 12);
        Assert.Equal(Metrics.Mase(Y.AsSpan(12), f.Mean.Span, Y.AsSpan(0, 12), 1), a.Mase, 12);
        Assert.Equal(Metrics.Coverage(Y.AsSpan(12), f.Interval(80).Lower.Span, f.Interval(80).Upper.Span), a.Interval(80)!.Coverage, 12);
        Assert.Equal(Metrics.Msis(Y.AsSpan(12), f.Interval(95).Lower.Span, f.Interval(95).Upper.Span, 95, Y.AsSpan(0, 12), 1), a.Interval(95)!.Msis, 12);
    }

    [Fact]
    public void Rolling_origin_averages_the_hold_outs_of_each_origin()
    {
        IForecaster model = new DriftForecaster();
        Accuracy rolling = Evaluator.Rolling(model, Y, 1, 2, new RollingOrigin(3, 2), [95]);
        // Origins after 9, 11 and 13 values (n − H − (K − 1 − k)·step).
        double[] smapes = [.. new[] { 9, 11, 13 }.Select(end => Evaluator.HoldOut(model, Y.AsSpan(0, end), Y.AsSpan(end, 2), 1, 2, [95]).Smape)];
        Assert.Equal(smapes.Average(), rolling.Smape, 12);
    }

    [Fact]
    public void Rolling_origin_refuses_a_series_too_short_for_the_design()
    {
        var e = Assert.Throws<ForecastException>(() => Evaluator.Rolling(new NaiveForecaster(), Y, 1, 5, new RollingOrigin(12), [95]));
        Assert.Contains("need at least", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_records_the_series_a_model_cannot_fit_and_scores_the_others()
    {
        LongSeries[] train = [Series("a", Y[..12]), Series("b", [5, 6, 7]), Series("c", [.. Y[..12].Select(v => v * 2)])];
        LongSeries[] test = [Series("a", Y[12..], 12), Series("b", [8, 9, 10], 3), Series("c", [.. Y[12..].Select(v => v * 2)], 12)];
        ModelAccuracy theta = Evaluator.HoldOut(new ThetaForecaster(), train, test, new EvaluationOptions { Horizon = 3 });
        Assert.Equal(2, theta.Evaluated);
        Assert.Equal(1, theta.Failed);
        Assert.Contains("at least 4 values", theta.Series[1].Error, StringComparison.Ordinal);
        Assert.Equal(theta.Series[0].Accuracy!.Smape, theta.Series[2].Accuracy!.Smape, 9);
        ModelAccuracy naive2 = Evaluator.HoldOut(new Naive2Forecaster(), train, test, new EvaluationOptions { Horizon = 3 });
        Assert.Equal(1, naive2.Owa(naive2), 12);
        Assert.True(theta.Owa(naive2) is > 0 and < 2);
    }

    [Fact]
    public void Files_that_do_not_match_are_refused_with_the_series_named()
    {
        LongSeries[] train = [Series("a", Y[..12])];
        Assert.Contains("series z of the test data has no training data", Refused(train, [Series("z", [1, 2, 3], 12)]), StringComparison.Ordinal);
        Assert.Contains("series b has no test data", Refused([.. train, Series("b", Y)], [Series("a", [1, 2, 3], 12)]), StringComparison.Ordinal);
        Assert.Contains("not right after", Refused(train, [Series("a", [1, 2, 3], 13)]), StringComparison.Ordinal);
        Assert.Contains("hold 2 values, the horizon is 3", Refused(train, [Series("a", [1, 2], 12)]), StringComparison.Ordinal);
        Assert.Contains("test value 2", Refused(train, [Series("a", [1, double.NaN, 3], 12)]), StringComparison.Ordinal);
    }

    private static string Refused(LongSeries[] train, LongSeries[] test) =>
        Assert.ThrowsAny<AnalyticsException>(() => Evaluator.HoldOut(new NaiveForecaster(), train, test, new EvaluationOptions { Horizon = 3 })).Message;

    private static LongSeries Series(string id, double[] values, int offset = 0) => new(id, Period.OfYear(2000 + offset), values);
}
