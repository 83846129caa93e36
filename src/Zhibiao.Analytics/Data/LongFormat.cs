using System.Globalization;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Reads and writes the long format of forecasting competitions: columns <c>unique_id,ds,y</c>, the rows of a series
/// together (contiguous) and in time order; ds is 2024, 2024-Q1 or 2024-03 (a plain integer is read as a year, as in
/// the M3 "other" set, whose ds is an index 1, 2, …). An empty y is a missing value (NaN). A file whose name ends in
/// <c>.parquet</c> is read as Parquet (<see cref="LongFormatParquet"/>), any other as CSV.
/// </summary>
public static class LongFormat
{
    /// <summary>
    /// Series per batch of <see cref="ReadBatches"/> unless told otherwise: 10,000 (a few MB of M3-sized series; their
    /// forecasts are about 100 MB in flight), large enough that a global model learns from many series per batch.
    /// </summary>
    public const int DefaultBatchSize = 10_000;

    /// <summary>Reads every series of a file; nothing is returned unless the whole file is valid.</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed; names file, line, column and reason.</exception>
    public static IReadOnlyList<LongSeries> Read(string path)
    {
        var result = new List<LongSeries>();
        foreach (SeriesBatch batch in ReadBatches(path, DefaultBatchSize)) result.AddRange(batch.Series);
        return result;
    }

    /// <summary>
    /// Streams the series of a file in batches of <paramref name="batchSize"/> (the last may be smaller), in file
    /// order, holding one batch and the series being read: memory does not grow with the file, except about 20 bytes per
    /// series to notice a series whose rows are not together. Errors surface when the reader reaches them, so batches
    /// before a malformed row have already been handed out: callers that write results must write all or nothing.
    /// </summary>
    /// <param name="path">A long-format CSV file, or Parquet when its name ends in <c>.parquet</c>.</param>
    /// <param name="batchSize">Series per batch (at least 1).</param>
    /// <exception cref="DataFormatException">The file is missing or malformed (names file, line or row, column and reason), or holds no series.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is below 1.</exception>
    public static IEnumerable<SeriesBatch> ReadBatches(string path, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return Batches(path, batchSize);
    }

    private static IEnumerable<SeriesBatch> Batches(string path, int batchSize)
    {
        IEnumerable<(LongSeries Series, double Fraction)> series = IsParquet(path) ? LongFormatParquet.Read(path) : ReadCsv(path);
        var batch = new List<LongSeries>(Math.Min(batchSize, 1 << 16));
        long first = 0;
        double fraction = 0;
        foreach ((LongSeries s, double f) in series)
        {
            batch.Add(s);
            fraction = f;
            if (batch.Count < batchSize) continue;
            yield return new SeriesBatch(batch, first, fraction);
            first += batch.Count;
            batch = new List<LongSeries>(Math.Min(batchSize, 1 << 16));
        }

        if (batch.Count > 0) yield return new SeriesBatch(batch, first, 1);
        else if (first == 0) throw new DataFormatException(path, 0, null, "no series in the file");
    }

    /// <summary>Whether a path names a Parquet file (by its extension, in any case).</summary>
    internal static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The series of a CSV file one by one, each with the share of the file read once it was finished.</summary>
    private static IEnumerable<(LongSeries, double)> ReadCsv(string path)
    {
        using StreamingTextFile file = StreamingTextFile.Open(path);
        SepReader reader = Open(path, file);
        using (reader)
        {
            int idCol = reader.Header.IndexOf("unique_id"), dsCol = reader.Header.IndexOf("ds"), yCol = reader.Header.IndexOf("y");
            int columns = reader.Header.ColNames.Count;
            var assembler = new SeriesAssembler(path);
            using IEnumerator<SepReader.Row> rows = reader.GetEnumerator();
            while (true)
            {
                LongSeries? finished;
                try
                {
                    if (!rows.MoveNext()) break;
                    SepReader.Row row = rows.Current;
                    int line = row.LineNumberFrom;
                    if (row.ColCount != columns) throw new DataFormatException(path, line, null, $"row has {row.ColCount} fields, the header has {columns}");
                    if (!Period.TryParseIndexed(row[dsCol].Span, out Period period))
                        throw new DataFormatException(path, line, "ds", $"'{TextFile.Excerpt(row[dsCol].Span)}' is not a period (expected 2024, 2024-Q1 or 2024-03; years 1–9999)");
                    ReadOnlySpan<char> ySpan = row[yCol].Span;
                    double y = double.NaN;
                    if (!ySpan.IsEmpty && !ySpan.Equals("NA", StringComparison.Ordinal) &&
                        (!double.TryParse(ySpan, NumberStyles.Float, CultureInfo.InvariantCulture, out y) || !double.IsFinite(y)))
                        throw new DataFormatException(path, line, "y", $"'{TextFile.Excerpt(ySpan)}' is not a finite number");
                    finished = assembler.Add(row[idCol].Span, period, y, line);
                }
                catch (Exception e) when (CsvRecords.ReadFailure(path, e) is { } failure)
                {
                    throw failure;
                }

                if (finished is not null) yield return (finished, file.Fraction);
            }

            if (assembler.Finish() is { } last) yield return (last, 1);
        }
    }

    private static SepReader Open(string path, TextReader text)
    {
        try
        {
            SepReader reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).From(text);
            foreach (string c in (string[])["unique_id", "ds", "y"])
                if (!reader.Header.ColNames.Contains(c))
                {
                    reader.Dispose();
                    throw new DataFormatException(path, 1, c, "column is missing (expected unique_id,ds,y)");
                }

            return reader;
        }
        catch (Exception e) when (CsvRecords.ReadFailure(path, e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>An integer ds: a year 1000–9999, or an index 1–999 read as a year.</summary>
    internal static bool TryIndex(long value, out Period period)
    {
        period = default;
        if (value is < 1 or > 9999) return false;
        period = Period.OfYear((int)value);
        return true;
    }

    /// <summary>
    /// Writes text to <paramref name="path"/> atomically: into a temporary file beside it, then moved into place, so
    /// a failure never leaves a half-written file (<see cref="AtomicFile.WriteText"/>, which every writer uses).
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write) => AtomicFile.WriteText(path, write);
}
