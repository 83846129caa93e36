using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Tests.Extraction;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData("三", 3)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("一百二十", 120)]
    [InlineData("一百零五", 105)]
    [InlineData("三百五", 350)]
    [InlineData("一千二", 1200)]
    [InlineData("两千", 2000)]
    [InlineData("九千九百九十九", 9999)]
    [InlineData("一千零二十", 1020)]
    public void Parses_well_formed_numerals(string text, int value) => Assert.Equal(value, ChineseNumerals.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("十四五")]
    [InlineData("一二")]
    [InlineData("千百")]
    [InlineData("百")]
    [InlineData("零")]
    [InlineData("一零")]
    [InlineData("二〇二四")]
    [InlineData("五十十")]
    [InlineData("万")]
    public void Rejects_ill_formed_runs(string text) => Assert.Null(ChineseNumerals.Parse(text));
}
