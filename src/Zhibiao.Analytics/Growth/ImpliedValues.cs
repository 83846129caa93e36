namespace Zhibiao.Analytics;

/// <summary>
/// Previous-period levels implied by a reported level and its reported change or growth:
/// y_{t−1} = y_t / (1 + g) from a growth, y_t − Δ from a change. Reported figures are
/// rounded, so the result carries the interval the rounding allows: 2.37亿吨 after 增长10.6% gives 2.1429亿吨 in
/// [2.1374, 2.1484]. China reports real growth at constant prices but levels at current prices, so for GDP-like
/// indicators the implied value is not last year's published level.
/// </summary>
public static class ImpliedValues
{
    /// <summary>
    /// The level of the period before <paramref name="level"/> implied by <paramref name="change"/> (a change or a
    /// growth of the same indicator and period). Growth in % or 倍 divides (倍: 增长3.2倍 is y_t = 4.2·y_{t−1});
    /// a change, or a growth in 百分点 of a rate, subtracts.
    /// </summary>
    /// <exception cref="AnalyticsException">The two figures do not fit together (indicator, period, measure or unit).</exception>
    /// <exception cref="GrowthUndefinedException">A growth of −100% or less.</exception>
    public static Observation Previous(Observation level, Observation change)
    {
        if (level.Measure != Measure.Level)
            throw new AnalyticsException($"{level.IndicatorId} {level.Period}: an implied value starts from a level, not a {level.Measure.ToString().ToLowerInvariant()}");
        if (change.Measure == Measure.Level || !string.Equals(level.IndicatorId, change.IndicatorId, StringComparison.Ordinal) || level.Period != change.Period)
            throw new AnalyticsException($"{level.IndicatorId} {level.Period}: {change.IndicatorId} {change.Period} {change.Measure.ToString().ToLowerInvariant()} is not a change of this level");

        Interval y = level.Value.RoundingInterval;
        Quantity c = change.Value;
        double value;
        Interval bounds;
        string how;
        if (c.Unit == Units.Percent || c.Unit == Units.Times)
        {
            double toFraction = c.Unit == Units.Percent ? 0.01 : 1;
            double g = c.Value * toFraction;
            Interval gi = c.RoundingInterval;
            if (gi.Lower * toFraction <= -1)
                throw new GrowthUndefinedException($"{level.IndicatorId} {level.Period}: a growth of {c} leaves no previous value");
            value = level.Value.Value / (1 + g);
            bounds = new Interval(y.Lower / (1 + (gi.Upper * toFraction)), y.Upper / (1 + (gi.Lower * toFraction)));
            how = $"implied from {level.Value} ({level.Period}) and growth {c.ToWrittenString()}";
        }
        else
        {
            Quantity d = c.Unit == Units.PercentagePoint ? Quantity.Reported(c.Written, c.Magnitude, level.Value.Unit, c.Decimals) : c.ConvertTo(level.Value.Unit);
            value = level.Value.Value - d.Value;
            bounds = new Interval(y.Lower - d.RoundingInterval.Upper, y.Upper - d.RoundingInterval.Lower);
            how = $"implied from {level.Value} ({level.Period}) and change {c.ToWrittenString()}";
        }

        return new Observation(level.IndicatorId, level.Period - 1, Measure.Level, Quantity.Of(value, level.Value.Unit).WithMagnitude(level.Value.Magnitude),
            Qualifiers.Combine(level.Qualifier, change.Qualifier), new Source(level.Source.Document, level.Source.Address, how))
        {
            Derivation = new Derivation(how, bounds),
        };
    }
}
