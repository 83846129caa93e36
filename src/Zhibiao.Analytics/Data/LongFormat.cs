using System.Globalization;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Reads and writes the long format of forecasting competitions: columns <c>unique_id,ds,y</c>, the rows of a series
/// together and in time order; ds is 2024, 2024-Q1 or 2024-03 (a plain integer is read as a year, as in the M3
/// "other" set, whose ds is an index 1, 2, …). An empty y is a missing value (NaN).
/// </summary>
public static class LongFormat
{
    /// <summary>Reads every series of a file; nothing is returned unless the whole file is valid.</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed; names file, line, column and reason.</exception>
    public static IReadOnlyList<LongSeries> Read(string path)
    {
        var result = new List<LongSeries>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using SepReader reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).From(TextFile.OpenUtf8(path));
            foreach (string c in (string[])["unique_id", "ds", "y"])
                if (!reader.Header.ColNames.Contains(c))
                    throw new DataFormatException(path, 1, c, "column is missing (expected unique_id,ds,y)");
            int idCol = reader.Header.IndexOf("unique_id"), dsCol = reader.Header.IndexOf("ds"), yCol = reader.Header.IndexOf("y");
            int columns = reader.Header.ColNames.Count;

            string? id = null;
            Period start = default, last = default;
            var values = new List<double>();
            foreach (SepReader.Row row in reader)
            {
                int line = row.LineNumberFrom;
                if (row.ColCount != columns) throw new DataFormatException(path, line, null, $"row has {row.ColCount} fields, the header has {columns}");
                ReadOnlySpan<char> rowId = row[idCol].Span;
                if (rowId.IsEmpty) throw new DataFormatException(path, line, "unique_id", "value is missing");
                if (!Period.TryParse(row[dsCol].Span, out Period period) && !TryIndex(row[dsCol].Span, out period))
                    throw new DataFormatException(path, line, "ds", $"'{TextFile.Excerpt(row[dsCol].Span)}' is not a period (expected 2024, 2024-Q1 or 2024-03, years 1000–9999)");
                ReadOnlySpan<char> ySpan = row[yCol].Span;
                double y = double.NaN;
                if (!ySpan.IsEmpty && !ySpan.Equals("NA", StringComparison.Ordinal) &&
                    (!double.TryParse(ySpan, NumberStyles.Float, CultureInfo.InvariantCulture, out y) || !double.IsFinite(y)))
                    throw new DataFormatException(path, line, "y", $"'{TextFile.Excerpt(ySpan)}' is not a finite number");

                if (id is null || !rowId.Equals(id, StringComparison.Ordinal))
                {
                    if (id is not null) result.Add(new LongSeries(id, start, values.ToArray()));
                    id = rowId.ToString();
                    if (!seen.Add(id)) throw new DataFormatException(path, line, "unique_id", $"rows of series '{TextFile.Excerpt(id)}' are not together");
                    start = last = period;
                    values.Clear();
                    values.Add(y);
                    continue;
                }

                if (period.Frequency != start.Frequency)
                    throw new DataFormatException(path, line, "ds", $"series '{id}' mixes {start.Frequency.ToToken()} and {period.Frequency.ToToken()} periods");
                int step = period - last;
                if (step <= 0) throw new DataFormatException(path, line, "ds", $"series '{id}': {period} does not follow {last} (rows must be in time order)");
                for (int k = 1; k < step; k++) values.Add(double.NaN);
                values.Add(y);
                last = period;
            }

            if (id is not null) result.Add(new LongSeries(id, start, values.ToArray()));
        }
        catch (Exception e) when (CsvRecords.ReadFailure(path, e) is { } failure)
        {
            throw failure;
        }

        if (result.Count == 0) throw new DataFormatException(path, 0, null, "no series in the file");
        return result;
    }

    /// <summary>A plain integer 1–999 as a year: the index of a series without dates (the M3 "other" set).</summary>
    private static bool TryIndex(ReadOnlySpan<char> text, out Period period)
    {
        period = default;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index is < 1 or >= Period.MinParsedYear) return false;
        period = Period.OfYear(index);
        return true;
    }

    /// <summary>
    /// Writes text to <paramref name="path"/> atomically: into a temporary file beside it, then moved into place, so
    /// a failure never leaves a half-written file (<see cref="AtomicFile.WriteText"/>, which every writer uses).
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write) => AtomicFile.WriteText(path, write);
}
