using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Probability;

public class IndicatorPathsTests
{
    [Fact]
    public void Fan_at_a_level_targets_deadline_is_the_assessments_distribution()
    {
        // Same simulation (histories, model, seed) as Assess: the quantiles at the deadline are its median and intervals.
        Dataset data = Dataset.Load(RepositoryPaths.XinjiangDataset);
        IndicatorSeries s = data.Series("tourist_arrivals");
        Target t = data.Targets.Single(x => x.IndicatorId == "tourist_arrivals");
        TargetAssessment a = TargetAssessor.Assess(s, t, null, data.ChangesOf("tourist_arrivals"));
        IndicatorPaths fan = TargetAssessor.Simulate(s, a.Steps);
        Assert.Equal(a.Method, fan.Method);
        Assert.Equal(t.Deadline, fan.PeriodOf(a.Steps));
        Assert.Equal(a.Median, fan.Quantile(a.Steps, 0.5), 9);
        Assert.Equal(a.Interval80.Lower, fan.Quantile(a.Steps, 0.1), 9);
        Assert.Equal(a.Interval95.Upper, fan.Quantile(a.Steps, 0.975), 9);
        Assert.Contains(fan.Notes, n => n.Contains("histories", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_rejects_a_single_value_and_a_bad_horizon()
    {
        Dataset data = Dataset.Load(RepositoryPaths.XinjiangDataset);
        IndicatorSeries single = data.Series(data.Indicators.First(i => data.Series(i.Id).Count == 1).Id);
        Assert.Throws<AnalyticsException>(() => TargetAssessor.Simulate(single, 3));
        Assert.Throws<AnalyticsException>(() => TargetAssessor.Simulate(data.Series("tourist_arrivals"), 0));
    }
}
