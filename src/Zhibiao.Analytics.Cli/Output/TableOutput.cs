using Parquet;
using Parquet.Schema;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>
/// The output of a streaming command, written batch by batch as the batches are done: to a file all or nothing
/// (<see cref="AtomicFile"/>: an error before the end leaves any old file as it was), as CSV or, when the name ends in
/// <c>.parquet</c>, as Parquet (a row group per batch); or to standard output as CSV, where the batches written
/// before an error stay written (the error is on stderr and the exit code 2).
/// </summary>
internal static class TableOutput
{
    /// <summary>Runs <paramref name="produce"/>, which hands each batch's rows to the sink it is given.</summary>
    public static void Write(CliContext context, string? path, Action<Action<ITableRows>> produce)
    {
        if (path is null)
        {
            bool first = true;
            produce(t =>
            {
                t.WriteCsv(context.Out, header: first);
                first = false;
            });
            context.Out.Flush();
        }
        else if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAll([(path, stream =>
            {
                var writer = new ParquetTableWriter(stream);
                produce(rows => writer.Write(rows.ToTabular()));
                writer.Close();
            })]);
        }
        else
        {
            AtomicFile.WriteText(path, w =>
            {
                bool first = true;
                produce(t =>
                {
                    t.WriteCsv(w, header: first);
                    first = false;
                });
            });
        }
    }

    /// <summary>
    /// Tables as Parquet with Parquet.Net, a row group per table: a column of strings, of integers (int) or of
    /// nullable doubles, by the cells of the first batch that has rows (a first batch without rows, all its series
    /// failed, says nothing of the types); null cells are nulls. A file without any row has the columns as doubles.
    /// </summary>
    private sealed class ParquetTableWriter(Stream stream)
    {
        private ParquetWriter? _writer;
        private DataField[] _fields = [];
        private Type[] _types = [];
        private IReadOnlyList<string>? _columns;

        public void Write(Tabular table)
        {
            _columns ??= table.Columns;
            if (_writer is null && table.Rows.Count == 0) return;
            if (_writer is null)
            {
                _types = [.. table.Columns.Select((_, i) => table.Rows.Select(r => r[i]).FirstOrDefault(v => v is not null) switch
                {
                    string => typeof(string),
                    int => typeof(int),
                    _ => typeof(double),
                })];
                _fields = [.. table.Columns.Select((c, i) => Field(c, _types[i]))];
                _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream).GetAwaiter().GetResult();
            }

            if (table.Rows.Count == 0) return;
            using ParquetRowGroupWriter group = _writer.CreateRowGroup();
            for (int i = 0; i < _fields.Length; i++)
            {
                DataField f = _fields[i];
                IReadOnlyList<object?[]> rows = table.Rows;
                if (_types[i] == typeof(string))
                    group.WriteAsync(f, (IReadOnlyCollection<string?>)[.. rows.Select(r => r[i]?.ToString())]).GetAwaiter().GetResult();
                else if (_types[i] == typeof(int))
                    group.WriteAsync<int>(f, rows.Select(r => Convert.ToInt32(r[i], System.Globalization.CultureInfo.InvariantCulture)).ToArray()).GetAwaiter().GetResult();
                else
                    group.WriteAsync<double>(f, rows.Select(r => r[i] is null ? (double?)null : Convert.ToDouble(r[i], System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory()).GetAwaiter().GetResult();
            }

            group.CompleteValidate();
        }

        public void Close()
        {
            if (_writer is null && _columns is not null)
            {
                _fields = [.. _columns.Select(c => Field(c, typeof(double)))];
                _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream).GetAwaiter().GetResult();
            }

            _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        private static DataField Field(string name, Type type) =>
            type == typeof(string) ? new DataField<string>(name, true) : type == typeof(int) ? new DataField<int>(name) : new DataField<double?>(name);
    }
}
