using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>
/// Rows with named columns written as CSV (Sep) or as a JSON array of objects. Cells are strings, numbers
/// (double, int) or null; numbers are written invariantly and round-trip.
/// </summary>
internal sealed class Tabular(IReadOnlyList<string> columns) : ITableRows
{
    private readonly List<object?[]> _rows = [];

    public IReadOnlyList<string> Columns => columns;

    public void Add(params object?[] cells)
    {
        if (cells.Length != columns.Count) throw new ArgumentException($"row has {cells.Length} cells for {columns.Count} columns", nameof(cells));
        _rows.Add(cells);
    }

    /// <summary>The rows, each a cell per column.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <inheritdoc/>
    public Tabular ToTabular() => this;

    public void Write(TextWriter output, OutputFormat format)
    {
        if (format == OutputFormat.Json) WriteJson(output);
        else WriteCsv(output);
    }

    /// <summary>Writes the rows as CSV, with the header row or without it (for the batches after the first).</summary>
    public void WriteCsv(TextWriter output, bool header = true)
    {
        using SepWriter writer = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = header }).To(output, leaveOpen: true);
        writer.Header.Add([.. columns]);
        foreach (object?[] cells in _rows)
        {
            using SepWriter.Row row = writer.NewRow();
            for (int i = 0; i < cells.Length; i++) row[columns[i]].Set(Cell(cells[i]));
        }
    }

    private void WriteJson(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (object?[] cells in _rows)
            {
                json.WriteStartObject();
                for (int i = 0; i < cells.Length; i++)
                {
                    json.WritePropertyName(columns[i]);
                    switch (cells[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case double d: json.WriteNumberValue(d); break;
                        case int n: json.WriteNumberValue(n); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        default: json.WriteStringValue(Cell(cells[i])); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Cell(object? cell) => cell switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
