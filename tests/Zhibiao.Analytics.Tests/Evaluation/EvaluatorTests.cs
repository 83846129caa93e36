using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.Forecasting.Theta;
using Zhibiao.Analytics.Tests.Forecasting;

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
        // 12 origins one apart with horizon 5: 5 + 11 values to score and at least one to fit, 17 in all.
        Assert.Contains("12 origins 1 apart with horizon 5 need at least 17 values, the series has 15", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rolling_origin_may_fit_the_first_origin_on_a_single_value()
    {
        // 4 values, horizon 3, one origin: fitted on the first value alone.
        var model = new ScriptedForecaster { Point = 11, Lower = 0, Upper = 20 };
        Accuracy a = Evaluator.Rolling(model, Y.AsSpan(0, 4), 1, 3, new RollingOrigin(1), [80]);
        Assert.Equal([10.0], Assert.Single(model.Seen));
        Assert.Equal(((1 + 0) + 4) / 3.0, a.Mae, 12); // |12 − 11|, |11 − 11|, |15 − 11|
    }

    [Fact]
    public void Rolling_origin_refuses_a_design_without_origins_or_steps()
    {
        Assert.Contains("at least one origin", Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Rolling(new NaiveForecaster(), Y, 1, 2, new RollingOrigin(0), [95])).Message, StringComparison.Ordinal);
        Assert.Contains("at least one period apart", Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Rolling(new NaiveForecaster(), Y, 1, 2, new RollingOrigin(2, 0), [95])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Rolling(new NaiveForecaster(), [Series("a", Y)], new RollingOrigin(0), new EvaluationOptions { Horizon = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Rolling(new NaiveForecaster(), Y, 1, ForecastLimits.MaxHorizon + 1, new RollingOrigin(1), [95]));
    }

    [Fact]
    public void Rolling_origin_refuses_a_missing_value_to_score()
    {
        double[] y = [.. Y];
        y[13] = double.NaN;
        var e = Assert.Throws<ForecastException>(() => Evaluator.Rolling(new NaiveForecaster(), y, 1, 2, new RollingOrigin(1), [95]));
        Assert.Equal("a value to score after origin 13 is missing", e.Message);
    }

    [Fact]
    public void Rolling_origin_refuses_a_global_model_by_name() =>
        Assert.Contains("auto is a global model: evaluate it on a hold-out", Assert.Throws<AnalyticsException>(() =>
            Evaluator.Rolling(new AutoForecaster(), [Series("a", Y)], new RollingOrigin(1), new EvaluationOptions { Horizon = 2 })).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(double.PositiveInfinity, 0, 1, "scripted produced a forecast that is not finite")]
    [InlineData(1, 0, double.PositiveInfinity, "scripted produced an interval that is not finite")]
    [InlineData(1, double.NegativeInfinity, 2, "scripted produced an interval that is not finite")]
    public void A_forecast_that_is_not_finite_is_refused_with_the_model_named(double point, double lower, double upper, string message)
    {
        var model = new ScriptedForecaster { Point = point, Lower = lower, Upper = upper };
        Assert.Equal(message, Assert.Throws<ForecastException>(() => Evaluator.HoldOut(model, Y.AsSpan(0, 12), Y.AsSpan(12), 1, 3, [80])).Message);
        Assert.Equal(message, Assert.Throws<ForecastException>(() => Evaluator.Rolling(model, Y, 1, 3, new RollingOrigin(1), [80])).Message);
    }

    [Fact]
    public void A_hold_out_scores_the_first_H_test_values_and_refuses_fewer_or_missing_ones()
    {
        IForecaster model = new NaiveForecaster();
        Assert.Equal(Evaluator.HoldOut(model, Y.AsSpan(0, 10), Y.AsSpan(10, 3), 1, 3, [80]), Evaluator.HoldOut(model, Y.AsSpan(0, 10), Y.AsSpan(10), 1, 3, [80]), new AccuracyComparer());
        Assert.Contains("the test holds 2 values, the horizon is 3", Assert.Throws<ArgumentException>(() => Evaluator.HoldOut(model, Y.AsSpan(0, 12), Y.AsSpan(13), 1, 3, [80])).Message, StringComparison.Ordinal);
        double[] test = [1, double.NaN, 3];
        Assert.Contains("test value 2 is missing", Assert.Throws<ArgumentException>(() => Evaluator.HoldOut(model, Y.AsSpan(0, 12), test, 1, 3, [80])).Message, StringComparison.Ordinal);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.HoldOut(model, Y.AsSpan(0, 12), Y.AsSpan(12), 1, ForecastLimits.MaxHorizon + 1, [80])).ParamName);
    }

    [Fact]
    public void A_batch_uses_the_levels_and_season_length_asked_for_and_averages_the_series_evaluated()
    {
        LongSeries[] train = [Series("a", Y[..12]), Series("b", [5, 6, 7]), Series("c", [.. Y[..12].Select(v => v * 3)])];
        LongSeries[] test = [Series("a", Y[12..], 12), Series("b", [8, 9, 10], 3), Series("c", [.. Y[12..].Select(v => v * 3)], 12)];
        var options = new EvaluationOptions { Horizon = 3, Levels = [50], SeasonLength = 2 };
        ModelAccuracy theta = Evaluator.HoldOut(new ThetaForecaster(), train, test, options);
        Accuracy a = Evaluator.HoldOut(new ThetaForecaster(), Y.AsSpan(0, 12), Y.AsSpan(12), 2, 3, [50]);
        Assert.Equal(a.Mase, theta.Series[0].Accuracy!.Mase, 12);
        Assert.Equal(50, Assert.Single(theta.Series[0].Accuracy!.Intervals).Level);
        Assert.Equal((theta.Series[0].Accuracy!.Smape + theta.Series[2].Accuracy!.Smape) / 2, theta.Mean!.Smape, 12);
        Assert.Null(Evaluator.HoldOut(new ThetaForecaster(), [train[1]], [test[1]], options).Mean);
        Assert.NotNull(Evaluator.HoldOut(new NaiveForecaster(), train, test, options with { SeasonLength = 1 }).Mean);
    }

    [Fact]
    public void A_batch_refuses_bad_settings_up_front()
    {
        LongSeries[] train = [Series("a", Y[..12])], test = [Series("a", Y[12..], 12)];
        Assert.Contains("the season length must be at least 1", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Evaluator.HoldOut(new NaiveForecaster(), train, test, new EvaluationOptions { Horizon = 3, SeasonLength = 0 })).Message, StringComparison.Ordinal);
        Assert.Equal("levels", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Evaluator.HoldOut(new NaiveForecaster(), train, test, new EvaluationOptions { Horizon = 3, Levels = [100] })).ParamName);
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
        Assert.Contains("series a: test value 2 (2013) is missing", Refused(train, [Series("a", [1, double.NaN, 3], 12)]), StringComparison.Ordinal);
    }

    private static string Refused(LongSeries[] train, LongSeries[] test) =>
        Assert.ThrowsAny<AnalyticsException>(() => Evaluator.HoldOut(new NaiveForecaster(), train, test, new EvaluationOptions { Horizon = 3 })).Message;

    /// <summary>Accuracies are equal when every measure is (NaN equal to NaN) and the intervals agree.</summary>
    private sealed class AccuracyComparer : IEqualityComparer<Accuracy>
    {
        public bool Equals(Accuracy? x, Accuracy? y) =>
            x is not null && y is not null && (x.Mae, x.Rmse, x.Mape, x.Smape, x.Mase).Equals((y.Mae, y.Rmse, y.Mape, y.Smape, y.Mase)) && x.Intervals.SequenceEqual(y.Intervals);

        public int GetHashCode(Accuracy obj) => 0;
    }

    private static LongSeries Series(string id, double[] values, int offset = 0) => new(id, Period.OfYear(2000 + offset), values);
}
