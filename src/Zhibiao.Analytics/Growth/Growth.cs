namespace Zhibiao.Analytics;

/// <summary>
/// Growth arithmetic of statistical reports. Rates are fractions (0.067 is 6.7%). Values of different signs
/// or a zero value make a relative growth undefined: those throw <see cref="GrowthUndefinedException"/>, never NaN.
/// </summary>
public static class Growth
{
    /// <summary>Year-on-year growth g_t = y_t / y_{t−1} − 1.</summary>
    /// <exception cref="GrowthUndefinedException">A value is zero or the signs differ.</exception>
    public static double YearOnYear(double previous, double current)
    {
        RequireRatio(previous, current);
        return (current / previous) - 1;
    }

    /// <summary>
    /// Compound annual growth rate between two values <paramref name="years"/> apart:
    /// (y_t / y_t0)^(1 / (t − t0)) − 1.
    /// </summary>
    /// <exception cref="GrowthUndefinedException">A value is zero, the signs differ, or the years are not positive.</exception>
    public static double Cagr(double from, double to, double years)
    {
        RequireRatio(from, to);
        RequireYears(years);
        return Math.Pow(to / from, 1 / years) - 1;
    }

    /// <summary>CAGR between two periods of a series (gaps in between are allowed).</summary>
    /// <exception cref="AnalyticsException">A period has no value, or the growth is undefined.</exception>
    public static double Cagr(IndicatorSeries series, Period from, Period to)
    {
        Observation a = series.Find(from) ?? throw new AnalyticsException($"{series.Indicator.Id}: no value for {from}");
        Observation b = series.Find(to) ?? throw new AnalyticsException($"{series.Indicator.Id}: no value for {to}");
        return Cagr(a.Value.Value, b.Value.Value, to.YearsSince(from));
    }

    /// <summary>
    /// Growth required each year to reach <paramref name="target"/> <paramref name="years"/> after
    /// <paramref name="latest"/>: (y* / y_t)^(1 / (T − t)) − 1.
    /// </summary>
    /// <exception cref="GrowthUndefinedException">A value is zero, the signs differ, or the years are not positive.</exception>
    public static double Required(double latest, double target, double years) => Cagr(latest, target, years);

    /// <summary>Average log growth per year: ln(y_t / y_t0) / (t − t0).</summary>
    /// <exception cref="GrowthUndefinedException">A value is zero, the signs differ, or the years are not positive.</exception>
    public static double LogGrowth(double from, double to, double years)
    {
        RequireRatio(from, to);
        RequireYears(years);
        return Math.Log(to / from) / years;
    }

    /// <summary>Average change per year (percentage points per year for rates and shares): (y_t − y_t0) / (t − t0).</summary>
    /// <exception cref="GrowthUndefinedException">The years are not positive.</exception>
    public static double AnnualChange(double from, double to, double years)
    {
        RequireYears(years);
        return (to - from) / years;
    }

    /// <summary>The total growth that compounding the year-on-year rates gives: Π(1 + g_i) − 1.</summary>
    public static double Compound(ReadOnlySpan<double> rates)
    {
        double product = 1;
        foreach (double g in rates) product *= 1 + g;
        return product - 1;
    }

    /// <summary>An index of the values with the value at <paramref name="baseIndex"/> = 100: 100 · y_t / y_base. NaN stays NaN.</summary>
    /// <exception cref="GrowthUndefinedException">The base value is zero or NaN.</exception>
    public static double[] Index(ReadOnlySpan<double> values, int baseIndex)
    {
        double b = values[baseIndex];
        if (b == 0 || double.IsNaN(b))
            throw new GrowthUndefinedException($"an index needs a non-zero base value; the base value is {b}");
        var index = new double[values.Length];
        for (int i = 0; i < values.Length; i++) index[i] = 100 * values[i] / b;
        return index;
    }

    private static void RequireRatio(double from, double to)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to))
            throw new GrowthUndefinedException($"growth from {from} to {to} is undefined: values must be finite numbers");
        if (from == 0 || to == 0)
            throw new GrowthUndefinedException($"growth from {from} to {to} is undefined: a value is zero");
        if (Math.Sign(from) != Math.Sign(to))
            throw new GrowthUndefinedException($"growth from {from} to {to} is undefined: the values have different signs");
    }

    private static void RequireYears(double years)
    {
        if (!(years > 0) || !double.IsFinite(years))
            throw new GrowthUndefinedException($"growth over {years} years is undefined: the time span must be positive");
    }
}
