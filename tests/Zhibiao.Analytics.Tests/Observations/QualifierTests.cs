namespace Zhibiao.Analytics.Tests.Observations;

public class QualifierTests
{
    [Theory]
    [InlineData("突破", Qualifier.MoreThan)]
    [InlineData("超过", Qualifier.MoreThan)]
    [InlineData("余", Qualifier.MoreThan)]
    [InlineData("以上", Qualifier.AtLeast)]
    [InlineData("不低于", Qualifier.AtLeast)]
    [InlineData("以内", Qualifier.AtMost)]
    [InlineData("不超过", Qualifier.AtMost)]
    [InlineData("左右", Qualifier.Approx)]
    [InlineData("约", Qualifier.Approx)]
    [InlineData("近", Qualifier.Nearly)]
    [InlineData("接近", Qualifier.Nearly)]
    public void Chinese_words_map_to_qualifiers(string word, Qualifier expected) =>
        Assert.Equal(expected, Qualifiers.FromChineseWord(word));

    [Fact]
    public void Tokens_round_trip_and_unknown_tokens_are_listed()
    {
        foreach (Qualifier q in Enum.GetValues<Qualifier>()) Assert.Equal(q, Qualifiers.Parse(q.ToToken()));
        Assert.Contains("at_least", Assert.Throws<FormatException>(() => Qualifiers.Parse("about")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Qualifier.Exact, Qualifier.Exact, Qualifier.Exact)]
    [InlineData(Qualifier.MoreThan, Qualifier.Exact, Qualifier.MoreThan)]
    [InlineData(Qualifier.Exact, Qualifier.MoreThan, Qualifier.AtMost)]
    [InlineData(Qualifier.MoreThan, Qualifier.AtMost, Qualifier.MoreThan)]
    [InlineData(Qualifier.MoreThan, Qualifier.MoreThan, Qualifier.Approx)]
    [InlineData(Qualifier.Nearly, Qualifier.Exact, Qualifier.AtMost)]
    [InlineData(Qualifier.Approx, Qualifier.Exact, Qualifier.Approx)]
    public void Qualifiers_combine_through_monotone_formulas(Qualifier increasing, Qualifier decreasing, Qualifier expected) =>
        Assert.Equal(expected, Qualifiers.Combine(increasing, decreasing));

    [Fact]
    public void Bounds_follow_the_qualifier()
    {
        var src = new Source("t");
        var more = new Observation("x", Period.OfYear(2024), Measure.Level, Quantity.Parse("3亿人次"), Qualifier.MoreThan, src);
        Assert.Equal(3e8 - 0.5e8, more.Bounds.Lower);
        Assert.True(double.IsPositiveInfinity(more.Bounds.Upper));
        var nearly = more with { Qualifier = Qualifier.Nearly };
        Assert.True(double.IsNegativeInfinity(nearly.Bounds.Lower));
    }
}
