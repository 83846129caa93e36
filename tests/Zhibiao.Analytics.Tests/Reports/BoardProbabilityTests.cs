using CsCheck;
using Zhibiao.Analytics.Reports;

namespace Zhibiao.Analytics.Tests.Reports;

public sealed class BoardProbabilityTests
{
    private static Target Gdp(double value, TargetWording wording = TargetWording.About) =>
        Targets.TargetRuleTests.Stated("gdp_growth", value, wording);

    [Fact]
    public void The_forecast_is_a_student_t_around_last_year_with_the_pooled_scale()
    {
        // changes ±1 → scale √((1 + 1)/2) = 1, ν = 1 (Cauchy); 5%左右 is met from 4.9%; latest 5.4%:
        // P = 1 − F(−0.5) = 1/2 + atan(0.5)/π = 0.6475836 (worked by hand).
        var o = new BoardProbabilityOptions { AverageWeight = 0 };
        var f = BoardProbability.Forecast(Gdp(5), new ThinHistory(5.4, null), [1, -1], o)!.Value;
        Assert.Equal(0.6475836, f.P, 6);
        Assert.Equal(5.4, f.Centre, 9);
        Assert.Equal(1, f.Scale, 9);
        // the five-year average pulls the centre: (5.4 + 4.4) / 2 = 4.9 → exactly at the threshold, P = 1/2
        Assert.Equal(0.5, BoardProbability.Forecast(Gdp(5), new ThinHistory(5.4, 4.4), [1, -1], new BoardProbabilityOptions { AverageWeight = 0.5 })!.Value.P, 9);
    }

    [Fact]
    public void Without_history_the_track_record_answers_alone()
    {
        (string, bool)[] record = [("gdp_growth", true), ("gdp_growth", true), ("cpi", false)];
        BoardChance c = BoardProbability.Assess(Gdp(5), new ThinHistory(null, null), [1, -1], record);
        Assert.Null(c.PForecast);
        // pooled r = (1 + 2)/(2 + 3) = 0.6; gdp: (4·0.6 + 2)/(4 + 2) = 0.7333
        Assert.Equal(4.4 / 6, c.PPrior, 9);
        Assert.Equal(c.PPrior, c.PMet, 9);
    }

    [Fact]
    public void Jobs_change_in_log_units()
    {
        Target jobs = Targets.TargetRuleTests.Stated("urban_new_jobs", 500_000, TargetWording.AtLeast);
        // ln(500000/500000) = 0 → P = 1/2 whatever the scale
        Assert.Equal(0.5, BoardProbability.Forecast(jobs, new ThinHistory(500_000, null), [0.1, -0.1, 0.05])!.Value.P, 9);
    }

    [Fact]
    public void P_met_rises_with_last_year_for_a_higher_is_better_target()
    {
        Gen.Double[-5, 15].Select(Gen.Double[0, 3]).Sample((latest, step) =>
        {
            var o = new BoardProbabilityOptions { AverageWeight = 0 };
            double low = BoardProbability.Forecast(Gdp(5), new ThinHistory(latest, null), [0.8, -1.2, 0.5], o)!.Value.P;
            double high = BoardProbability.Forecast(Gdp(5), new ThinHistory(latest + step, null), [0.8, -1.2, 0.5], o)!.Value.P;
            return high >= low - 1e-12;
        });
    }
}
