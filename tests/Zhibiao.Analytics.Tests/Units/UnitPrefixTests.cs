namespace Zhibiao.Analytics.Tests.UnitCatalogue;

public class UnitPrefixTests
{
    [Theory]
    [InlineData("千瓦时送出", "千瓦时", 3)]
    [InlineData("千瓦，", "千瓦", 2)]
    [InlineData("人次以上", "人次", 2)]
    [InlineData("人，", "人", 1)]
    [InlineData("个百分点", "百分点", 4)]
    [InlineData("个产业园", "个", 1)]
    [InlineData("％", "%", 1)]
    [InlineData("美元", "美元", 2)]
    [InlineData("斤/亩", "斤/亩", 3)]
    public void The_longest_unit_at_the_start_is_found(string text, string symbol, int length)
    {
        Unit? u = Units.MatchPrefix(text, out int n);
        Assert.Equal((symbol, length), (u?.Symbol, n));
    }

    [Theory]
    [InlineData("t")]
    [InlineData("kW")]
    [InlineData("级")]
    [InlineData("")]
    public void Latin_aliases_and_non_units_are_not_found(string text)
    {
        Assert.Null(Units.MatchPrefix(text, out int n));
        Assert.Equal(0, n);
    }

    [Theory]
    [InlineData("万亿元", "万亿", 2)]
    [InlineData("千万千瓦", "千万", 2)]
    [InlineData("亿", "亿", 1)]
    public void The_longest_chinese_magnitude_is_found(string text, string symbol, int length)
    {
        Magnitude? m = Magnitude.MatchChinesePrefix(text, out int n);
        Assert.Equal((symbol, length), (m?.Symbol, n));
    }
}
