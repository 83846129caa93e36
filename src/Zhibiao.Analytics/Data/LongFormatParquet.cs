using Parquet;
using Parquet.Schema;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// The long format in Parquet (Parquet.Net), as pandas, polars and statsforecast write it: columns <c>unique_id</c>
/// (string), <c>ds</c> and <c>y</c> (double or float, a null is a missing value); other columns are ignored. ds is a
/// string as in CSV (2024, 2024-Q1, 2024-03), an integer (a year, or an index 1–999 read as a year), or a date or
/// timestamp: a series whose dates all share month and day is yearly, one whose dates share the day and fall every
/// three months is quarterly, any other one with a shared day is monthly (the period is the one holding the date).
/// Read one row group at a time; errors name the 1-based row of the file (counted across row groups) as the line. Any
/// failure of the Parquet library on a damaged file is a format error naming the file. A pipe (process substitution) is
/// read into memory first, since Parquet is read from its end.
/// </summary>
internal static class LongFormatParquet
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    /// <summary>The series of a file one by one, each with the share of the rows read once it was finished.</summary>
    public static IEnumerable<(LongSeries, double)> Read(string path)
    {
        using IEnumerator<(LongSeries, double)> series = ReadUnchecked(path).GetEnumerator();
        while (true)
        {
            try
            {
                if (!series.MoveNext()) yield break;
            }
            catch (Exception e) when (e is not (AnalyticsException or OutOfMemoryException or OperationCanceledException))
            {
                throw new DataFormatException(path, 0, null, $"not a readable Parquet file ({e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()})", e);
            }

            yield return series.Current;
        }
    }

    private static IEnumerable<(LongSeries, double)> ReadUnchecked(string path)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, null, "is a directory, not a file");
        if (!File.Exists(path)) throw new DataFormatException(path, 0, null, "file not found");
        using Stream stream = FileKinds.Of(path) == FileKind.Regular ? Open(path) : new MemoryStream(TextFile.ReadBytes(path), writable: false);
        ParquetReader reader = Wait(path, () => ParquetReader.CreateAsync(stream, Options, leaveStreamOpen: true));
        try
        {
            DataField id = Field(path, reader.Schema, "unique_id"), ds = Field(path, reader.Schema, "ds"), y = Field(path, reader.Schema, "y");
            if (!IsText(id)) throw new DataFormatException(path, 0, "unique_id", $"column holds {id.ClrType.Name}, not strings");
            long total = reader.RowGroups.Sum(g => g.RowCount), done = 0;
            var assembler = new SeriesAssembler(path);
            var pending = new PendingDates(path, assembler);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                var ids = new string?[rows];
                Wait(path, async () => await group.ReadAsync(id, ids.AsMemory()));
                double[] values = ReadNumbers(path, group, y, rows, done);
                var finished = new List<LongSeries>();
                if (ds.ClrType == typeof(DateOnly) || ds.ClrType == typeof(DateTime))
                {
                    DateOnly?[] dates = ReadDates(path, group, ds, rows);
                    for (int i = 0; i < rows; i++)
                    {
                        int line = checked((int)(done + i + 1));
                        if (dates[i] is not { } d) throw new DataFormatException(path, line, "ds", "value is missing");
                        pending.Add(ids[i], d, values[i], line, finished);
                    }
                }
                else
                {
                    Period[] periods = ReadPeriods(path, group, ds, rows, done);
                    for (int i = 0; i < rows; i++)
                        if (assembler.Add(ids[i] ?? "", periods[i], values[i], checked((int)(done + i + 1))) is { } s) finished.Add(s);
                }

                done += rows;
                foreach (LongSeries s in finished) yield return (s, (double)done / total);
            }

            var last = new List<LongSeries>();
            pending.Flush(last);
            if (assembler.Finish() is { } s2) last.Add(s2);
            foreach (LongSeries s in last) yield return (s, 1);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, null, e is UnauthorizedAccessException ? "permission denied" : e.Message, e);
        }
    }

    /// <summary>Whether a column holds strings (Parquet.Net 6 reports them as ReadOnlyMemory&lt;char&gt;).</summary>
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static DataField Field(string path, ParquetSchema schema, string name) =>
        schema.DataFields.FirstOrDefault(f => f.Name == name && f.Path.Length == 1 && !f.IsArray)
        ?? throw new DataFormatException(path, 0, name, "column is missing (expected unique_id,ds,y)");

    /// <summary>y as doubles, NaN for nulls; double, float and integer columns are accepted.</summary>
    private static double[] ReadNumbers(string path, ParquetRowGroupReader group, DataField field, int rows, long done)
    {
        var values = new double[rows];
        if (field.ClrType == typeof(double)) Copy<double>(path, group, field, values, v => v);
        else if (field.ClrType == typeof(float)) Copy<float>(path, group, field, values, v => v);
        else if (field.ClrType == typeof(long)) Copy<long>(path, group, field, values, v => v);
        else if (field.ClrType == typeof(int)) Copy<int>(path, group, field, values, v => v);
        else throw new DataFormatException(path, 0, "y", $"column holds {field.ClrType.Name}, not numbers");
        for (int i = 0; i < rows; i++)
            if (double.IsInfinity(values[i])) throw new DataFormatException(path, checked((int)(done + i + 1)), "y", $"'{values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not a finite number");
        return values;
    }

    private static void Copy<T>(string path, ParquetRowGroupReader group, DataField field, double[] values, Func<T, double> convert)
        where T : struct
    {
        var raw = new T?[values.Length];
        Wait(path, async () => await group.ReadAsync(field, raw.AsMemory()));
        for (int i = 0; i < values.Length; i++) values[i] = raw[i] is { } v ? convert(v) : double.NaN;
    }

    /// <summary>ds as periods: strings as in CSV, integers as years (or an index 1–999 read as a year).</summary>
    private static Period[] ReadPeriods(string path, ParquetRowGroupReader group, DataField field, int rows, long done)
    {
        var periods = new Period[rows];
        if (IsText(field))
        {
            var text = new string?[rows];
            Wait(path, async () => await group.ReadAsync(field, text.AsMemory()));
            for (int i = 0; i < rows; i++)
                if (text[i] is null || !Period.TryParseIndexed(text[i], out periods[i]))
                    throw new DataFormatException(path, checked((int)(done + i + 1)), "ds", $"'{TextFile.Excerpt(text[i])}' is not a period (expected 2024, 2024-Q1 or 2024-03; years 1–9999)");
            return periods;
        }

        var numbers = new long?[rows];
        if (field.ClrType == typeof(long)) Wait(path, async () => await group.ReadAsync(field, numbers.AsMemory()));
        else if (field.ClrType == typeof(int) || field.ClrType == typeof(short))
        {
            var ints = new int?[rows];
            if (field.ClrType == typeof(int)) Wait(path, async () => await group.ReadAsync(field, ints.AsMemory()));
            else
            {
                var shorts = new short?[rows];
                Wait(path, async () => await group.ReadAsync(field, shorts.AsMemory()));
                for (int i = 0; i < rows; i++) ints[i] = shorts[i];
            }

            for (int i = 0; i < rows; i++) numbers[i] = ints[i];
        }
        else throw new DataFormatException(path, 0, "ds", $"column holds {field.ClrType.Name}, not periods (expected strings, integers or dates)");
        for (int i = 0; i < rows; i++)
            if (numbers[i] is not { } n || !LongFormat.TryIndex(n, out periods[i]))
                throw new DataFormatException(path, checked((int)(done + i + 1)), "ds", $"'{numbers[i]}' is not a year (expected 1–9999)");
        return periods;
    }

    private static DateOnly?[] ReadDates(string path, ParquetRowGroupReader group, DataField field, int rows)
    {
        var dates = new DateOnly?[rows];
        if (field.ClrType == typeof(DateOnly)) Wait(path, async () => await group.ReadAsync(field, dates.AsMemory()));
        else
        {
            var times = new DateTime?[rows];
            Wait(path, async () => await group.ReadAsync(field, times.AsMemory()));
            for (int i = 0; i < rows; i++) dates[i] = times[i] is { } t ? DateOnly.FromDateTime(t) : null;
        }

        return dates;
    }

    private static T Wait<T>(string path, Func<Task<T>> read)
    {
        try
        {
            return read().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ParquetException or InvalidOperationException or ArgumentException)
        {
            throw new DataFormatException(path, 0, null, $"not a readable Parquet file ({e.Message})", e);
        }
    }

    private static void Wait(string path, Func<Task> read) => Wait(path, async () =>
    {
        await read();
        return true;
    });

    /// <summary>
    /// The rows of the series in progress while ds holds dates: its frequency is known only once all its dates are
    /// (see <see cref="LongFormatParquet"/>), so they wait here until the id changes.
    /// </summary>
    private sealed class PendingDates(string path, SeriesAssembler assembler)
    {
        private readonly List<(DateOnly Date, double Y, int Line)> _rows = [];
        private string? _id;

        public void Add(string? id, DateOnly date, double y, int line, List<LongSeries> finished)
        {
            if (id is null || id.Length == 0) throw new DataFormatException(path, line, "unique_id", "value is missing");
            if (_id is not null && id != _id) Flush(finished);
            _id = id;
            _rows.Add((date, y, line));
        }

        public void Flush(List<LongSeries> finished)
        {
            if (_id is null) return;
            Frequency frequency = FrequencyOf(_rows.Select(r => r.Date).ToList(), _rows[0].Line);
            foreach ((DateOnly d, double y, int line) in _rows)
            {
                Period p = frequency switch
                {
                    Frequency.Yearly => Period.OfYear(d.Year),
                    Frequency.Quarterly => Period.OfQuarter(d.Year, ((d.Month - 1) / 3) + 1),
                    _ => Period.OfMonth(d.Year, d.Month),
                };
                if (assembler.Add(_id, p, y, line) is { } s) finished.Add(s);
            }

            _rows.Clear();
            _id = null;
        }

        private Frequency FrequencyOf(List<DateOnly> dates, int line)
        {
            if (dates.Any(d => d.Day != dates[0].Day))
                throw new DataFormatException(path, line, "ds", $"series '{TextFile.Excerpt(_id)}': dates on different days of the month are not yearly, quarterly or monthly");
            if (dates.All(d => d.Month == dates[0].Month)) return Frequency.Yearly;
            return dates.All(d => (d.Month - dates[0].Month) % 3 == 0) ? Frequency.Quarterly : Frequency.Monthly;
        }
    }
}
