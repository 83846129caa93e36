using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Forecasting;

public class BatchRunnerTests
{
    private static LongSeries[] Batch(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new LongSeries($"s{i}", Period.OfYear(2000), Enumerable.Range(0, 8).Select(t => 10.0 + i + t).ToArray()))];

    [Fact]
    public void Results_are_in_input_order_and_a_failing_series_fails_alone()
    {
        LongSeries[] series = Batch(40);
        string[] ids = BatchRunner.Run(series, 4,
            (s, i) => s.Id == "s7" ? throw new ForecastException("s7 is broken") : $"{s.Id}@{i}",
            (s, error) => $"{s.Id}: {error}");
        Assert.Equal([.. series.Select((s, i) => s.Id == "s7" ? "s7: s7 is broken" : $"{s.Id}@{i}")], ids);
    }

    [Fact]
    public void Progress_is_reported_every_sixteen_series_and_at_the_end()
    {
        var reported = new List<int>();
        BatchRunner.Run(Batch(40), 1, (s, _) => s.Id, (s, _) => s.Id, new SynchronousProgress(reported));
        Assert.Equal([16, 32, 40], reported);
    }

    [Fact]
    public void Growth_probabilities_stop_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            GrowthProbabilities.Run(Batch(3), new NaiveForecaster(), new GrowthProbabilityOptions { Horizon = 2, Growth = [0.0] }, cancellation: cancelled.Token));
    }

    [Fact]
    public void Threads_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchRunner.Run(Batch(2), 0, (s, _) => s.Id, (s, _) => s.Id));
    }

    private sealed class SynchronousProgress(List<int> reported) : IProgress<int>
    {
        public void Report(int value) => reported.Add(value);
    }
}
