using Zhibiao.Analytics.Forecasting.Theta;
using Zhibiao.Analytics.Probability;
using Zhibiao.Analytics.Tests.Forecasting;

namespace Zhibiao.Analytics.Tests.Probability;

/// <summary>
/// <see cref="GrowthProbabilities"/> with hand-written paths: from the last value 100, the four paths reach
/// 105, 111, 121, 130 at step 1 and 100, 115, 122, 140 at step 2.
/// </summary>
public class GrowthProbabilitiesTests
{
    private static readonly LongSeries Series = new("s", Period.OfYear(2015), new double[] { 90, 95, 100 });

    private static ScriptedForecaster Model() => new() { Paths = [[105, 100], [111, 115], [121, 122], [130, 140]] };

    private static GrowthProbabilityOptions Options(int paths = 4) => new() { Horizon = 2, Growth = [0.1, 0], Paths = paths };

    [Fact]
    public void Each_step_and_growth_rate_gets_the_share_of_paths_at_or_above_the_compounded_target()
    {
        // Step 1: 10% → 110 (met by 111, 121, 130: 3/4), 0% → 100 (4/4). Step 2: 10% → 100·1.1² = 121 (122, 140: 2/4), 0% → 100 (4/4).
        GrowthProbabilityResult r = GrowthProbabilities.One(Series, Model(), Options(), 1);
        Assert.Null(r.Error);
        Assert.Equal("scripted method", r.Method);
        Assert.Equal(4, r.Probabilities.Count);
        GrowthProbability[] rows = [.. r.Probabilities];
        Assert.Equal((1, 0.1, 0.75), (rows[0].H, rows[0].Growth, rows[0].ProbabilityMet));
        Assert.Equal(110, rows[0].Target, 9);
        Assert.Equal((1, 0.0, 100.0, 1.0), (rows[1].H, rows[1].Growth, rows[1].Target, rows[1].ProbabilityMet));
        Assert.Equal(2, rows[2].H);
        Assert.Equal(121, rows[2].Target, 9);
        Assert.Equal(0.5, rows[2].ProbabilityMet);
        Assert.Equal((2, 1.0), (rows[3].H, rows[3].ProbabilityMet));
        Assert.All(rows, row => Assert.Equal("s", row.SeriesId));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Paths_that_are_not_finite_are_an_error_for_the_series(double bad)
    {
        var model = new ScriptedForecaster { Paths = [[100, 100], [bad, bad], [120, 120]] };
        GrowthProbabilityResult r = GrowthProbabilities.One(Series, model, Options(3), 1);
        Assert.Empty(r.Probabilities);
        Assert.Equal("scripted simulated values that are not finite", r.Error);
    }

    [Fact]
    public void A_series_the_model_cannot_fit_gets_the_models_reason()
    {
        GrowthProbabilityResult r = GrowthProbabilities.One(Series, new ThetaForecaster(), Options(), 1);
        Assert.Empty(r.Probabilities);
        Assert.Null(r.Method);
        Assert.Contains("at least 4 values", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_i_is_simulated_with_the_seed_plus_i()
    {
        // Two equal series: the second gets seed + 1, so its grid is One(series, seed + 1), not a copy of the first.
        var options = new GrowthProbabilityOptions { Horizon = 1, Growth = [.. Enumerable.Range(-10, 21).Select(g => g / 100.0)], Paths = 20, Seed = 5 };
        double[] y = [100, 103, 99, 104, 101, 106];
        var drift = new Zhibiao.Analytics.Forecasting.Baselines.DriftForecaster();
        GrowthProbabilityResult[] run = GrowthProbabilities.Run([new LongSeries("a", Period.OfYear(2015), y), new LongSeries("b", Period.OfYear(2015), y)], drift, options);
        double[] Shares(GrowthProbabilityResult r) => [.. r.Probabilities.Select(p => p.ProbabilityMet)];
        for (int i = 0; i < 2; i++)
            Assert.Equal(Shares(GrowthProbabilities.One(run[i].Series, drift, options, 5 + i)), Shares(run[i]));
        Assert.NotEqual(Shares(run[0]), Shares(run[1]));
    }

    [Fact]
    public void The_season_length_is_the_one_asked_for_else_the_frequencys()
    {
        ScriptedForecaster model = Model();
        GrowthProbabilities.One(Series, model, Options() with { SeasonLength = 3 }, 1);
        GrowthProbabilities.One(Series, model, Options(), 1);
        Assert.Equal([3, 1], model.SeasonLengths);
    }

    [Fact]
    public void One_path_is_enough_and_none_or_a_bad_horizon_is_refused_up_front()
    {
        Assert.Single(GrowthProbabilities.Run([Series], Model(), Options(1))[0].Probabilities, p => p.H == 2 && p.Growth == 0.1);
        Assert.Contains("at least one path", Assert.Throws<ArgumentOutOfRangeException>(() => GrowthProbabilities.Run([Series], Model(), Options(0))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => GrowthProbabilities.Run([Series], Model(), Options() with { Horizon = 0 }));
    }
}
