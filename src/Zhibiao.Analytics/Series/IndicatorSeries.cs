using System.Collections;

namespace Zhibiao.Analytics;

/// <summary>How to fill the gaps of a series when the caller asks for it.</summary>
internal enum Interpolation
{
    /// <summary>Straight line between neighbours: y = y0 + (y1 − y0)·(t − t0)/(t1 − t0).</summary>
    Linear,

    /// <summary>Constant growth between neighbours: y = y0·(y1/y0)^((t − t0)/(t1 − t0)); needs positive values.</summary>
    LogLinear,
}

/// <summary>
/// The levels of one indicator in period order, in the indicator's unit. Gaps stay gaps: a missing year is
/// missing, never filled unless <see cref="Interpolate"/> is asked, and then the filled values are marked derived.
/// </summary>
public sealed class IndicatorSeries : IReadOnlyList<Observation>
{
    private readonly Observation[] _observations;

    private IndicatorSeries(Indicator indicator, Observation[] observations)
    {
        Indicator = indicator;
        _observations = observations;
    }

    /// <summary>The indicator.</summary>
    public Indicator Indicator { get; }

    /// <summary>Number of observed periods (gaps not counted).</summary>
    public int Count => _observations.Length;

    /// <summary>The i-th observation in period order.</summary>
    public Observation this[int index] => _observations[index];

    /// <summary>The earliest observation, or null for an empty series.</summary>
    public Observation? First => _observations.Length == 0 ? null : _observations[0];

    /// <summary>The latest observation, or null for an empty series.</summary>
    public Observation? Latest => _observations.Length == 0 ? null : _observations[^1];

    /// <summary>The periods between the first and the latest observation that have no value.</summary>
    public IReadOnlyList<Period> Gaps
    {
        get
        {
            var gaps = new List<Period>();
            for (int i = 1; i < _observations.Length; i++)
                for (Period p = _observations[i - 1].Period + 1; p < _observations[i].Period; p += 1)
                    gaps.Add(p);
            return gaps;
        }
    }

    /// <summary>
    /// A series from level observations of the indicator. Values in another unit of the same dimension are converted
    /// to the indicator's unit (亿斤 → 吨); the written figures stay in the observation's source.
    /// </summary>
    /// <exception cref="AnalyticsException">
    /// An observation belongs to another indicator, is not a level or is year-to-date, has another frequency or an incompatible unit, or
    /// two observations share a period.
    /// </exception>
    public static IndicatorSeries Create(Indicator indicator, IEnumerable<Observation> levels)
    {
        var list = new List<Observation>();
        foreach (Observation o in levels)
        {
            string where = $"{indicator.Id} {o.Period}";
            if (!string.Equals(o.IndicatorId, indicator.Id, StringComparison.Ordinal))
                throw new AnalyticsException($"{where}: observation belongs to indicator '{o.IndicatorId}'");
            if (o.Measure != Measure.Level)
                throw new AnalyticsException($"{where}: a series holds levels, not a {o.Measure.ToString().ToLowerInvariant()}");
            if (o.IsYearToDate)
                throw new AnalyticsException($"{where}: a series holds the values of each period, not a year-to-date total (Dataset.Series converts a flow's totals)");
            if (o.Period.Frequency != indicator.Frequency)
                throw new AnalyticsException($"{where}: {o.Period.Frequency.ToToken()} period in a {indicator.Frequency.ToToken()} indicator");
            if (!o.Value.Unit.IsCompatibleWith(indicator.Unit))
                throw new IncompatibleUnitsException($"{where}: unit {o.Value.Unit} ({o.Value.Unit.Dimension}) does not fit the indicator's unit {indicator.Unit} ({indicator.Unit.Dimension})");
            list.Add(ToIndicatorUnit(o, indicator.Unit));
        }

        list.Sort((a, b) => a.Period.CompareTo(b.Period));
        for (int i = 1; i < list.Count; i++)
            if (list[i].Period == list[i - 1].Period)
                throw new AnalyticsException($"{indicator.Id} {list[i].Period}: two values for one period ({list[i - 1].Value} and {list[i].Value})");
        return new IndicatorSeries(indicator, list.ToArray());
    }

    /// <summary>The observation for a period, or null when the period is a gap or outside the series.</summary>
    public Observation? Find(Period period)
    {
        int i = IndexOf(period);
        return i >= 0 ? _observations[i] : null;
    }

    /// <summary>The latest observation at or before <paramref name="period"/>, or null.</summary>
    public Observation? AtOrBefore(Period period)
    {
        int i = IndexOf(period);
        if (i >= 0) return _observations[i];
        int insert = ~i;
        return insert > 0 ? _observations[insert - 1] : null;
    }

