using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

/// <summary>
/// Year-to-date figures read from report text (1—9月, 前三季度, 上半年, 一季度): their period is the span's last month or
/// quarter, marked year-to-date. The shared reports hold no such figure, so the positive cases are constructed sentences;
/// the negative ones (a base 比一季度, a start 从上半年) are short phrases of the shared national-2005 and guangxi-2026 reports.
/// </summary>
public class YearToDateFactTests
{
    private const string Review = "2025年工作回顾\n";

    private static Fact[] Read(string sentence) => [.. FactExtractor.Extract(Review + sentence)];

    [Theory]
    [InlineData("2025年1—9月，全省接待游客2.8亿人次。", "2025-09")]
    [InlineData("1-9月，全省接待游客2.8亿人次。", "2025-09")]
    [InlineData("1至2月，全省接待游客0.6亿人次。", "2025-02")]
    [InlineData("1～11月，全省接待游客3.1亿人次。", "2025-11")]
    [InlineData("前三季度，全省接待游客2.8亿人次。", "2025-Q3")]
    [InlineData("上半年，全省接待游客1.6亿人次。", "2025-Q2")]
    [InlineData("一季度，全省接待游客0.7亿人次。", "2025-Q1")]
    public void A_span_from_the_start_of_the_year_places_the_figure_at_its_end_year_to_date(string sentence, string period)
    {
        Fact f = Assert.Single(Read(sentence));
        Assert.Equal(Period.Parse(period), f.Period);
        Assert.True(f.IsYearToDate);
        Assert.Equal(Measure.Level, f.Kind);
        Assert.False(f.IsTarget);
    }

    [Fact]
    public void Growth_after_the_span_is_year_to_date_growth_and_the_whole_year_is_not()
    {
        Fact[] facts = Read("前三季度，地区生产总值增长5.2%，全年增长5.0%。");
        Assert.Equal(2, facts.Length);
        Assert.Equal((Period.OfQuarter(2025, 3), Measure.Growth, true), (facts[0].Period, facts[0].Kind, facts[0].IsYearToDate));
        Assert.Equal((Period.OfYear(2025), Measure.Growth, false), (facts[1].Period, facts[1].Kind, facts[1].IsYearToDate));
    }

    [Theory]
    // national-2005: a comparison with the first quarter is no first-quarter figure.
    [InlineData("全年全社会固定资产投资增长25.8%，增幅比一季度回落17.2个百分点。")]
    // guangxi-2026: the start of a from–to pair.
    [InlineData("年末城镇调查失业率从上半年5.5%降到5.3%。")]
    public void A_span_named_as_a_base_or_a_start_does_not_make_a_figure_year_to_date(string sentence)
    {
        Fact[] facts = Read(sentence);
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.False(f.IsYearToDate));
        Assert.All(facts, f => Assert.Equal(Frequency.Yearly, f.Period.Frequency));
    }
}
