using Zhibiao.Analytics.Forecasting.Arima;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

/// <summary>KPSS statistics and seasonal strength against R (urca::ur.kpss, forecast's nsdiffs heuristic) on classic R data sets.</summary>
public class UnitRootsTests
{
    public static TheoryData<int> KpssRows() => [.. Enumerable.Range(0, Golden.Read("r-kpss.csv").Count)];

    public static TheoryData<int> StrengthRows() => [.. Enumerable.Range(0, Golden.Read("r-seasonal-strength.csv").Count)];

    [Theory]
    [MemberData(nameof(KpssRows))]
    public void KpssStatisticMatchesR(int index)
    {
        Dictionary<string, string> row = Golden.Read("r-kpss.csv")[index];
        (double[] y, _) = Golden.Dataset(row["series"]);
        double[] x = ArmaMath.Difference(y, row.I("differences"), 0, 1);
        Assert.Equal(row.I("lags"), Kpss.DefaultLags(x.Length));
        double expected = row.D("statistic");
        Golden.Near(expected, Kpss.Statistic(x, row.I("lags")), row.D("tolerance") * Math.Max(1, expected), $"KPSS {row["series"]} d={row["differences"]}");
        Assert.Equal(row.I("ndiffs"), UnitRoots.Differences(y));
    }

    [Theory]
    [MemberData(nameof(StrengthRows))]
    public void SeasonalStrengthMatchesR(int index)
    {
        Dictionary<string, string> row = Golden.Read("r-seasonal-strength.csv")[index];
        (double[] y, int m) = Golden.Dataset(row["series"]);
        Golden.Near(row.D("strength"), UnitRoots.SeasonalStrength(y, m), row.D("tolerance"), $"strength {row["series"]}");
        Assert.Equal(row.I("nsdiffs"), UnitRoots.SeasonalDifferences(y, m));
    }

    [Fact]
    public void KpssCriticalValuesComeFromTheTable()
    {
        Assert.Equal(0.463, Kpss.CriticalValue(0.05), 1e-12);
        Assert.Equal(0.347, Kpss.CriticalValue(0.1), 1e-12);
        Assert.Equal(0.739, Kpss.CriticalValue(0.01), 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Kpss.CriticalValue(0.2));
    }

    [Fact]
    public void KpssRejectsTooShortSeries() => Assert.Throws<ArgumentException>(() => Kpss.Statistic([1.0], 0));

    [Fact]
    public void ConstantSeriesNeedNoDifferences()
    {
        Assert.True(UnitRoots.IsConstant([3.0, 3, 3, 3]));
        Assert.False(UnitRoots.IsConstant([3.0, 3, 3, 3.1]));
        Assert.Equal(0, UnitRoots.Differences([5.0, 5, 5, 5, 5, 5]));
        Assert.Equal(0, UnitRoots.SeasonalDifferences([5.0, 5, 5, 5, 5, 5, 5, 5, 5, 5], 4));
    }

    [Fact]
    public void ALinearTrendNeedsOneDifference()
    {
        double[] trend = [.. Enumerable.Range(0, 40).Select(t => (2.0 * t) + Math.Sin(t))];
        Assert.Equal(1, UnitRoots.Differences(trend));
    }
}
