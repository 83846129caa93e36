namespace Zhibiao.Analytics;

/// <summary>
/// One series of a long-format file (unique_id, ds, y): its id, first period and values, one per period, with NaN
/// where a value is missing (an empty y, or periods skipped between rows).
/// </summary>
/// <param name="Id">The unique_id.</param>
/// <param name="Start">The first period.</param>
/// <param name="Values">Values per period from <paramref name="Start"/>; NaN marks a missing value.</param>
public sealed record LongSeries(string Id, Period Start, ReadOnlyMemory<double> Values)
{
    /// <summary>The last period.</summary>
    public Period End => Start + (Values.Length - 1);

    /// <summary>The frequency of the periods.</summary>
    public Frequency Frequency => Start.Frequency;

    /// <summary>Whether any value is missing.</summary>
    public bool HasMissing
    {
        get
        {
            foreach (double v in Values.Span)
                if (double.IsNaN(v)) return true;
            return false;
        }
    }
}
