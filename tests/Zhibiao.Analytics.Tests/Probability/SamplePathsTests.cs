using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>
/// <see cref="SamplePaths"/> on three hand-made paths of two steps (path-major): (1, 10), (2, 20), (3, 30).
/// </summary>
public class SamplePathsTests
{
    private static SamplePaths Three() => new([1, 10, 2, 20, 3, 30], 2);

    [Fact]
    public void Values_are_read_path_major_and_counted_by_step()
    {
        SamplePaths p = Three();
        Assert.Equal(3, p.Count);
        Assert.Equal(20, p[1, 2]);
        Assert.Equal(3, p[2, 1]);
        Assert.Equal([10, 20, 30], p.SortedAt(2));
        Assert.Equal(20, p.Quantile(2, 0.5));
    }

    [Fact]
    public void Shares_count_the_paths_at_or_above_a_threshold()
    {
        SamplePaths p = Three();
        Assert.Equal(2.0 / 3, p.ShareAtLeast(2, 20), 12); // 20 itself counts
        Assert.Equal(1.0 / 3, p.ShareAtLeast(2, 20.5), 12);
        Assert.Equal(1.0 / 3, p.ShareAtLeast(1, 3), 12);
        Assert.Equal(2.0 / 3, p.Share(path => path[1] >= 10 * path[0] && path[0] > 1), 12);
        Assert.Equal(0, p.Share(path => path[1] > 30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Steps_outside_the_horizon_are_refused(int h)
    {
        SamplePaths p = Three();
        Assert.Contains("step must be between 1 and 2", Assert.Throws<ArgumentOutOfRangeException>(() => p.ShareAtLeast(h, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.SortedAt(h));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Quantile(h, 0.5));
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3 }, 2)]
    [InlineData(new double[] { }, 2)]
    [InlineData(new double[] { 1, 2 }, 0)]
    public void An_array_that_is_not_whole_paths_is_refused(double[] values, int horizon)
    {
        var e = Assert.Throws<ArgumentException>(() => new SamplePaths(values, horizon));
        Assert.Contains("whole paths", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_puts_the_sets_one_after_another()
    {
        SamplePaths all = SamplePaths.Concat([Three(), new SamplePaths([4, 40], 2)]);
        Assert.Equal(4, all.Count);
        Assert.Equal(40, all[3, 2]);
        Assert.Equal(1, all[0, 1]);
        Assert.Equal(3, SamplePaths.Concat([Three()]).Count);
    }

    [Fact]
    public void Concat_refuses_no_sets_and_sets_of_different_horizons()
    {
        Assert.Contains("no paths", Assert.Throws<ArgumentException>(() => SamplePaths.Concat([])).Message, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => SamplePaths.Concat([Three(), new SamplePaths([1, 2, 3], 3)]));
        Assert.Contains("different horizons", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_draws_the_number_of_paths_asked_for_and_refuses_impossible_requests()
    {
        IFittedModel m = new ScriptedForecaster { Paths = [[5, 6]] }.Fit([1.0, 2]);
        SamplePaths one = SamplePaths.Simulate(m, 2, 1, 0);
        Assert.Equal(1, one.Count);
        Assert.Equal(6, one[0, 2]);
        var none = Assert.Throws<ArgumentOutOfRangeException>(() => SamplePaths.Simulate(m, 2, 0, 0));
        Assert.Equal("count", none.ParamName);
        Assert.Contains("at least one path", none.Message, StringComparison.Ordinal);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => SamplePaths.Simulate(m, 0, 1, 0)).ParamName);
        // 1,073,741,825 paths of 4 steps overflow an int (they would wrap to 4 values): refused, not simulated short.
        Assert.Throws<OverflowException>(() => SamplePaths.Simulate(m, 4, 1_073_741_825, 0));
    }
}
