namespace Zhibiao.Analytics.Tests.Observations;

public class QualifierArithmeticTests
{
    [Theory]
    [InlineData(Qualifier.Exact, "", "", 0, Qualifier.Exact)]
    [InlineData(Qualifier.AtLeast, "≥", "at least", 1, Qualifier.AtMost)]
    [InlineData(Qualifier.MoreThan, ">", "more than", 1, Qualifier.AtMost)]
    [InlineData(Qualifier.AtMost, "≤", "at most", -1, Qualifier.AtLeast)]
    [InlineData(Qualifier.Approx, "≈", "about", 0, Qualifier.Approx)]
    [InlineData(Qualifier.Nearly, "<~", "nearly", -1, Qualifier.MoreThan)]
    public void Sign_words_side_and_flip(Qualifier q, string sign, string words, int side, Qualifier flipped)
    {
        Assert.Equal(sign, q.ToSign());
        Assert.Equal(words, q.ToWords());
        Assert.Equal(side, q.Side());
        Assert.Equal(flipped, q.Flip());
    }

    [Fact]
    public void An_undefined_qualifier_value_is_refused()
    {
        var bad = (Qualifier)99;
        Assert.Throws<ArgumentOutOfRangeException>(() => bad.ToToken());
        Assert.Throws<ArgumentOutOfRangeException>(() => bad.ToSign());
        Assert.Throws<ArgumentOutOfRangeException>(() => bad.ToWords());
    }

    [Theory]
    [InlineData("", Qualifier.Exact)]
    [InlineData("  nearly ", Qualifier.Nearly)]
    [InlineData("approx", Qualifier.Approx)]
    public void Tokens_are_trimmed_and_empty_is_exact(string token, Qualifier expected) =>
        Assert.Equal(expected, Qualifiers.Parse(token));

    [Theory]
    [InlineData("多", Qualifier.MoreThan)]
    [InlineData("逾", Qualifier.MoreThan)]
    [InlineData("超", Qualifier.MoreThan)]
    [InlineData("以下", Qualifier.AtMost)]
    [InlineData("不到", Qualifier.AtMost)]
    [InlineData("不足", Qualifier.AtMost)]
    [InlineData("不少于", Qualifier.AtLeast)]
    [InlineData("大约", Qualifier.Approx)]
    [InlineData("上下", Qualifier.Approx)]
    [InlineData("将近", Qualifier.Nearly)]
    public void The_other_chinese_words(string word, Qualifier expected)
    {
        Assert.Equal(expected, Qualifiers.FromChineseWord(word));
        Assert.Contains((word, expected), Qualifiers.Words);
    }

    [Theory]
    [InlineData("增长")]
    [InlineData("")]
    [InlineData("以上以上")]
    public void Other_words_are_no_qualifier(string word) => Assert.Null(Qualifiers.FromChineseWord(word));

    [Theory]
    [InlineData(Qualifier.Exact, Qualifier.Approx, Qualifier.Approx)]
    [InlineData(Qualifier.AtMost, Qualifier.Exact, Qualifier.AtMost)]
    [InlineData(Qualifier.AtLeast, Qualifier.AtLeast, Qualifier.Approx)]
    [InlineData(Qualifier.AtMost, Qualifier.AtLeast, Qualifier.AtMost)]
    [InlineData(Qualifier.Exact, Qualifier.AtMost, Qualifier.MoreThan)]
    [InlineData(Qualifier.Exact, Qualifier.Nearly, Qualifier.MoreThan)]
    [InlineData(Qualifier.AtMost, Qualifier.MoreThan, Qualifier.AtMost)]
    public void Combine_by_hand(Qualifier increasing, Qualifier decreasing, Qualifier expected) =>
        Assert.Equal(expected, Qualifiers.Combine(increasing, decreasing));
}
