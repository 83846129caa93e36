using System.Buffers;
using System.Globalization;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// The rows of a batch of forecasts: unique_id,ds,h,model,mean, lo-L,hi-L per level, then q-P per quantile, one row per
/// series and step. As CSV they are formatted straight into text, in parallel chunks of series written in input order
/// (a million series make six million rows, and cell objects cost more than the forecasts); the bytes are those of
/// <see cref="Tabular.WriteCsv"/> on <see cref="ToTabular"/>: the same quoting (a field with a comma, quote or line
/// break is quoted, its quotes doubled), numbers in their shortest round-trip form, lines ended by a line feed.
/// </summary>
internal sealed class ForecastRows : ITableRows
{
    /// <summary>Series per chunk formatted on one thread.</summary>
    private const int ChunkSeries = 512;

    private readonly IReadOnlyList<BatchItem> _results;
    private readonly IReadOnlyList<double> _levels;
    private readonly IReadOnlyList<double> _quantiles;
    private readonly int _threads;

    /// <summary>The rows of <paramref name="results"/> (series without a forecast have none), formatted on up to <paramref name="threads"/> threads.</summary>
    public ForecastRows(IReadOnlyList<BatchItem> results, IReadOnlyList<double> levels, IReadOnlyList<double>? quantiles = null, int threads = 1)
    {
        _results = results;
        _levels = levels;
        _quantiles = quantiles ?? [];
        _threads = Math.Max(1, threads);
        var columns = new List<string> { "unique_id", "ds", "h", "model", "mean" };
        foreach (double l in levels) columns.AddRange([$"lo-{ListOptions.Name(l)}", $"hi-{ListOptions.Name(l)}"]);
        foreach (double p in _quantiles) columns.Add("q-" + ListOptions.QuantileName(p));
        Columns = columns;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc/>
    public Tabular ToTabular()
    {
        var table = new Tabular(Columns);
        foreach (BatchItem r in _results)
        {
            if (r.Forecast is not { } f) continue;
            for (int h = 1; h <= f.Horizon; h++)
            {
                var cells = new object?[Columns.Count];
                cells[0] = r.Series.Id;
                cells[1] = f.PeriodOf(h)?.ToString();
                cells[2] = h;
                cells[3] = f.Method;
                cells[4] = f.Mean.Span[h - 1];
                for (int k = 0; k < _levels.Count; k++)
                {
                    PredictionInterval pi = f.Interval(_levels[k]);
                    cells[5 + (2 * k)] = pi.Lower.Span[h - 1];
                    cells[6 + (2 * k)] = pi.Upper.Span[h - 1];
                }

                for (int k = 0; k < _quantiles.Count; k++) cells[5 + (2 * _levels.Count) + k] = f.Quantile(_quantiles[k]).Span[h - 1];
                table.Add(cells);
            }
        }

        return table;
    }

    /// <inheritdoc/>
    public void WriteCsv(TextWriter output, bool header)
    {
        if (header)
        {
            var line = new CsvLine(256);
            for (int i = 0; i < Columns.Count; i++)
            {
                if (i > 0) line.Append(',');
                line.AppendField(Columns[i]);
            }

            line.Append('\n');
            output.Write(line.Written);
            line.Return();
        }

        int chunks = (_results.Count + ChunkSeries - 1) / ChunkSeries;
        if (chunks == 0) return;
        var text = new CsvLine[chunks];
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, c =>
            {
                var line = new CsvLine(1 << 16);
                Format(c * ChunkSeries, Math.Min(_results.Count, (c + 1) * ChunkSeries), ref line);
                text[c] = line;
            });
            foreach (CsvLine t in text) output.Write(t.Written);
        }
        finally
        {
            foreach (CsvLine t in text) t.Return();
        }
    }

    private void Format(int from, int to, ref CsvLine line)
    {
        string? method = null, methodField = null;
        var intervals = new PredictionInterval[_levels.Count];
        var quantiles = new ReadOnlyMemory<double>[_quantiles.Count];
        for (int i = from; i < to; i++)
        {
            BatchItem r = _results[i];
            if (r.Forecast is not { } f) continue;
            string id = Quoted(r.Series.Id);
            if (!string.Equals(f.Method, method, StringComparison.Ordinal)) // auto's method is one text per batch, built anew for each series
            {
                method = f.Method;
                methodField = Quoted(method);
            }

            for (int k = 0; k < intervals.Length; k++) intervals[k] = f.Interval(_levels[k]);
            for (int k = 0; k < quantiles.Length; k++) quantiles[k] = f.Quantile(_quantiles[k]);
            ReadOnlySpan<double> mean = f.Mean.Span;
            for (int h = 1; h <= f.Horizon; h++)
            {
                line.Append(id);
                line.Append(',');
                if (f.PeriodOf(h) is { } period) line.AppendField(period);
                line.Append(',');
                line.Append(h);
                line.Append(',');
                line.Append(methodField!);
                line.Append(',');
                line.Append(mean[h - 1]);
                foreach (PredictionInterval pi in intervals)
                {
                    line.Append(',');
                    line.Append(pi.Lower.Span[h - 1]);
                    line.Append(',');
                    line.Append(pi.Upper.Span[h - 1]);
                }

                foreach (ReadOnlyMemory<double> q in quantiles)
                {
                    line.Append(',');
                    line.Append(q.Span[h - 1]);
                }

                line.Append('\n');
            }
        }
    }

    /// <summary>A field as CSV writes it: quoted, with its quotes doubled, when it holds a comma, a quote or a line break.</summary>
    internal static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : string.Concat("\"", field.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");

    /// <summary>Text being formatted, in a pooled buffer that grows as needed.</summary>
    private struct CsvLine(int capacity)
    {
        private char[] _buffer = ArrayPool<char>.Shared.Rent(capacity);
        private int _length;

        public readonly ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

        public void Append(char c)
        {
            if (_length == _buffer.Length) Grow(1);
            _buffer[_length++] = c;
        }

        public void Append(string s)
        {
            if (_length + s.Length > _buffer.Length) Grow(s.Length);
            s.CopyTo(_buffer.AsSpan(_length));
            _length += s.Length;
        }

        public void AppendField(string s) => Append(Quoted(s));

        public void Append<T>(T value)
            where T : ISpanFormattable
        {
            int written;
            while (!value.TryFormat(_buffer.AsSpan(_length), out written, default, CultureInfo.InvariantCulture)) Grow(64);
            _length += written;
        }

        /// <summary>A value whose text may need quoting (a period's text never does, but the rule is the one rule).</summary>
        public void AppendField<T>(T value)
            where T : ISpanFormattable
        {
            int start = _length;
            Append(value);
            ReadOnlySpan<char> text = _buffer.AsSpan(start, _length - start);
            if (text.IndexOfAny(",\"\r\n") < 0) return;
            string s = text.ToString();
            _length = start;
            AppendField(s);
        }

        public readonly void Return()
        {
            if (_buffer is not null) ArrayPool<char>.Shared.Return(_buffer);
        }

        private void Grow(int more)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
