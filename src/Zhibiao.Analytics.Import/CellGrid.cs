using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Zhibiao.Analytics.Import;

/// <summary>
/// The cells of a CSV file or of one XLSX sheet as text, row by row (row 1 first), with the names errors give: the
/// file, the sheet, the row number as the spreadsheet shows it and the column letter. Numbers of XLSX cells become
/// their shortest round-trip text, so 2019 stays "2019" and 0.1 stays "0.1".
/// </summary>
internal sealed class CellGrid
{
    private CellGrid(string file, string? sheet, List<string[]> rows)
    {
        File = file;
        Sheet = sheet;
        Rows = rows;
    }

    /// <summary>The file, as the caller named it.</summary>
    public string File { get; }

    /// <summary>The sheet of a workbook; null for CSV.</summary>
    public string? Sheet { get; }

    /// <summary>Rows of trimmed cell texts ("" for an empty cell); row r of the sheet is <c>Rows[r - 1]</c>.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The cell at a 0-based row and column, "" beyond a row's end.</summary>
    public string this[int row, int column] => column < Rows[row].Length ? Rows[row][column] : "";

    /// <summary>The 0-based row of the table's header, once found; errors name a column by its header.</summary>
    public int? HeaderRow { get; set; }

    /// <summary>"file: sheet S, row R, column C (header): reason": where an error is, rows and columns as the spreadsheet numbers them.</summary>
    public DataFormatException Error(int row, int? column, string reason, string? header = null)
    {
        header ??= HeaderRow is { } h && column is { } hc ? this[h, hc] : null;
        string place = (Sheet is null ? "" : $"sheet '{Sheet}', ") + $"row {row + 1}";
        string? col = column is { } c ? ColumnName(c) + (string.IsNullOrEmpty(header) ? "" : $" ({header})") : null;
        return new DataFormatException(File, 0, null, $"{place}{(col is null ? "" : $", column {col}")}: {reason}");
    }

    /// <summary>A, B, …, Z, AA, AB, … for a 0-based column.</summary>
    public static string ColumnName(int column)
    {
        var sb = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) sb.Insert(0, (char)('A' + ((c - 1) % 26)));
        return sb.ToString();
    }

    /// <summary>Reads a .csv (or .txt) or .xlsx file; .xls and other formats are refused with a line saying so.</summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable, of another format, or the sheet is not in it.</exception>
    public static CellGrid Read(string path, string? sheet)
    {
        if (!System.IO.File.Exists(path)) throw new DataFormatException(path, 0, null, "no such file");
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".txt" or ".tsv" => new CellGrid(path, null, Csv(path, ext == ".tsv" ? '\t' : ',')),
            ".xlsx" or ".xlsm" => Xlsx(path, sheet),
            ".xls" => throw new DataFormatException(path, 0, null, "an Excel 97–2003 (.xls) workbook: save it as .xlsx or .csv"),
            _ => throw new DataFormatException(path, 0, null, $"a table is read from .csv or .xlsx, not '{ext}'"),
        };
    }

    private static CellGrid Xlsx(string path, string? sheet)
    {
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.Xml.XmlException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DataFormatException(path, 0, null, $"not a readable .xlsx workbook ({e.Message})");
        }

        if (sheets.Count == 0) throw new DataFormatException(path, 0, null, "the workbook has no sheets");
        string name = sheet ?? sheets[0];
        if (!sheets.Contains(name, StringComparer.Ordinal))
            throw new DataFormatException(path, 0, null, $"no sheet '{name}'; the sheets are {string.Join(", ", sheets.Select(s => $"'{s}'"))}");

        var rows = new List<string[]>();
        try
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>())
                rows.Add([.. row.Values.Select(Text)]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException)
        {
            throw new DataFormatException(path, 0, null, $"sheet '{name}', row {rows.Count + 1}: unreadable ({e.Message})");
        }

        return new CellGrid(path, name, rows);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "s", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    /// <summary>
    /// RFC 4180 CSV: quoted fields with doubled quotes and line breaks, rows of any length (downloads have ragged
    /// metadata rows and a trailing comma). UTF-8 with or without BOM; a file that is not valid UTF-8 is read as
    /// GB18030 (the encoding of Chinese statistics offices' downloads).
    /// </summary>
    private static List<string[]> Csv(string path, char separator)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, null, $"cannot be read ({e.Message})");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        int line = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0) { cell.Clear(); quoted = true; }
            else if (c == separator) { row.Add(cell.ToString().Trim()); cell.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(cell.ToString().Trim());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                line++;
            }
            else cell.Append(c);
        }

        if (quoted) throw new DataFormatException(path, 0, null, $"row {rows.Count + 1} (line {line}): a quoted field is not closed");
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString().Trim());
            rows.Add([.. row]);
        }

        return rows;
    }
}
