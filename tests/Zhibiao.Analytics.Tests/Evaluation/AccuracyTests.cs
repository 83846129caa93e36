using Zhibiao.Analytics.Evaluation;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Evaluation;

/// <summary>
/// <see cref="Accuracy"/> on case d of metrics-hand.csv: actual 8, 14, forecast 10, 10, 50% intervals [10, 12] and
/// [6, 10], in-sample 1, 3, 6 (naive scale 2.5): MAE 3, MASE 1.2, coverage 0, MSIS 6.
/// </summary>
public class AccuracyTests
{
    private static Forecast CaseD() =>
        new("hand", new double[] { 10, 10 }, [new PredictionInterval(50, new double[] { 10, 6 }, new double[] { 12, 10 })], Array.Empty<double>(), Array.Empty<double>());

    [Fact]
    public void Only_the_first_H_actual_values_are_scored()
    {
        Accuracy a = Accuracy.Of([1, 3, 6], 1, [8, 14, 1000], CaseD());
        Assert.Equal(3, a.Mae, 12);
        Assert.Equal(1.2, a.Mase, 12);
        IntervalAccuracy i = Assert.Single(a.Intervals);
        Assert.Equal((50.0, 0.0), (i.Level, i.Coverage));
        Assert.Equal(6, i.Msis, 12);
    }

    [Fact]
    public void Fewer_actual_values_than_the_horizon_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Accuracy.Of([1, 3, 6], 1, [8], CaseD()));
        Assert.Contains("1 actual values for a horizon of 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_training_series_has_no_scaled_measures()
    {
        // The naive scale of 5, 5, 5 is 0: MASE and MSIS are undefined (NaN), not infinite.
        Accuracy a = Accuracy.Of([5, 5, 5], 1, [8, 14], CaseD());
        Assert.Equal(3, a.Mae, 12);
        Assert.True(double.IsNaN(a.Mase), $"{a.Mase}");
        Assert.True(double.IsNaN(a.Intervals[0].Msis), $"{a.Intervals[0].Msis}");
    }

    [Fact]
    public void Means_skip_undefined_values_and_match_intervals_by_level()
    {
        // The second item has no MAPE, no MASE, no MSIS and no 95% interval: those means are over the first item alone.
        var a = new Accuracy(1, 2, 3, 4, 5, [new IntervalAccuracy(80, 0.5, 2), new IntervalAccuracy(95, 1, 4)]);
        var b = new Accuracy(3, 4, double.NaN, 8, double.NaN, [new IntervalAccuracy(80, 1, double.NaN)]);
        Accuracy m = Accuracy.Mean([a, b]);
        Assert.Equal((2.0, 3.0, 3.0, 6.0, 5.0), (m.Mae, m.Rmse, m.Mape, m.Smape, m.Mase));
        Assert.Equal(new IntervalAccuracy(80, 0.75, 2), m.Interval(80));
        Assert.Equal(new IntervalAccuracy(95, 1, 4), m.Interval(95));
        Assert.Null(m.Interval(50));
        Assert.True(double.IsNaN(Accuracy.Mean([b]).Mase));
    }

    [Fact]
    public void A_mean_of_nothing_is_refused() =>
        Assert.Contains("no accuracies to average", Assert.Throws<ArgumentException>(() => Accuracy.Mean([])).Message, StringComparison.Ordinal);
}
