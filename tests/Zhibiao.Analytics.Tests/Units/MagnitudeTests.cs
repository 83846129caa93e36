namespace Zhibiao.Analytics.Tests.UnitsOfMeasure;

public class MagnitudeTests
{
    [Theory]
    [InlineData(9999, false, "")]
    [InlineData(1e4, false, "万")]
    [InlineData(99_999_999, false, "万")]
    [InlineData(1e8, false, "亿")]
    [InlineData(-1e8, false, "亿")]
    [InlineData(999_999_999_999, false, "亿")]
    [InlineData(1e12, false, "万亿")]
    [InlineData(9999, true, "")]
    [InlineData(1e4, true, "thousand")]
    [InlineData(999_999, true, "thousand")]
    [InlineData(1e6, true, "million")]
    [InlineData(-1e6, true, "million")]
    [InlineData(1e9, true, "billion")]
    public void Natural_magnitude_starts_at_each_power(double value, bool english, string symbol) =>
        Assert.Equal(symbol, Magnitude.Natural(value, english).Symbol);

    [Theory]
    [InlineData("thousand")]
    [InlineData("million")]
    [InlineData("billion")]
    public void English_magnitudes_are_written_apart_from_the_number_and_the_unit(string word)
    {
        Assert.True(Magnitude.Find(word)!.IsEnglish);
        Assert.Equal($"2 {word} 千瓦时", Quantity.Parse($"2 {word} kWh").ToWrittenString());
        Assert.Equal("2万千瓦时", Quantity.Parse("2万kWh").ToWrittenString());
    }

    [Fact]
    public void Find_ignores_case_and_takes_empty_as_one()
    {
        Assert.Same(Magnitude.Million, Magnitude.Find("MILLION"));
        Assert.Same(Magnitude.WanYi, Magnitude.Find("万亿"));
        Assert.Same(Magnitude.One, Magnitude.Find(""));
        Assert.Null(Magnitude.Find("兆"));
    }

    [Fact]
    public void Chinese_prefix_skips_english_words()
    {
        Assert.Null(Magnitude.MatchChinesePrefix("thousand吨", out int n));
        Assert.Equal(0, n);
        Assert.Null(Magnitude.MatchChinesePrefix("吨", out n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void Every_magnitude_is_listed_longest_first_without_one()
    {
        int[] lengths = Magnitude.All.Select(m => m.Symbol.Length).ToArray();
        Assert.Equal(10, lengths.Length);
        Assert.Equal(lengths.OrderByDescending(l => l), lengths);
        Assert.DoesNotContain(Magnitude.One, Magnitude.All);
    }
}
