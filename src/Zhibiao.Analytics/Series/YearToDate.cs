namespace Zhibiao.Analytics;

/// <summary>
/// Year-to-date (cumulative) values of a monthly or quarterly flow and their conversions. Statistics offices publish
/// many flows as totals from the start of the calendar year (1–9月累计; 前三季度) and their growth against the same
/// months a year before (累计增长); models and annual targets need the values of each period. For period t of year y
/// with the year's periods 1..t: Y(t) = Σ x(1..t), x(t) = Y(t) − Y(t − 1) (x(1) = Y(1)), and the year-to-date growth
/// g(t) = Y(t) / Y(t in y − 1) − 1. Values are in the series' unit; growth is a fraction (5.2% → 0.052).
/// </summary>
/// <remarks>
/// Rules (the series' id names the indicator in every error): a period without a value stays missing; a year's
/// totals must not fall (a flow adds, never subtracts) and must not skip a period between two published ones (the
/// value of neither period could be told); leading periods without a figure (1–2月 published together, January
/// alone never) share the first published total in proportion to the same periods a year before, or equally when
/// those are not all known and positive. A partial first year whose start lies before the series gives no period
/// values. Revised figures: one value per period — the latest figure published for it; a revision of Y(t) changes
/// x(t) and x(t + 1), never a period already closed by two unrevised totals.
/// </remarks>
public static class YearToDate
{
    /// <summary>
    /// The year-to-date totals of period values: Y(t) = Σ x over the periods of t's year up to t. A missing period
    /// leaves the totals of its year missing from it on; a year the series starts inside has no totals.
    /// </summary>
    /// <exception cref="AnalyticsException">The series is yearly (a year has no year-to-date values).</exception>
    public static LongSeries Cumulate(LongSeries values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values with { Values = Cumulate(values.Id, values.Start, values.Values.Span) };
    }

    /// <summary>
    /// The period values of year-to-date totals: x(t) = Y(t) − Y(t − 1), x = Y for a year's first period, with the
    /// missing-period rules of <see cref="YearToDate"/>.
    /// </summary>
    /// <exception cref="AnalyticsException">
    /// The series is yearly; a total falls within a year; or a period between two published totals of a year has
    /// none. The message names the series and the period.
    /// </exception>
    public static LongSeries Increments(LongSeries totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals with { Values = Increments(totals.Id, totals.Start, totals.Values.Span) };
    }

    /// <summary>
    /// The year-to-date growth of year-to-date totals: g(t) = Y(t) / Y(t − one year) − 1, a fraction; missing where
    /// either total is missing or last year's is not positive.
    /// </summary>
    /// <exception cref="AnalyticsException">The series is yearly.</exception>
    public static LongSeries Growth(LongSeries totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        int m = PerYear(totals.Id, totals.Start);
        ReadOnlySpan<double> y = totals.Values.Span;
        var g = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
            g[i] = i >= m && y[i - m] > 0 && !double.IsNaN(y[i]) ? (y[i] / y[i - m]) - 1 : double.NaN;
        return totals with { Values = g };
    }

    /// <summary>
    /// Year-to-date totals completed from year-to-date growth: where a total is missing and the growth of that period
    /// and last year's total are known, Y(t) = Y(t − one year)·(1 + g(t)). Published totals win; filled ones are used
    /// to fill the next year in turn. The growth series may run beyond the totals (the result then does too).
    /// </summary>
    /// <param name="totals">Year-to-date totals (missing values NaN).</param>
    /// <param name="growth">Year-to-date growth as fractions, same id and frequency; its periods may start and end elsewhere.</param>
    /// <exception cref="AnalyticsException">The series are yearly or of different frequencies, or a growth is −100% or below.</exception>
    public static LongSeries FromGrowth(LongSeries totals, LongSeries growth)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(growth);
        int m = PerYear(totals.Id, totals.Start);
        if (growth.Frequency != totals.Frequency)
            throw new AnalyticsException($"{totals.Id}: year-to-date growth is {growth.Frequency.ToToken()}, the totals {totals.Frequency.ToToken()}");
        Period end = growth.End > totals.End ? growth.End : totals.End;
        var y = new double[(end - totals.Start) + 1];
        Array.Fill(y, double.NaN);
        totals.Values.Span.CopyTo(y);
        ReadOnlySpan<double> g = growth.Values.Span;
        for (int i = m; i < y.Length; i++)
        {
            int j = (totals.Start + i) - growth.Start;
            if (!double.IsNaN(y[i]) || j < 0 || j >= g.Length || double.IsNaN(g[j]) || double.IsNaN(y[i - m])) continue;
            if (g[j] <= -1) throw new AnalyticsException($"{totals.Id} {totals.Start + i}: year-to-date growth of {g[j] * 100:0.##}% would leave nothing of last year's total");
            y[i] = y[i - m] * (1 + g[j]);
        }

