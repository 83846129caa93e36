using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Data;

/// <summary>One data row of a CSV file: its 1-based line number and its fields by column name.</summary>
internal sealed class CsvRecord(string file, int line, IReadOnlyDictionary<string, string> fields)
{
    public string File => file;

    public int Line => line;

    /// <summary>The trimmed field, empty when the column is absent or blank.</summary>
    public string this[string column] => fields.TryGetValue(column, out string? v) ? v.Trim() : "";

    /// <summary>The field, or an error naming file, line and column when it is blank.</summary>
    public string Required(string column)
    {
        string v = this[column];
        return v.Length > 0 ? v : throw Error(column, "value is missing");
    }

    /// <summary>Parses a field, turning parse errors into errors that name file, line and column.</summary>
    public T Parse<T>(string column, Func<string, T> parse)
    {
        string v = Required(column);
        try
        {
            return parse(v);
        }
        catch (Exception e) when (e is FormatException or AnalyticsException or ArgumentException)
        {
            throw Error(column, e.Message, e);
        }
    }

    /// <summary>Parses an optional field; null when blank.</summary>
    public T? ParseOptional<T>(string column, Func<string, T> parse)
        where T : struct => this[column].Length == 0 ? null : Parse(column, parse);

    public DataFormatException Error(string? column, string reason, Exception? inner = null) => new(file, line, column, reason, inner);
}

/// <summary>Reads small CSV files (UTF-8, header row, RFC 4180 quoting) with Sep into <see cref="CsvRecord"/>s.</summary>
internal static class CsvRecords
{
    /// <summary>
    /// All rows of a file. The header must hold every required column and nothing outside required and optional;
    /// ragged rows are errors.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable or malformed.</exception>
    public static List<CsvRecord> Read(string path, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional) =>
        Read(path, File.Exists(path) || Directory.Exists(path) ? () => TextFile.OpenUtf8(path) : null, required, optional);

    /// <summary>
    /// All rows of a text opened by <paramref name="open"/> (null: the file is absent), named <paramref name="path"/>
    /// in errors; checked as <see cref="Read(string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable or malformed.</exception>
    public static List<CsvRecord> Read(string path, Func<TextReader>? open, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional)
    {
        if (open is null) throw new DataFormatException(path, 0, null, "file not found");
        try
        {
            using TextReader text = open();
            using SepReader reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).From(text);
            IReadOnlyList<string> header = reader.Header.ColNames;
            foreach (string c in header)
                if (!required.Contains(c) && !optional.Contains(c))
                    throw new DataFormatException(path, 1, TextFile.Excerpt(c), $"unknown column (expected {string.Join(",", required.Concat(optional))})");
            foreach (string c in required)
                if (!header.Contains(c))
                    throw new DataFormatException(path, 1, c, $"column is missing (expected {string.Join(",", required.Concat(optional))})");
            if (header.Distinct(StringComparer.Ordinal).Count() != header.Count)
                throw new DataFormatException(path, 1, null, "a column name appears twice");

            var rows = new List<CsvRecord>();
            foreach (SepReader.Row row in reader)
            {
                int line = row.LineNumberFrom;
                if (row.ColCount != header.Count)
                    throw new DataFormatException(path, line, null, $"row has {row.ColCount} fields, the header has {header.Count}");
                var fields = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
                for (int i = 0; i < header.Count; i++) fields[header[i]] = row[i].ToString();
                rows.Add(new CsvRecord(path, line, fields));
            }

            return rows;
        }
        catch (Exception e) when (ReadFailure(path, e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// The format error for a failure while Sep reads a CSV file: unreadable bytes, a file-system failure, a header that
    /// names a column twice (Sep refuses it before any check of ours), or anything else the CSV library throws, so that
    /// every failure of a reader is one line naming the file; null for our own errors (which name file and line
    /// already), running out of memory and cancellation.
    /// </summary>
    internal static DataFormatException? ReadFailure(string path, Exception e) => e switch
    {
        AnalyticsException or OutOfMemoryException or OperationCanceledException => null,
        ArgumentException => new DataFormatException(path, 1, null, "a column name appears twice in the header", e),
        InvalidDataException or IOException or UnauthorizedAccessException => new DataFormatException(path, 0, null, e is UnauthorizedAccessException ? "permission denied" : e.Message, e),
        _ => new DataFormatException(path, 0, null, $"cannot be read as CSV ({e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()})", e),
    };
}
