namespace Zhibiao.Analytics.Forecasting.Seasonality;

/// <summary>
/// A multiplicative seasonal adjustment of a series of n values: the seasonal figure of a classical decomposition,
/// used to divide the series before a non-seasonal model is fitted and to multiply its forecasts after
/// (the treatment of seasonality of the Theta method and Naive2 in the M3 and M4 competitions, and of the global model).
/// </summary>
internal sealed class SeasonalAdjustment
{
    private readonly double[] _figure;

    private SeasonalAdjustment(double[] figure, int length)
    {
        _figure = figure;
        Length = length;
    }

    /// <summary>The period m.</summary>
    public int SeasonLength => _figure.Length;

    /// <summary>The number of values of the series the figure was estimated on.</summary>
    public int Length { get; }

    /// <summary>The m seasonal indices from the position of the first value on; they average 1.</summary>
    public IReadOnlyList<double> Figure => _figure;

    /// <summary>
    /// The adjustment of <paramref name="y"/> when it is seasonal: m &gt; 1, every value positive, and
    /// the 90% autocorrelation test at lag m of the M3 Theta method passes (|r_m| &gt; z·√((1 + 2Σ_{k&lt;m} r_k²)/n));
    /// null otherwise (the series is then used as it is).
    /// </summary>
    /// <param name="y">The series, complete.</param>
    /// <param name="seasonLength">The period m.</param>
    /// <param name="criticalValue">The test's z; 1.645 by default.</param>
    public static SeasonalAdjustment? Detect(ReadOnlySpan<double> y, int seasonLength, double criticalValue = SeasonalityTest.DefaultCriticalValue)
    {
        if (seasonLength <= 1 || y.Length <= 2 * seasonLength) return null;
        foreach (double v in y)
            if (!(v > 0)) return null;
        if (!SeasonalityTest.IsSeasonal(y, seasonLength, criticalValue)) return null;
        return Estimate(y, seasonLength);
    }

    /// <summary>
    /// The series a non-seasonal model should be fitted to: <paramref name="y"/> divided by its seasonal indices when
    /// <see cref="Detect"/> finds it seasonal (a new array), else <paramref name="y"/> itself, with the adjustment or null.
    /// </summary>
    public static (double[] Adjusted, SeasonalAdjustment? Adjustment) AdjustIfSeasonal(double[] y, int seasonLength)
    {
        SeasonalAdjustment? adjustment = Detect(y, seasonLength);
        if (adjustment is null) return (y, null);
        var adjusted = new double[y.Length];
        adjustment.Adjust(y, adjusted);
        return (adjusted, adjustment);
    }

    /// <summary>The adjustment of <paramref name="y"/> by its classical multiplicative figure, without testing.</summary>
    /// <exception cref="ForecastException">Too short (n &lt; 2m), a missing or a non-positive value.</exception>
    public static SeasonalAdjustment Estimate(ReadOnlySpan<double> y, int seasonLength)
    {
        var figure = new double[seasonLength];
        ClassicalDecomposition.SeasonalFigure(y, seasonLength, figure);
        return new SeasonalAdjustment(figure, y.Length);
    }

    /// <summary>The seasonal index of value t (0-based) of the series.</summary>
    public double IndexAt(int t) => _figure[t % _figure.Length];

    /// <summary>The seasonal index of forecast step h ≥ 1, i.e. of value n + h − 1 (0-based).</summary>
    public double ForecastIndex(int h) => _figure[(Length + h - 1) % _figure.Length];

    /// <summary>Multiplies in-sample values of the adjusted scale back by their indices: v_t ← v_t · S_t.</summary>
    public void Reseasonalise(Span<double> values)
    {
        for (int t = 0; t < values.Length; t++) values[t] *= IndexAt(t);
    }

    /// <summary>The seasonally adjusted series y_t / S_t into <paramref name="adjusted"/> (same length as y).</summary>
    public void Adjust(ReadOnlySpan<double> y, Span<double> adjusted)
    {
        for (int t = 0; t < y.Length; t++) adjusted[t] = y[t] / IndexAt(t);
    }
}
