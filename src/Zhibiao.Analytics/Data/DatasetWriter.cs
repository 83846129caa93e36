using System.Globalization;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Writes a dataset directory in the format <see cref="DatasetReader"/> reads, losing nothing: figures are written
/// as they were reported (number with its decimals, unit with its magnitude). Before anything is written, the dataset's
/// files are read back exactly as a later command will read them (<see cref="DatasetReader"/>, the UTF-8 and control
/// character checks included): a dataset that would not read back is refused naming the file, line and column, and the
/// directory is left as it was. The files, and the side files, are then written all or nothing through
/// <see cref="AtomicFile"/>, under the directory's lock and only if no other command changed it since it was read
/// (<see cref="DatasetGuard"/>). A missing directory is created (and removed again if the write fails).
/// </summary>
internal static class DatasetWriter
{
    /// <summary>Writes the dataset's files, and any side files with them, all or nothing.</summary>
    /// <exception cref="AnalyticsException">The dataset would not read back, or the directory cannot be written or changed meanwhile.</exception>
    public static void Write(Dataset dataset, string directory, DatasetSideFiles? sideFiles = null)
    {
        var files = new List<(string Name, byte[] Bytes)>();
        WriteAll(dataset, files);
        ReadBack(directory, files);
        if (sideFiles is not null)
        {
            foreach ((string name, IReadOnlyList<Observation> observations) in sideFiles.Observations)
                Observations(files, name, observations);
            foreach ((string name, CsvTable table) in sideFiles.Tables)
                Atomically(files, name, [.. table.Columns], [], table.Rows, (row, cells) =>
                {
                    for (int i = 0; i < table.Columns.Count; i++) row[table.Columns[i]] = cells[i];
                });
            foreach ((string name, byte[] bytes) in files.Skip(files.Count - sideFiles.Observations.Count - sideFiles.Tables.Count))
                Checked(directory, () => TextFile.Decode(Path.Combine(directory, name), bytes));
        }

        AtomicFile.Stage(files.Select(f => new AtomicFile.Output(Path.Combine(directory, f.Name), stream => stream.Write(f.Bytes), CreateDirectory: true)), directory);
    }

    /// <summary>Reads the dataset's files back as <see cref="DatasetReader"/> will read them from the directory.</summary>
    private static void ReadBack(string directory, List<(string Name, byte[] Bytes)> files) => Checked(directory, () => DatasetReader.Read(name =>
    {
        string path = Path.Combine(directory, name);
        byte[]? bytes = files.FirstOrDefault(f => f.Name == name).Bytes;
        return new DatasetFile(path, bytes is null ? null : () => new StringReader(TextFile.Decode(path, bytes)));
    }));

    private static void Checked(string directory, Action check)
    {
        try
        {
            check();
        }
        catch (AnalyticsException e)
        {
            throw new AnalyticsException($"{directory}: not written, the dataset would not read back: {e.Message}", e);
        }
    }

