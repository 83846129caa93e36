using Zhibiao.Analytics.Forecasting.Seasonality;

namespace Zhibiao.Analytics.Forecasting.Baselines;

/// <summary>
/// Naive2, the benchmark of the M3 and M4 competitions (Makridakis and Hibon, IJF 2000; M4 Competitor's Guide 2018):
/// the naive forecast of the seasonally adjusted series, multiplied back by the seasonal index,
/// ŷ_{n+h} = S_{n+h}·(y_n / S_n). The series is adjusted by classical multiplicative decomposition when the 90%
/// autocorrelation test finds it seasonal (<see cref="SeasonalAdjustment.Detect"/>); otherwise Naive2 is the naive
/// forecast. Intervals: ŷ ± z·σ√h, σ² the mean squared one-step change of the adjusted series, added around the
/// reseasonalised mean as for the Theta method (<see cref="SesDriftModel"/>, the fitted form both share). Needs at least 2 values.
/// </summary>
internal sealed class Naive2Forecaster : IForecaster
{
    /// <inheritdoc/>
    public string Name => "naive2";

    /// <inheritdoc/>
    public IFittedModel Fit(ReadOnlySpan<double> y, int seasonLength = 1) => Rescaling.Fit(y, seasonLength, FitUnscaled);

    private IFittedModel FitUnscaled(ReadOnlySpan<double> y, int seasonLength)
    {
        SeriesChecks.RequireSeasonLength(seasonLength);
        SeriesChecks.RequireComplete(y, 2, Name);
        int n = y.Length;
        double[] observations = y.ToArray();
        (double[] x, SeasonalAdjustment? seasonal) = SeasonalAdjustment.AdjustIfSeasonal(observations, seasonLength);

        var fitted = new double[n];
        fitted[0] = double.NaN;
        double ss = 0;
        for (int t = 1; t < n; t++)
        {
            double change = x[t] - x[t - 1];
            ss += change * change;
            fitted[t] = x[t - 1];
        }

        seasonal?.Reseasonalise(fitted);

        return new SesDriftModel("Naive2", observations, fitted, x[n - 1], 0, 1, ss / (n - 1), seasonal, scaleSpread: false, []);
    }
}
