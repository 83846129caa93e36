namespace Zhibiao.Analytics.Data;

/// <summary>
/// Builds the series of a long-format file row by row, for the CSV and Parquet readers: a new id starts a series,
/// periods must rise within a series (skipped periods are missing values), and a series whose rows are not together
/// is an error naming it and the line. To notice that without holding every id, ids already finished are kept as
/// 64-bit FNV-1a hashes (8 bytes each, about 20 in the hash set): two distinct ids share a hash with probability
/// about n²/2⁶⁵ (3·10⁻⁸ for a million series), and the second would then be reported as reappearing.
/// </summary>
internal sealed class SeriesAssembler(string path)
{
    private readonly HashSet<ulong> _seen = [];
    private readonly List<double> _values = [];
    private string? _id;
    private Period _start, _last;

    /// <summary>Adds a row; returns the series the row's new id finished, if any.</summary>
    /// <exception cref="DataFormatException">The row's id reappears, or its period does not follow the series'.</exception>
    public LongSeries? Add(ReadOnlySpan<char> id, Period period, double y, int line)
    {
        if (_id is not null && id.Equals(_id, StringComparison.Ordinal))
        {
            if (period.Frequency != _start.Frequency)
                throw new DataFormatException(path, line, "ds", $"series '{TextFile.Excerpt(_id)}' mixes {_start.Frequency.ToToken()} and {period.Frequency.ToToken()} periods");
            int step = period - _last;
            if (step <= 0) throw new DataFormatException(path, line, "ds", $"series '{TextFile.Excerpt(_id)}': {period} does not follow {_last} (rows must be in time order)");
            for (int k = 1; k < step; k++) _values.Add(double.NaN);
            _values.Add(y);
            _last = period;
            return null;
        }

        if (id.IsEmpty) throw new DataFormatException(path, line, "unique_id", "value is missing");
        LongSeries? finished = Finish();
        if (!_seen.Add(Hash(id)))
            throw new DataFormatException(path, line, "unique_id", $"rows of series '{TextFile.Excerpt(id)}' are not together: it appears again after other series (the rows of a series must be contiguous)");
        _id = id.ToString();
        _start = _last = period;
        _values.Add(y);
        return finished;
    }

    /// <summary>The series in progress, finished (null when there is none); call at the end of the file.</summary>
    public LongSeries? Finish()
    {
        if (_id is null) return null;
        var series = new LongSeries(_id, _start, _values.ToArray());
        _id = null;
        _values.Clear();
        return series;
    }

    /// <summary>64-bit FNV-1a over the UTF-16 code units.</summary>
    private static ulong Hash(ReadOnlySpan<char> id)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in id)
        {
            h = (h ^ (byte)c) * 1099511628211UL;
            h = (h ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return h;
    }
}