    private static void WriteAll(Dataset dataset, List<(string Name, byte[] Bytes)> written)
    {
        Atomically(written, "indicators.csv", DatasetReader.IndicatorColumns, [], dataset.Indicators, (row, i) =>
        {
            row["id"] = i.Id;
            row["name_zh"] = i.NameZh;
            row["name_en"] = i.NameEn;
            row["unit"] = i.Unit.Symbol;
            row["frequency"] = i.Frequency.ToToken();
            row["direction"] = Indicator.ToToken(i.Direction);
            row["kind"] = Indicator.ToToken(i.Kind);
        });
        Observations(written, "observations.csv", dataset.Observations.Where(o => !o.IsDerived));
        Targets(written, "targets.csv", dataset.Targets);
        if (dataset.TargetHistory.Count > 0) Targets(written, "target-history.csv", dataset.TargetHistory);
        if (dataset.Verdicts.Count > 0)
        {
            Atomically(written, "verdicts.csv", [.. DatasetReader.VerdictColumns, .. DatasetReader.VerdictOptional], [], dataset.Verdicts, (row, v) =>
            {
                row["report_year"] = v.ReportYear.ToString(CultureInfo.InvariantCulture);
                row["year"] = v.Year.ToString(CultureInfo.InvariantCulture);
                row["indicator"] = v.IndicatorId ?? DatasetReader.AllMainTargets;
                row["met"] = v.Met ? "true" : "false";
                row["source"] = v.File;
                row["address"] = v.Start == 0 && v.End == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"chars {v.Start}-{v.End}");
                row["text"] = v.Text.Trim();
            });
        }
    }

    /// <summary>
    /// Observations in the observations.csv format (a multi-year figure's period is its plan, 2011-2015); the basis
    /// column only when a figure is year-to-date, and then filled on every row.
    /// </summary>
    private static void Observations(List<(string Name, byte[] Bytes)> written, string name, IEnumerable<Observation> observations)
    {
        Observation[] all = [.. observations];
        bool basis = all.Any(o => o.IsYearToDate);
        Atomically(written, name, [.. DatasetReader.ObservationColumns, .. DatasetReader.ObservationOptional], DatasetReader.ObservationWhenUsed, all, (row, o) =>
        {
            row["indicator"] = o.IndicatorId;
            row["period"] = o.Plan?.ToString() ?? o.Period.ToString();
            row["measure"] = DatasetReader.ToToken(o.Measure);
            row["value"] = o.Value.WrittenNumber();
            row["unit"] = o.Value.ScaledUnit.ToString();
            row["qualifier"] = o.Qualifier.ToToken();
            WriteSource(row, o.Source);
            row["vintage"] = o.Vintage?.ToString() ?? "";
            row["basis"] = !basis ? "" : o.IsYearToDate ? DatasetReader.YearToDateBasis : DatasetReader.PeriodBasis;
        });
    }

    /// <summary>Targets in the targets.csv format.</summary>
    private static void Targets(List<(string Name, byte[] Bytes)> written, string name, IEnumerable<Target> targets) =>
        Atomically(written, name, [.. DatasetReader.TargetColumns, .. DatasetReader.TargetOptional], DatasetReader.TargetWhenUsed, targets, (row, t) =>
        {
            row["indicator"] = t.IndicatorId;
            row["period"] = t.Plan?.ToString() ?? t.Deadline.ToString();
            row["value"] = t.Value.WrittenNumber();
            row["unit"] = t.Value.ScaledUnit.ToString();
            row["kind"] = Target.ToToken(t.Kind);
            row["direction"] = Target.ToToken(t.Comparison);
            row["tolerance"] = t.Tolerance?.ToString("R", CultureInfo.InvariantCulture) ?? "";
            WriteSource(row, t.Source);
            row["wording"] = t.Wording == Target.WordingOf(t.Comparison) ? "" : Target.ToToken(t.Wording);
            row["high"] = t.High is not { } high ? ""
                : high.ScaledUnit == t.Value.ScaledUnit ? high.WrittenNumber()
                : high.ConvertTo(t.Value.Unit).In(t.Value.Magnitude).ToString("R", CultureInfo.InvariantCulture);
            row["main"] = t.IsMain ? "true" : "";
        });

    private static void WriteSource(Dictionary<string, string> row, Source source)
    {
        row["source"] = source.Document;
        row["address"] = source.Address ?? "";
        row["note"] = source.Note ?? "";
        row["subject"] = source.Subject ?? "";
    }

    /// <summary>
    /// Adds one file's UTF-8 bytes to the set written together: the columns always written, then each of the columns
    /// written when used that any row fills (so a file without wordings or vintages keeps the columns it had before they
    /// existed).
    /// </summary>
    private static void Atomically<T>(List<(string Name, byte[] Bytes)> written, string name, string[] always, string[] whenUsed, IEnumerable<T> items, Action<Dictionary<string, string>, T> fill)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (T item in items)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            fill(row, item);
            rows.Add(row);
        }

        string[] columns = [.. always, .. whenUsed.Where(c => rows.Any(r => r.TryGetValue(c, out string? v) && v.Length > 0))];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (SepWriter writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            writer.Header.Add(columns);
            foreach (Dictionary<string, string> cells in rows)
            {
                using SepWriter.Row row = writer.NewRow();
                foreach (string c in columns) row[c].Set(cells.GetValueOrDefault(c, ""));
            }
        }

        written.Add((name, new System.Text.UTF8Encoding(false).GetBytes(text.ToString())));
    }
}

/// <summary>A plain table written beside a dataset: its columns and rows of formatted cells.</summary>
/// <param name="Columns">The header.</param>
/// <param name="Rows">The rows, one cell per column.</param>
internal sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Files written beside a dataset's own in the same all-or-nothing write: more observations in the format of
/// observations.csv (revisions, plan-period averages), and plain tables.
/// </summary>
internal sealed class DatasetSideFiles
{
    /// <summary>Observation files by name.</summary>
    public Dictionary<string, IReadOnlyList<Observation>> Observations { get; } = new(StringComparer.Ordinal);

    /// <summary>Plain tables by name.</summary>
    public Dictionary<string, CsvTable> Tables { get; } = new(StringComparer.Ordinal);
}