    /// <summary>The observations of periods before <paramref name="period"/> (what a history known then can hold).</summary>
    public IndicatorSeries Before(Period period) => new(Indicator, [.. _observations.Where(o => o.Period < period)]);

    /// <summary>
    /// The values from the first to the latest period, one per period, in the indicator's unit, with NaN in the gaps.
    /// </summary>
    public (Period Start, double[] Values) ToValues()
    {
        if (_observations.Length == 0) return (default, []);
        Period start = _observations[0].Period;
        var values = new double[(_observations[^1].Period - start) + 1];
        Array.Fill(values, double.NaN);
        foreach (Observation o in _observations) values[o.Period - start] = o.Value.Value;
        return (start, values);
    }

    /// <summary>
    /// A series with the gaps filled by <paramref name="method"/>; each filled value is a derived observation saying so.
    /// </summary>
    /// <exception cref="GrowthUndefinedException">Log-linear interpolation between a non-positive pair of values.</exception>
    internal IndicatorSeries Interpolate(Interpolation method)
    {
        var filled = new List<Observation>(_observations.Length);
        for (int i = 0; i < _observations.Length; i++)
        {
            if (i > 0)
            {
                Observation a = _observations[i - 1], b = _observations[i];
                int span = b.Period - a.Period;
                if (span > 1 && method == Interpolation.LogLinear && (a.Value.Value <= 0 || b.Value.Value <= 0))
                    throw new GrowthUndefinedException($"{Indicator.Id}: log-linear interpolation between {a} and {b} needs positive values");
                for (int k = 1; k < span; k++)
                {
                    double w = k / (double)span;
                    double y = method == Interpolation.Linear
                        ? a.Value.Value + ((b.Value.Value - a.Value.Value) * w)
                        : a.Value.Value * Math.Pow(b.Value.Value / a.Value.Value, w);
                    string how = method == Interpolation.Linear ? "linear" : "log-linear";
                    filled.Add(new Observation(Indicator.Id, a.Period + k, Measure.Level, Quantity.Of(y, Indicator.Unit),
                        Qualifier.Approx, Source.Computed)
                    {
                        Derivation = new Derivation($"{how} interpolation between {a.Period} and {b.Period}", Interval.Point(y)),
                    });
                }
            }

            filled.Add(_observations[i]);
        }

        return new IndicatorSeries(Indicator, filled.ToArray());
    }

    /// <summary>
    /// A series where periods without a reported level get the level implied by the next period's reported change
    /// or growth (2023 from 2.37亿吨 in 2024 and 增长10.6%), marked derived with the interval rounding allows.
    /// Reported levels always win.
    /// </summary>
    /// <param name="changes">Change and growth observations of this indicator; others are ignored.</param>
    public IndicatorSeries WithImpliedPrevious(IEnumerable<Observation> changes)
    {
        var byPeriod = _observations.ToDictionary(o => o.Period);
        foreach (Observation c in changes)
        {
            if (!string.Equals(c.IndicatorId, Indicator.Id, StringComparison.Ordinal) || c.Measure == Measure.Level) continue;
            if (byPeriod.ContainsKey(c.Period - 1) || !byPeriod.TryGetValue(c.Period, out Observation? level) || level.IsDerived) continue;
            byPeriod[c.Period - 1] = ImpliedValues.Previous(level, c);
        }

        return byPeriod.Count == _observations.Length ? this
            : new IndicatorSeries(Indicator, byPeriod.Values.OrderBy(o => o.Period).ToArray());
    }

    /// <inheritdoc/>
    public IEnumerator<Observation> GetEnumerator() => ((IEnumerable<Observation>)_observations).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _observations.GetEnumerator();

    /// <summary>Binary search by period: the index, or the bitwise complement of the insertion point.</summary>
    private int IndexOf(Period period)
    {
        if (period.Frequency != Indicator.Frequency) return ~_observations.Length;
        int lo = 0, hi = _observations.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = _observations[mid].Period.CompareTo(period);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }

        return ~lo;
    }

    private static Observation ToIndicatorUnit(Observation o, Unit unit)
    {
        if (o.Value.Unit == unit) return o;
        Quantity converted = o.Value.ConvertTo(unit);
        double f = o.Value.Unit.FactorTo(unit);
        return o with
        {
            Value = converted,
            Derivation = o.Derivation is null ? null : o.Derivation with { Bounds = new Interval(o.Derivation.Bounds.Lower * f, o.Derivation.Bounds.Upper * f) },
        };
    }
}
