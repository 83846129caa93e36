using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests;

/// <summary>The C# examples of README.md's tour (also in docs/getting-started.md and docs/targets.md), line for line, with their printed values checked.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_prints_what_it_says()
    {
        Dataset data = Dataset.Load(RepositoryPaths.XinjiangDataset);
        IndicatorSeries arrivals = data.Series("tourist_arrivals");
        Target target = data.Targets.Single(t => t.IndicatorId == "tourist_arrivals");

        TrackingResult result = Tracker.Track(arrivals, target);
        Assert.Equal("on track: needs ≤0.0667 a year, observed >0.1739", $"{result.Status.ToWords()}: needs {result.Required} a year, observed {result.Observed}");

        Quantity q = Quantity.Parse("3.2亿人次");
        Assert.Equal(320000000, q.ConvertTo(Zhibiao.Analytics.Units.PersonTime).Value);
        Assert.Equal("2330万吨", Quantity.Parse("466亿斤").ConvertTo(Zhibiao.Analytics.Units.Tonne).ToString());
        Assert.Equal(0.1739, Zhibiao.Analytics.Growth.Cagr(1.58e8, 3e8, years: 4), 4);
        GrowthTable table = data.GrowthTable("rail_freight_dispatched");
        Assert.True(table.Rows.Single(r => r.Period == Period.OfYear(2023)).Observation.IsDerived);

        // "How likely is a target to be met?"
        TargetJudgement j = data.Judge().Single(j => j.Target?.IndicatorId == "tourist_arrivals");
        Zhibiao.Analytics.Probability.TargetChance p = j.Chance!;
        string line = $"P(met) {p.Probability:0.00}, {Zhibiao.Analytics.Probability.LikelihoodScale.ToWords(p.Likelihood)}; 2025 median {j.Simulation!.Median:0}";
        Assert.Matches(@"^P\(met\) [01]\.\d\d, [a-z ]+; 2025 median \d+$", line);
        Assert.InRange(j.Simulation.Median, 2e8, 5e8);
    }
}
