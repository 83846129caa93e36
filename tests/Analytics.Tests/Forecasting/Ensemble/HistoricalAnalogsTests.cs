using Analytics.Forecasting.Ensemble;

namespace Analytics.Tests.Forecasting.Ensemble;

public class HistoricalAnalogsTests
{
    [Fact]
    public void Past_growth_paths_are_moved_onto_the_last_value_newest_first()
    {
        // n = 5, horizon 2: origins t = 2, 1, 0; a_h = 20 · y[t+h] / y[t].
        double[][] paths = HistoricalAnalogs.Paths([10, 12, 9, 15, 20], 1, 2);
        Assert.Equal(3, paths.Length);
        double[][] expected = [[20 * 15 / 9.0, 20 * 20 / 9.0], [20 * 9 / 12.0, 20 * 15 / 12.0], [20 * 12 / 10.0, 20 * 9 / 10.0]];
        for (int i = 0; i < 3; i++)
            for (int h = 0; h < 2; h++) Assert.Equal(expected[i][h], paths[i][h], 12);
    }

    [Fact]
    public void Seasonal_series_use_origins_in_the_season_of_the_last_value()
    {
        // Quarterly, n = 12, horizon 2: the last value is in season 3 (t = 11); origins 7 and 3, never 9.
        double[] y = [.. Enumerable.Range(1, 12).Select(t => (double)t * t)];
        double[][] paths = HistoricalAnalogs.Paths(y, 4, 2);
        Assert.Equal(2, paths.Length);
        Assert.Equal(y[11] * y[8] / y[7], paths[0][0], 12);
        Assert.Equal(y[11] * y[5] / y[3], paths[1][1], 12);
    }

    [Fact]
    public void Series_with_values_that_are_not_positive_or_too_short_have_none()
    {
        Assert.Empty(HistoricalAnalogs.Paths([3, 0, 4, 5], 1, 1));
        Assert.Empty(HistoricalAnalogs.Paths([3, double.NaN, 4, 5], 1, 1));
        Assert.Empty(HistoricalAnalogs.Paths([3, 4, 5], 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoricalAnalogs.Paths([3, 4, 5], 1, 0));
    }
}
