namespace Zhibiao.Analytics.Tests.UnitsOfMeasure;

public class IntervalTests
{
    [Theory]
    [InlineData(1.0, true)]
    [InlineData(2.0, true)]
    [InlineData(1.5, true)]
    [InlineData(0.999, false)]
    [InlineData(2.001, false)]
    public void Contains_includes_both_ends(double value, bool inside) =>
        Assert.Equal(inside, new Interval(1, 2).Contains(value));

    [Fact]
    public void Width_and_midpoint_by_hand()
    {
        Interval i = new(2, 5);
        Assert.Equal(3, i.Width);
        Assert.Equal(3.5, i.Midpoint);
        Interval p = Interval.Point(4);
        Assert.Equal((4.0, 4.0, 0.0, 4.0), (p.Lower, p.Upper, p.Width, p.Midpoint));
        Assert.True(p.Contains(4));
    }

    [Fact]
    public void Display_rounds_both_ends_to_significant_digits()
    {
        Assert.Equal("[2.14, 2.15]", new Interval(2.1374, 2.1481).ToString(3));
        Assert.Equal("[1.23457, 2]", new Interval(1.23456789, 2).ToString());
    }
}
