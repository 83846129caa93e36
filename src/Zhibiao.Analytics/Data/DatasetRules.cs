namespace Zhibiao.Analytics.Data;

/// <summary>What makes an observation or target fit its indicator.</summary>
internal static class DatasetRules
{
    /// <summary>
    /// The largest magnitude of a figure in its plain unit: 1e100, the bound the models put on their inputs (Data sits
    /// below Forecasting, so the bound is written twice); beyond it growth rates, sums of squares and forecasts
    /// overflow. Figures that large are a unit mistake.
    /// </summary>
    public const double MaxMagnitude = 1e100;

    /// <summary>Period frequency, magnitude and unit: levels and changes in the indicator's dimension, growth in %, 倍 or 百分点.</summary>
    public static void Check(Indicator ind, Observation o)
    {
        CheckPeriod(ind, o);
        CheckBasis(ind, o);
        CheckMagnitude(ind, o);
        string where = $"{ind.Id} {o.Period}";
        Unit u = o.Value.Unit;
        bool fits = o.Measure switch
        {
            Measure.Growth => u == Units.Percent || u == Units.Times || (u == Units.PercentagePoint && ind.ChangesInPoints),
            Measure.Change when ind.ChangesInPoints => u == Units.PercentagePoint || u.IsCompatibleWith(ind.Unit),
            _ => u.IsCompatibleWith(ind.Unit),
        };
        if (!fits)
        {
            string expected = o.Measure == Measure.Growth ? "%, 倍" + (ind.ChangesInPoints ? " or 百分点" : "") : $"a unit of {ind.Unit.Dimension} like {ind.Unit}";
            throw new IncompatibleUnitsException($"{where}: a {o.Measure.ToString().ToLowerInvariant()} in {u} does not fit (expected {expected})");
        }
    }

    /// <summary>The period has the indicator's frequency.</summary>
    public static void CheckPeriod(Indicator ind, Observation o)
    {
        if (o.Period.Frequency != ind.Frequency)
            throw new AnalyticsException($"{ind.Id} {o.Period}: {o.Period.Frequency.ToToken()} period for a {ind.Frequency.ToToken()} indicator");
    }

    /// <summary>A year-to-date figure is a level or a growth of a month or a quarter (a year's total is its own value).</summary>
    public static void CheckBasis(Indicator ind, Observation o)
    {
        if (!o.IsYearToDate) return;
        if (o.Period.Frequency == Frequency.Yearly)
            throw new AnalyticsException($"{ind.Id} {o.Period}: a year-to-date figure needs a monthly or quarterly period (a year's figure is the year's own)");
        if (o.Measure == Measure.Change)
            throw new AnalyticsException($"{ind.Id} {o.Period}: a year-to-date figure is a level (the total so far) or a growth, not a change");
    }

    /// <summary>The figure is at most <see cref="MaxMagnitude"/> in its plain unit.</summary>
    public static void CheckMagnitude(Indicator ind, Observation o) => CheckMagnitude($"{ind.Id} {o.Period}", o.Value);

    /// <summary>The target's value is at most <see cref="MaxMagnitude"/> in its plain unit.</summary>
    public static void CheckMagnitude(Indicator ind, Target t) => CheckMagnitude($"{ind.Id} target {t.Deadline}", t.Value);

    /// <summary>A cumulative target has a plan period.</summary>
    public static void CheckPlan(Indicator ind, Target t)
    {
        if (t.Kind == TargetKind.Cumulative && t.Plan is null)
            throw new AnalyticsException($"{ind.Id} target {t.Deadline}: a cumulative target needs a plan period such as 2021-2025");
    }

    /// <summary>
    /// Magnitude; target unit: % for growth targets, the indicator's dimension otherwise; cumulative targets need a plan
    /// (<see cref="CheckPlan"/>); and <see cref="CheckSign"/>.
    /// </summary>
    public static void Check(Indicator ind, Target t)
    {
        string where = $"{ind.Id} target {t.Deadline}";
        CheckMagnitude(ind, t);
        if (t.Kind == TargetKind.Growth ? t.Value.Unit != Units.Percent : !t.Value.Unit.IsCompatibleWith(ind.Unit))
            throw new IncompatibleUnitsException($"{where}: unit {t.Value.Unit} does not fit (expected {(t.Kind == TargetKind.Growth ? "%" : ind.Unit.Symbol)})");
        CheckPlan(ind, t);
        CheckSign(ind, t);
    }

    private static void CheckMagnitude(string where, Quantity q)
    {
        if (Math.Abs(q.Value) > MaxMagnitude)
            throw new AnalyticsException($"{where}: {q.Written.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}{q.ScaledUnit} is {Math.Abs(q.Value).ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} {q.Unit}, beyond the {MaxMagnitude:G0} a figure may be (a unit mistake?)");
    }

    /// <summary>
    /// A level, cumulative or share target cannot be negative unless the indicator is a rate, which may be a change
    /// (单位GDP能耗 −3%): stocks, flows and shares of a whole are never below zero. Growth targets may be negative.
    /// </summary>
    public static void CheckSign(Indicator ind, Target t)
    {
        if (t.Kind != TargetKind.Growth && ind.Kind != IndicatorKind.Rate && t.Value.Value < 0)
            throw new AnalyticsException($"{ind.Id} target {t.Deadline}: a {Target.ToToken(t.Kind)} target of {t.Value} is negative, but {ind.Id} is a {Indicator.ToToken(ind.Kind)} indicator, which cannot be below zero");
    }

    /// <summary>Whether two figures of one indicator, period and measure say the same: same dimension, value and qualifier.</summary>
    public static bool Agree(Observation a, Observation b) =>
        a.Value.Unit.IsCompatibleWith(b.Value.Unit) && a.Qualifier == b.Qualifier &&
        Math.Abs(a.Value.Value - b.Value.ConvertTo(a.Value.Unit).Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value.Value));

    /// <summary>Two figures of one indicator, period and measure must agree; identical repeats are allowed.</summary>
    public static void CheckDuplicates(IEnumerable<Observation> observations)
    {
        var seen = new Dictionary<(string, Period, Measure, bool), Observation>();
        foreach (Observation o in observations)
        {
            var key = (o.IndicatorId, o.Period, o.Measure, o.IsYearToDate);
            if (!seen.TryGetValue(key, out Observation? first)) seen[key] = o;
            else if (!Agree(first, o))
                throw new AnalyticsException($"{o.IndicatorId} {o.Period}: two {(o.IsYearToDate ? "year-to-date " : "")}{o.Measure.ToString().ToLowerInvariant()} figures disagree ({first.Qualifier.ToSign()}{first.Value} and {o.Qualifier.ToSign()}{o.Value})");
        }
    }
}
