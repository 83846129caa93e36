using System.Globalization;

namespace Zhibiao.Analytics.Forecasting;

/// <summary>
/// Checks of series before models run: those every model applies to the values it is given, and those a batch run
/// (forecast, probability, evaluation) makes on all its series first, so that a request whose results would leave the
/// representable range is one clear error naming the series rather than a failure deep in a fit.
/// </summary>
internal static class SeriesChecks
{
    /// <summary>
    /// The largest magnitude of a value the models are given (1e100): beyond it the sums of squares inside the
    /// estimators overflow. Figures that large are a unit mistake; the message asks to rescale.
    /// </summary>
    public const double MaxMagnitude = 1e100;

    /// <summary>The largest season length accepted (10,000 periods): sums such as m + 1 and 2m stay far from overflow.</summary>
    public const int MaxSeasonLength = 10_000;

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

    /// <summary>Throws when the season length is below 1 or above <see cref="MaxSeasonLength"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The season length is below 1 or above the largest accepted.</exception>
    public static void RequireSeasonLength(int seasonLength)
    {
        if (seasonLength is < 1 or > MaxSeasonLength)
            throw new ArgumentOutOfRangeException(nameof(seasonLength), seasonLength, $"the season length must be between 1 and {MaxSeasonLength}");
    }

    /// <summary>
    /// Every series can be forecast <paramref name="horizon"/> steps without leaving the years 1–9999, and its values
    /// are of a magnitude the models handle (at most <see cref="MaxMagnitude"/>).
    /// </summary>
    /// <exception cref="AnalyticsException">A series fails one of the checks; the message names it.</exception>
    public static void Check(IReadOnlyList<LongSeries> series, int horizon)
    {
        foreach (LongSeries s in series)
        {
            if ((long)s.End.Year + ((horizon + s.Frequency.PeriodsPerYear() - 1) / s.Frequency.PeriodsPerYear()) > 9999)
                throw new AnalyticsException($"--horizon {horizon}: series '{s.Id}' ends in {s.End}; {horizon} steps later is past the year 9999");
            double largest = Largest(s);
            if (largest > MaxMagnitude)
                throw new AnalyticsException(string.Create(CultureInfo.InvariantCulture,
                    $"series '{s.Id}': values up to {largest:G3} are too large for the models (at most {MaxMagnitude:G0} in magnitude); rescale the series (e.g. write it in billions)"));
        }
    }

    /// <summary>Every target of a growth question (a series' largest value compounded at each growth rate over the horizon) is a finite number.</summary>
    /// <exception cref="AnalyticsException">A growth rate gives an infinite target for a series.</exception>
    public static void CheckGrowth(IReadOnlyList<LongSeries> series, IReadOnlyList<double> growth, int horizon)
    {
        foreach (double g in growth)
        {
            double factor = Math.Pow(1 + g, horizon);
            foreach (LongSeries s in series)
                if (!double.IsFinite(Largest(s) * factor))
                    throw new AnalyticsException(string.Create(CultureInfo.InvariantCulture,
                        $"--growth {g:G6}: series '{s.Id}' compounded over {horizon} steps gives a target that is not a finite number"));
        }
    }

    private static double Largest(LongSeries s)
    {
        double largest = 0;
        foreach (double y in s.Values.Span)
            if (double.IsFinite(y)) largest = Math.Max(largest, Math.Abs(y));
        return largest;
    }
}
