using System.Globalization;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// Checks of long-format series against what a command will do with them, made before any model runs so that a
/// request whose results leave the representable range is one clear error naming the series.
/// </summary>
internal static class SeriesChecks
{
    /// <summary>
    /// The largest magnitude of a value the models are given (1e100): beyond it the sums of squares inside the
    /// estimators overflow. Figures that large are a unit mistake; the message asks to rescale.
    /// </summary>
    public const double MaxMagnitude = 1e100;

    /// <summary>Every series can be forecast <paramref name="horizon"/> steps without leaving the years 1–9999, and its values are of a scale the models handle.</summary>
    /// <exception cref="CliUsageException">A series fails one of the checks; the message names it.</exception>
    public static void Check(IReadOnlyList<LongSeries> series, int horizon)
    {
        foreach (LongSeries s in series)
        {
            if ((long)s.End.Year + ((horizon + s.Frequency.PeriodsPerYear() - 1) / s.Frequency.PeriodsPerYear()) > 9999)
                throw new CliUsageException($"--horizon {horizon}: series '{s.Id}' ends in {s.End}; {horizon} steps later is past the year 9999");
            double largest = Largest(s);
            if (largest > MaxMagnitude)
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                    $"series '{s.Id}': values up to {largest:G3} are too large for the models (at most {MaxMagnitude:G0} in magnitude); rescale the series (e.g. write it in billions)"));
        }
    }

    /// <summary>Every target (largest value compounded at each growth rate over the horizon) is a finite number.</summary>
    /// <exception cref="CliUsageException">A growth rate gives an infinite target for a series.</exception>
    public static void CheckGrowth(IReadOnlyList<LongSeries> series, IReadOnlyList<double> growth, int horizon)
    {
        foreach (double g in growth)
        {
            double factor = Math.Pow(1 + g, horizon);
            foreach (LongSeries s in series)
                if (!double.IsFinite(Largest(s) * factor))
                    throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
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
