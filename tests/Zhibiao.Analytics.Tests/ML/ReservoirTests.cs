using Zhibiao.Analytics.ML;

namespace Zhibiao.Analytics.Tests.ML;

public class ReservoirTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(1000, 50)]
    [InlineData(5, 5)]
    public void Offering_items_or_makers_keeps_the_same_sample_and_makes_only_what_is_kept(int stream, int capacity)
    {
        var byValue = new Reservoir<int>(capacity, 7);
        var byMaker = new Reservoir<int>(capacity, 7);
        int made = 0;
        for (int i = 0; i < stream; i++)
        {
            byValue.Offer(i);
            int item = i;
            byMaker.Offer(() =>
            {
                made++;
                return item;
            });
        }

        Assert.Equal(byValue.Items, byMaker.Items);
        Assert.Equal(Math.Min(stream, capacity), byValue.Count);
        Assert.InRange(made, byValue.Count, stream);
        Assert.Equal(byValue.Count, byValue.Items.Distinct().Count());
        Assert.All(byValue.Items, item => Assert.InRange(item, 0, stream - 1));
        if (stream > 10 * capacity)
        {
            Assert.True(made < stream / 2, $"made {made} of {stream}");
            // a uniform sample of 0..n−1 averages (n − 1)/2, with a standard error of about 0.29n/√capacity (0.04n here)
            Assert.InRange(byValue.Items.Average(), (0.5 - 0.15) * stream, (0.5 + 0.15) * stream);
        }
    }
}
