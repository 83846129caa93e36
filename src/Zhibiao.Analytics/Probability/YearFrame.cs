namespace Zhibiao.Analytics.Probability;

/// <summary>
/// A target year seen from the latest published period (<see cref="Origin"/>): the period values published up to
/// then and, for a simulated path of the periods after it, the value of every period of the year and the year
/// before. Period q's value is the published one up to the origin and the path's step q − origin after it.
/// </summary>
internal sealed class YearFrame
{
    private readonly Period _first;
    private readonly double[] _values;
    private readonly Period _yearStart;
    private readonly int _m;

    /// <summary>A frame of period values from <paramref name="first"/> to the origin (complete), for the year starting at <paramref name="yearStart"/>.</summary>
    public YearFrame(Period first, double[] values, Period yearStart, int m)
    {
        _first = first;
        _values = values;
        _yearStart = yearStart;
        _m = m;
        Origin = first + (values.Length - 1);
    }

    /// <summary>The latest period published.</summary>
    public Period Origin { get; }

    /// <summary>Periods of the target year published (k, 0..m).</summary>
    public int Published => Math.Clamp(Origin - _yearStart + 1, 0, _m);

    /// <summary>Periods from the origin to the year's end: the steps to simulate.</summary>
    public int Steps => Math.Max(0, (_yearStart + (_m - 1)) - Origin);

    /// <summary>The index of last year's first period in the values (negative when the series starts after it).</summary>
    public int LastYearStart => (_yearStart - _m) - _first;

    /// <summary>The published year-to-date total of the target year (0 when none is published).</summary>
    public double PublishedTotal
    {
        get
        {
            double sum = 0;
            for (int j = 0; j < Published; j++) sum += _values[(_yearStart - _first) + j];
            return sum;
        }
    }

    /// <summary>Last year's total when all its periods are published, else null.</summary>
    public double? LastYearTotal => LastYearSum(_m);

    /// <summary>Last year's total of the periods published this year, when known (0 when none is published).</summary>
    public double? LastYearSamePeriods => LastYearSum(Published);

    /// <summary>
    /// The judged quantity of one path (steps 1..<see cref="Steps"/>): the target year's total, or with
    /// <paramref name="growth"/> its growth over last year's total (a fraction).
    /// </summary>
    public double Judged(bool growth, ReadOnlySpan<double> path)
    {
        double total = 0, before = 0;
        for (int j = 0; j < _m; j++)
        {
            total += ValueAt(_yearStart + j, path);
            if (growth) before += ValueAt(_yearStart - _m + j, path);
        }

        return growth ? (total / before) - 1 : total;
    }

    /// <summary>
    /// The simulated year-to-date totals of the target year's remaining periods (at most a year): step h is the
    /// period year end − H + h.
    /// </summary>
    public SamplePaths YearTotals(double[] paths)
    {
        int steps = Steps, h = Math.Min(steps, _m), count = paths.Length / steps;
        var totals = new double[count * h];
        Period firstSimulated = (_yearStart + (_m - 1)) - (h - 1);
        double published = PublishedTotal;
        for (int p = 0; p < count; p++)
        {
            double sum = published;
            for (int j = 0; j < h; j++)
            {
                sum += paths[(p * steps) + ((firstSimulated + j) - Origin) - 1];
                totals[(p * h) + j] = sum;
            }
        }

        return new SamplePaths(totals, h);
    }

    /// <summary>The target year's published year-to-date totals of its periods 1..k.</summary>
    public double[] PublishedTotals()
    {
        var y = new double[Published];
        double sum = 0;
        for (int j = 0; j < y.Length; j++) y[j] = sum += _values[(_yearStart - _first) + j];
        return y;
    }

    /// <summary>Last year's year-to-date totals of its periods 1..m; NaN from the first period not published.</summary>
    public double[] LastYearTotals()
    {
        var y = new double[_m];
        double sum = 0;
        for (int j = 0; j < _m; j++)
        {
            int i = LastYearStart + j;
            sum += i >= 0 && i < _values.Length ? _values[i] : double.NaN;
            y[j] = sum;
        }

        return y;
    }

    private double? LastYearSum(int periods)
    {
        if (LastYearStart < 0 || LastYearStart + periods > _values.Length) return null;
        double sum = 0;
        for (int j = 0; j < periods; j++) sum += _values[LastYearStart + j];
        return sum;
    }

    private double ValueAt(Period q, ReadOnlySpan<double> path) => q <= Origin ? _values[q - _first] : path[(q - Origin) - 1];
}
