using Zhibiao.Analytics.Forecasting.Seasonality;

namespace Zhibiao.Analytics.Tests.Forecasting.Seasonality;

/// <summary>Autocorrelations, the seasonality decision and the multiplicative indices against R's acf, thetaf and decompose (seasonality-r.csv).</summary>
public class SeasonalityGoldenTests
{
    public static TheoryData<string> Series() => [.. Golden.Rows("Forecasting/Seasonality/seasonality-r.csv").Select(r => r["series"])];

    [Theory]
    [MemberData(nameof(Series))]
    public void Autocorrelations_test_and_indices_match_R(string series)
    {
        var row = Golden.Rows("Forecasting/Seasonality/seasonality-r.csv").Single(r => r["series"] == series);
        (double[] y, int m) = Golden.Series(series);
        double tol = row.Number("tolerance");

        double[] expectedAcf = row.Vector("acf");
        var acf = new double[m];
        Assert.True(SeasonalityTest.Autocorrelations(y, acf));
        for (int k = 0; k < m; k++) Golden.Close(expectedAcf[k], acf[k], tol, $"{series} r_{k + 1}");

        Assert.Equal(row["seasonal"] == "true", SeasonalityTest.IsSeasonal(y, m));
        Assert.Equal(row["seasonal"] == "true", SeasonalAdjustment.Detect(y, m) is not null);

        double[] expectedFigure = row.Vector("figure");
        Decomposition d = ClassicalDecomposition.Multiplicative(y, m);
        for (int i = 0; i < m; i++) Golden.Close(expectedFigure[i], d.Figure[i], tol, $"{series} index {i + 1}");
    }
}
