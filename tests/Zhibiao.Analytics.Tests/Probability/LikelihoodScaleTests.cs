using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Probability;

public class LikelihoodScaleTests
{
    public static IEnumerable<object[]> Boundaries() =>
        Csv.Read(RepositoryPaths.TestData("Probability", "likelihood-boundaries.csv")).Select(r => new object[] { r.D("p"), r["words"] });

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Every_IPCC_boundary_is_where_the_scale_puts_it(double p, string words) =>
        Assert.Equal(words, LikelihoodScale.Of(p).ToWords());

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Not_a_probability_is_rejected(double p) =>
        Assert.Contains("a probability lies in [0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => LikelihoodScale.Of(p)).Message, StringComparison.Ordinal);
}