        return totals with { Values = y };
    }

    /// <summary>
    /// The period values a monthly or quarterly flow's year-to-date figures give (observations.csv basis
    /// <c>year_to_date</c>), for the periods without a reported period value, marked derived. The year-to-date total
    /// of a period is the reported one, else last period's total plus this period's reported value, else last year's
    /// total of the same period times (1 + the reported year-to-date growth); the period values are then the
    /// differences of the totals (<see cref="Increments(LongSeries)"/>, with its rules on leading, missing and falling
    /// totals). Only figures that are the value (qualifier exact) are used. An indicator that is not a monthly or
    /// quarterly flow, or has no year-to-date level or growth, gives none.
    /// </summary>
    /// <param name="ind">The indicator.</param>
    /// <param name="periodLevels">Its reported period levels.</param>
    /// <param name="yearToDate">Its year-to-date figures (levels and growth); others are ignored.</param>
    /// <exception cref="AnalyticsException">A total falls within a year, or a period between two totals of a year has none (the message names the indicator and period).</exception>
    internal static List<Observation> PeriodValues(Indicator ind, IReadOnlyCollection<Observation> periodLevels, IEnumerable<Observation> yearToDate)
    {
        var result = new List<Observation>();
        if (ind.Frequency == Frequency.Yearly || ind.Kind != IndicatorKind.Flow) return result;
        Observation[] ytd = [.. yearToDate.Where(o => o.IsYearToDate && o.Qualifier == Qualifier.Exact && o.Plan is null && o.Period.Frequency == ind.Frequency
            && (o.Measure == Measure.Level || (o.Measure == Measure.Growth && (o.Value.Unit == Units.Percent || o.Value.Unit == Units.Times))))];
        if (ytd.Length == 0) return result;
        Observation[] levels = [.. periodLevels.Where(o => !o.IsYearToDate && o.Measure == Measure.Level && o.Plan is null && o.Period.Frequency == ind.Frequency)];
        Period start = ytd.Concat(levels).Min(o => o.Period), end = ytd.Concat(levels).Max(o => o.Period);
        int n = (end - start) + 1, m = ind.Frequency.PeriodsPerYear();
        double[] x = Missing(n), y = Missing(n), g = Missing(n), gHalf = new double[n], total = Missing(n), half = new double[n];
        var xHalf = new double[n];
        var yearToDateAt = new Observation?[n];
        foreach (Observation o in levels)
        {
            Quantity q = o.Value.ConvertTo(ind.Unit);
            (x[o.Period - start], xHalf[o.Period - start]) = (q.Value, q.HalfWidth);
        }

        foreach (Observation o in ytd)
        {
            int i = o.Period - start;
            if (o.Measure == Measure.Level)
            {
                Quantity q = o.Value.ConvertTo(ind.Unit);
                (y[i], half[i]) = (q.Value, q.HalfWidth);
                yearToDateAt[i] = o;
            }
            else
            {
                double toFraction = o.Value.Unit == Units.Percent ? 0.01 : 1;
                (g[i], gHalf[i]) = (o.Value.Value * toFraction, o.Value.HalfWidth * toFraction);
                yearToDateAt[i] ??= o;
            }
        }

        var how = new string[n];
        for (int i = 0; i < n; i++)
        {
            Period p = start + i;
            bool first = p.SubPeriod == 1;
            if (!double.IsNaN(y[i]))
            {
                (total[i], how[i]) = (y[i], $"the year-to-date total of {p}");
            }
            else if (!double.IsNaN(x[i]) && (first || (i > 0 && !double.IsNaN(total[i - 1]))))
            {
                (total[i], half[i]) = first ? (x[i], xHalf[i]) : (total[i - 1] + x[i], half[i - 1] + xHalf[i]);
                how[i] = $"the period values to {p}";
            }
            else if (!double.IsNaN(g[i]) && i >= m && !double.IsNaN(total[i - m]))
            {
                if (g[i] <= -1) throw new AnalyticsException($"{ind.Id} {p}: year-to-date growth of {g[i] * 100:0.##}% would leave nothing of last year's total");
                total[i] = total[i - m] * (1 + g[i]);
                half[i] = (half[i - m] * (1 + g[i])) + (total[i - m] * gHalf[i]);
                how[i] = $"the year-to-date total of {p - m} and the year-to-date growth of {p}";
            }
        }

        double[] values = Increments(ind.Id, start, total);
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]) || !double.IsNaN(x[i])) continue;
            Period p = start + i;
            int to = i;
            while (double.IsNaN(total[to])) to++;
            string method = to != i || (p.SubPeriod > 1 && double.IsNaN(total[i - 1]))
                ? $"{p}: a share of {how[to]}, in proportion to the same periods a year before (equally when not known)"
                : p.SubPeriod == 1 ? $"{p}: {how[i]}" : $"{p}: {how[i]} less {how[i - 1]}";
            double w = half[to] + (to == i && p.SubPeriod > 1 ? half[i - 1] : 0);
            Observation from = yearToDateAt[to] ?? yearToDateAt[i] ?? ytd[0];
            result.Add(new Observation(ind.Id, p, Measure.Level, Quantity.Of(values[i], ind.Unit), Qualifier.Exact,
                new Source(from.Source.Document, from.Source.Address, method) { Subject = from.Source.Subject })
            {
                Derivation = new Derivation(method, new Interval(values[i] - w, values[i] + w)),
                Vintage = from.Vintage,
            });
        }

        return result;

        static double[] Missing(int length)
        {
            var a = new double[length];
            Array.Fill(a, double.NaN);
            return a;
        }
    }

    /// <summary>The totals of <see cref="Cumulate(LongSeries)"/> on values from <paramref name="start"/>.</summary>
    internal static double[] Cumulate(string id, Period start, ReadOnlySpan<double> x)
    {
        PerYear(id, start);
        var y = new double[x.Length];
        double sum = double.NaN;
        for (int i = 0; i < x.Length; i++)
        {
            Period p = start + i;
            if (p.SubPeriod == 1) sum = 0;
            sum += x[i];
            y[i] = sum;
        }

        return y;
    }

    /// <summary>The period values of <see cref="Increments(LongSeries)"/> on totals from <paramref name="start"/>.</summary>
    internal static double[] Increments(string id, Period start, ReadOnlySpan<double> y)
    {
        int m = PerYear(id, start);
        var x = new double[y.Length];
        Array.Fill(x, double.NaN);
        int i = 0;
        while (i < y.Length)
        {
            // One calendar year: indices [i, next) of the series, its first period at index yearStart (may be < 0).
            Period p = start + i;
            int yearStart = i - (p.SubPeriod - 1);
            int next = Math.Min(y.Length, yearStart + m);
            int last = -1;
            for (int j = i; j < next; j++)
            {
                if (double.IsNaN(y[j])) continue;
                if (last >= 0)
                {
                    if (j != last + 1)
                        throw new AnalyticsException($"{id} {start + last + 1}: no year-to-date value between {start + last} and {start + j}, so the values of {start + last + 1} to {start + j} cannot be told apart");
                    if (y[j] < y[last])
                        throw new AnalyticsException($"{id} {start + j}: the year-to-date total {y[j]:G6} is below {y[last]:G6} of {start + last}; a flow's year-to-date total cannot fall");
                    x[j] = y[j] - y[last];
                }
                else if (yearStart >= 0)
                {
                    if (y[j] < 0)
                        throw new AnalyticsException($"{id} {start + j}: the year-to-date total {y[j]:G6} is negative; a flow's total cannot be");
                    Split(y[j], x, yearStart, j, m);
                }

                last = j;
            }

            i = next;
        }

        return x;
    }

    /// <summary>
    /// Shares the first published total of a year, <paramref name="total"/> at index <paramref name="to"/>, over the
    /// periods <paramref name="from"/>..to in proportion to the same periods a year before (when all known and
    /// positive), else equally.
    /// </summary>
    private static void Split(double total, double[] x, int from, int to, int m)
    {
        int count = to - from + 1;
        double lastYear = 0;
        bool known = from - m >= 0;
        for (int j = from; known && j <= to; j++)
        {
            double v = x[j - m];
            if (!(v > 0)) known = false;
            else lastYear += v;
        }

        for (int j = from; j <= to; j++) x[j] = known ? total * (x[j - m] / lastYear) : total / count;
    }

    /// <summary>Periods per year of a monthly or quarterly series.</summary>
    /// <exception cref="AnalyticsException">The series is yearly.</exception>
    internal static int PerYear(string id, Period start) => start.Frequency == Frequency.Yearly
        ? throw new AnalyticsException($"{id}: year-to-date values need monthly or quarterly periods, not yearly ones")
        : start.Frequency.PeriodsPerYear();
}
