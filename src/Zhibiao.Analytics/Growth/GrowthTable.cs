namespace Zhibiao.Analytics;

/// <summary>
/// One row of a growth table: the level of a period and how it moved since the previous observed period. Growth
/// figures are fractions; for rates and shares <see cref="Change"/> is in percentage points and the relative
/// figures are null.
/// </summary>
/// <param name="Observation">The level (reported or derived).</param>
/// <param name="Previous">The previous observed period; null for the first row.</param>
/// <param name="Change">y_t − y_prev in the indicator's unit (percentage points for rates and shares).</param>
/// <param name="Growth">y_t / y_prev − 1 over the whole span since the previous period.</param>
/// <param name="AnnualGrowth">CAGR since the previous period: equals <see cref="Growth"/> when it is the year before.</param>
/// <param name="LogGrowth">ln(y_t / y_prev) per year.</param>
/// <param name="Index">100 · y_t / y_base.</param>
/// <param name="Reported">The growth (or change) the source reported for this period, as written; null if none.</param>
/// <param name="Note">Why a figure is missing (a zero value, a sign change, a qualified value), or null.</param>
public sealed record GrowthRow(
    Observation Observation,
    Period? Previous,
    double? Change,
    double? Growth,
    double? AnnualGrowth,
    double? LogGrowth,
    double? Index,
    Observation? Reported,
    string? Note)
{
    /// <summary>The period of the row.</summary>
    public Period Period => Observation.Period;
}

/// <summary>The growth table of one indicator: a row per observed period, with the index base it used.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="IndexBase">The period whose value is 100 in the index column; null when no index could be formed.</param>
/// <param name="Rows">One row per observed period, in order.</param>
public sealed record GrowthTable(Indicator Indicator, Period? IndexBase, IReadOnlyList<GrowthRow> Rows)
{
    /// <summary>
    /// Builds the table of a series. Gaps are allowed: the growth from 2020 to 2023 is annualised over three years.
    /// Relative growth that is undefined (a zero, a sign change) is left empty with a note, not NaN.
    /// </summary>
    /// <param name="series">The levels.</param>
    /// <param name="reported">Reported change and growth figures of the indicator, shown beside the computed ones.</param>
    /// <param name="indexBase">The period set to 100; default the first observation.</param>
    public static GrowthTable Of(IndicatorSeries series, IEnumerable<Observation>? reported = null, Period? indexBase = null)
    {
        Indicator ind = series.Indicator;
        var reportedByPeriod = (reported ?? [])
            .Where(o => string.Equals(o.IndicatorId, ind.Id, StringComparison.Ordinal) && o.Measure != Measure.Level)
            .GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Measure == Measure.Growth ? 0 : 1).First());

        Observation? baseObs = indexBase is { } p ? series.Find(p) ?? throw new AnalyticsException($"{ind.Id}: no value for the index base {p}") : series.First;
        double? baseValue = baseObs is null || ind.ChangesInPoints || baseObs.Value.Value == 0 ? null : baseObs.Value.Value;

        var rows = new List<GrowthRow>(series.Count);
        for (int i = 0; i < series.Count; i++)
        {
            Observation cur = series[i];
            double? index = baseValue is { } b ? 100 * cur.Value.Value / b : null;
            Observation? rep = reportedByPeriod.GetValueOrDefault(cur.Period);
            if (i == 0)
            {
                rows.Add(new GrowthRow(cur, null, null, null, null, null, index, rep, null));
                continue;
            }

            Observation prev = series[i - 1];
            double years = cur.Period.YearsSince(prev.Period);
            double change = cur.Value.Value - prev.Value.Value;
            string? note = Qualified(prev, cur);
            if (ind.ChangesInPoints)
            {
                rows.Add(new GrowthRow(cur, prev.Period, change, null, null, null, index, rep, note));
                continue;
            }

            try
            {
                rows.Add(new GrowthRow(cur, prev.Period, change,
                    Zhibiao.Analytics.Growth.YearOnYear(prev.Value.Value, cur.Value.Value),
                    Zhibiao.Analytics.Growth.Cagr(prev.Value.Value, cur.Value.Value, years),
                    Zhibiao.Analytics.Growth.LogGrowth(prev.Value.Value, cur.Value.Value, years),
                    index, rep, note));
            }
            catch (GrowthUndefinedException e)
            {
                rows.Add(new GrowthRow(cur, prev.Period, change, null, null, null, index, rep, e.Message));
            }
        }

        return new GrowthTable(ind, baseValue is null ? null : baseObs!.Period, rows);
    }

    private static string? Qualified(Observation prev, Observation cur)
    {
        var parts = new List<string>(2);
        foreach (Observation o in (Observation[])[prev, cur])
        {
            if (o.Qualifier != Qualifier.Exact) parts.Add($"{o.Period} is {o.Qualifier.ToWords()} {o.Value}");
            else if (o.IsDerived) parts.Add($"{o.Period} is derived ({o.Derivation!.Method})");
        }

        return parts.Count == 0 ? null : "growth uses face values: " + string.Join("; ", parts);
    }
}
