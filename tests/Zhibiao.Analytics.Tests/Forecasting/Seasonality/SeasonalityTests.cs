using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Seasonality;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Seasonality;

public class SeasonalityTests
{
    [Fact]
    public void An_alternating_series_is_seasonal_with_indices_one_half_and_three_halves()
    {
        // n = 12, deviations ±1: r1 = −11/12, r2 = 10/12; limit 1.645·√((1 + 2·(11/12)²)/12) ≈ 0.778 < 0.833.
        double[] y = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3];
        var r = new double[2];
        Assert.True(SeasonalityTest.Autocorrelations(y, r));
        Assert.Equal(-11.0 / 12, r[0], 12);
        Assert.Equal(10.0 / 12, r[1], 12);
        Assert.True(SeasonalityTest.IsSeasonal(y, 2));
        Decomposition d = ClassicalDecomposition.Multiplicative(y, 2);
        Assert.Equal(0.5, d.Figure[0], 12);
        Assert.Equal(1.5, d.Figure[1], 12);
        Assert.True(double.IsNaN(d.Trend[0]) && double.IsNaN(d.Trend[11]));
        Assert.Equal(2, d.Trend[1], 12);
        Assert.Equal(1, d.Remainder[5], 12);
    }

    [Fact]
    public void Six_values_of_the_alternating_series_are_too_few_to_call_it_seasonal()
    {
        // r2 = 4/6 is below 1.645·√((1 + 2·(5/6)²)/6) ≈ 1.04.
        Assert.False(SeasonalityTest.IsSeasonal([1, 3, 1, 3, 1, 3], 2));
    }

    [Fact]
    public void An_odd_season_uses_the_plain_centred_average()
    {
        double[] y = [2, 4, 6, 2, 4, 6, 2, 4, 6];
        Decomposition d = ClassicalDecomposition.Multiplicative(y, 3);
        Assert.Equal([0.5, 1, 1.5], d.Figure.Select(v => Math.Round(v, 12)));
        Assert.Equal(4, d.Trend[4], 12);
    }

    [Fact]
    public void Constant_short_and_non_seasonal_inputs_are_not_seasonal()
    {
        Assert.False(SeasonalityTest.IsSeasonal(Enumerable.Repeat(5.0, 40).ToArray(), 12));
        Assert.False(SeasonalityTest.Autocorrelations(Enumerable.Repeat(5.0, 40).ToArray(), new double[3]));
        Assert.False(SeasonalityTest.IsSeasonal([1, 3, 1, 3], 2));
        Assert.False(SeasonalityTest.IsSeasonal([1, 3, 1, 3, 1, 3, 1, 3, 1, 3], 1));
        Assert.Null(SeasonalAdjustment.Detect([1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 0], 2));
    }

    [Fact]
    public void A_decomposition_refuses_short_and_non_positive_series()
    {
        Assert.Throws<ForecastException>(() => ClassicalDecomposition.Multiplicative([1, 2, 3], 2));
        Assert.Throws<ForecastException>(() => ClassicalDecomposition.Multiplicative([1, 2, 0, 4, 5], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassicalDecomposition.Multiplicative([1, 2, 3, 4], 1));
    }

    [Fact]
    public void A_level_times_a_figure_gives_back_the_figure() =>
        Gen.Select(Gen.Int[2, 12], Gen.Double[1, 1000], Gen.Int[2, 5]).SelectMany((m, level, seasons) =>
            Gen.Double[0.2, 2].Array[m].Select(raw => (m, level, seasons, raw))).SamplePinned(c =>
        {
            double mean = c.raw.Average();
            double[] figure = [.. c.raw.Select(v => v / mean)];
            double[] y = [.. Enumerable.Range(0, c.m * c.seasons).Select(t => c.level * figure[t % c.m])];
            Decomposition d = ClassicalDecomposition.Multiplicative(y, c.m);
            for (int i = 0; i < c.m; i++) Golden.Close(figure[i], d.Figure[i], 1e-9, $"index {i}");
            SeasonalAdjustment a = SeasonalAdjustment.Estimate(y, c.m);
            var adjusted = new double[y.Length];
            a.Adjust(y, adjusted);
            Assert.All(adjusted, v => Golden.Close(c.level, v, 1e-9, "adjusted"));
            Assert.Equal(figure[y.Length % c.m], a.ForecastIndex(1), 9);
        });

    [Fact]
    public void Autocorrelations_lie_in_minus_one_to_one() =>
        Gen.Double[-1e6, 1e6].Array[5, 60].SamplePinned(y =>
        {
            var r = new double[4];
            if (SeasonalityTest.Autocorrelations(y, r)) Assert.All(r, v => Assert.InRange(v, -1 - 1e-12, 1 + 1e-12));
        });
}
