using Zhibiao.Analytics.Cli.Output;

namespace Zhibiao.Analytics.Tests.Cli.Output;

public class FmtTests
{
    [Theory]
    [InlineData(0, "fact", null, "0 facts")]
    [InlineData(1, "fact", null, "1 fact")]
    [InlineData(2, "indicator", null, "2 indicators")]
    [InlineData(1, "series", "series", "1 series")]
    [InlineData(12345, "series", "series", "12345 series")]
    public void Count_is_singular_for_one_and_plural_otherwise(int count, string singular, string? plural, string expected) =>
        Assert.Equal(expected, Fmt.Count(count, singular, plural));
}
