namespace Zhibiao.Analytics.Forecasting;

/// <summary>Checks models share on the series they are given.</summary>
public static class SeriesChecks
{
    /// <summary>Throws when the series has fewer than <paramref name="minimum"/> values or any missing (NaN) or infinite value.</summary>
    /// <exception cref="ForecastException">Too short, or a value is missing or infinite; the message names the model, the minimum and the position.</exception>
    public static void RequireComplete(ReadOnlySpan<double> y, int minimum, string model)
    {
        if (y.Length < minimum)
            throw new ForecastException($"{model} needs at least {minimum} values, the series has {y.Length}");
        for (int i = 0; i < y.Length; i++)
        {
            if (double.IsNaN(y[i])) throw new ForecastException($"{model} cannot fit a series with missing values (value {i + 1} of {y.Length} is missing)");
            if (!double.IsFinite(y[i])) throw new ForecastException($"{model}: value {i + 1} is not finite");
        }
    }

    /// <summary>Throws when the season length is below 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The season length is below 1.</exception>
    public static void RequireSeasonLength(int seasonLength)
    {
        if (seasonLength < 1) throw new ArgumentOutOfRangeException(nameof(seasonLength), seasonLength, "the season length must be at least 1");
    }
}
