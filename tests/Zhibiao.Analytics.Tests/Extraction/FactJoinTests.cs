using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

public class FactJoinTests
{
    internal static readonly Indicator[] Indicators =
    [
        new("grain_output", "粮食总产量", "grain output", Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow),
        new("grain_yield", "粮食单产", "grain yield", Units.JinPerMu, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Level),
        new("rail_freight", "铁路货物发送量", "rail freight", Units.Tonne, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow),
        new("tourists", "接待游客", "tourist arrivals", Units.PersonTime, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow),
        new("energy_intensity", "单位能耗", "energy intensity", Units.Percent, Frequency.Yearly, Direction.LowerIsBetter, IndicatorKind.Rate),
    ];

    private const string Report =
        "2024年工作回顾\n粮食总产量466亿斤、增产42.2亿斤，粮食单产1050斤。铁路货物发送量2.37亿吨、增长10.6%。全市8家医院投用。" +
        "“十四五”期间累计完成铁路货物发送量10亿吨。\n2025年工作安排\n力争接待游客3.2亿人次，单位能耗控制在25%以内，粮食增产5亿斤。";

    private static readonly SynonymTable Synonyms = SynonymTable.Of(
    [
        new Synonym("粮食产量", "grain_output"),
        new Synonym("粮食单产", "grain_yield", Units.JinPerMu),
    ]);

    private static JoinedFacts Joined() => FactJoin.Join(FactExtractor.Extract(Report), Indicators, Synonyms, "测试报告");

    [Fact]
    public void Outcomes_become_observations_with_the_document_and_the_span_as_source()
    {
        JoinedFacts j = Joined();
        Observation level = Assert.Single(j.Observations, o => o.IndicatorId == "grain_output" && o.Measure == Measure.Level);
        Assert.Equal(new Source("测试报告", "chars 15-20") { Subject = "粮食总产量" }, level.Source);
        Assert.Equal("466亿斤", level.Value.ToWrittenString());
        Assert.Contains(j.Observations, o => o.IndicatorId == "grain_output" && o.Measure == Measure.Change && o.Value.Value == 4.22e9);
        Assert.Contains(j.Observations, o => o.IndicatorId == "rail_freight" && o.Measure == Measure.Growth);
    }

    [Fact]
    public void A_synonym_unit_reads_a_shortened_unit_in_the_indicators_dimension()
    {
        Observation yield = Assert.Single(Joined().Observations, o => o.IndicatorId == "grain_yield");
        Assert.Equal(Units.JinPerMu, yield.Value.Unit);
        Assert.Equal(1050, yield.Value.Value);
    }

    [Fact]
    public void Goals_become_targets_with_a_comparison_from_qualifier_and_direction()
    {
        JoinedFacts j = Joined();
        Target tourists = Assert.Single(j.Targets, t => t.IndicatorId == "tourists");
        Assert.Equal((TargetKind.Level, TargetComparison.AtLeast, Period.OfYear(2025)), (tourists.Kind, tourists.Comparison, tourists.Deadline));
        Assert.Equal("力争", tourists.Source.Note);
        Target intensity = Assert.Single(j.Targets, t => t.IndicatorId == "energy_intensity");
        Assert.Equal((TargetKind.Share, TargetComparison.AtMost), (intensity.Kind, intensity.Comparison));
    }

    [Fact]
    public void A_level_with_its_change_or_growth_implies_the_previous_level_marked_derived()
    {
        JoinedFacts j = Joined();
        Observation rail = Assert.Single(j.Implied, o => o.IndicatorId == "rail_freight");
        Assert.True(rail.IsDerived);
        Assert.Equal(Period.OfYear(2023), rail.Period);
        Assert.Equal(2.37e8 / 1.106, rail.Value.Value, 1e-3);
        Observation grain = Assert.Single(j.Implied, o => o.IndicatorId == "grain_output");
        Assert.Equal(466e8 - 42.2e8, grain.Value.ConvertTo(Units.Jin).Value, 1e-3);
    }

    [Fact]
    public void Unknown_subjects_are_listed_and_misfits_say_why()
    {
        JoinedFacts j = Joined();
        Assert.Contains(j.Unmatched, f => f.Subject.StartsWith("医院", StringComparison.Ordinal));
        SkippedFact multiYear = Assert.Single(j.Skipped, s => s.Fact.Plan is not null);
        Assert.Contains("2021-2025", multiYear.Reason, StringComparison.Ordinal);
        SkippedFact changeTarget = Assert.Single(j.Skipped, s => s.Fact.IsTarget && s.Fact.Kind == Measure.Change);
        Assert.Contains("no target kind", changeTarget.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_level_target_of_a_flow_is_skipped_with_the_reason_and_a_rates_is_kept()
    {
        Fact tourists = new("接待游客", Period.OfYear(2026), Measure.Level, Quantity.Reported(-1.5, "亿人次"), Qualifier.Exact, true, 10, 16, "接待游客-1.5亿人次");
        Fact energy = new("单位能耗", Period.OfYear(2025), Measure.Level, Quantity.Reported(-3, "%"), Qualifier.Approx, true, 30, 33, "单位能耗-3%左右");
        JoinedFacts j = FactJoin.Join([tourists, energy], Indicators, Synonyms, "测试报告");
        SkippedFact skipped = Assert.Single(j.Skipped);
        Assert.Equal("chars 10-16", skipped.Fact.Address);
        Assert.Contains("a level target of -1.5亿人次 is negative, but tourists is a flow indicator", skipped.Reason, StringComparison.Ordinal);
        Target kept = Assert.Single(j.Targets);
        Assert.Equal(("energy_intensity", -3.0), (kept.IndicatorId, kept.Value.Value));
    }

    [Fact]
    public void A_synonym_to_an_indicator_the_dataset_lacks_is_an_error()
    {
        var bad = SynonymTable.Of([new Synonym("粮食产量", "no_such_indicator")]);
        var e = Assert.Throws<AnalyticsException>(() => FactJoin.Join([], Indicators, bad, "x"));
        Assert.Contains("no_such_indicator", e.Message, StringComparison.Ordinal);
    }
}
