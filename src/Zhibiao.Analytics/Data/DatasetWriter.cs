using System.Globalization;
using nietras.SeparatedValues;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Writes a dataset directory in the format <see cref="DatasetReader"/> reads, losing nothing: figures are written
/// as they were reported (number with its decimals, unit with its magnitude). The three files are first written to
/// temporary files beside them and only then moved into place, so a failure while writing leaves the old files whole.
/// </summary>
internal static class DatasetWriter
{
    /// <summary>Writes the three files, and any side files (name and UTF-8 text) with them, all or nothing.</summary>
    public static void Write(Dataset dataset, string directory, IEnumerable<KeyValuePair<string, string>>? sideFiles = null)
    {
        Directory.CreateDirectory(directory);
        var files = new List<(string Path, Action<string> Write)>();
        WriteAll(dataset, directory, files);
        foreach ((string name, string content) in sideFiles ?? [])
            files.Add((Path.Combine(directory, name), temp => File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false))));
        AtomicFile.WriteAll(files);
    }

    private static void WriteAll(Dataset dataset, string directory, List<(string Path, Action<string> Write)> written)
    {
        Atomically(written, Path.Combine(directory, "indicators.csv"), DatasetReader.IndicatorColumns, dataset.Indicators, (row, i) =>
        {
            row["id"].Set(i.Id);
            row["name_zh"].Set(i.NameZh);
            row["name_en"].Set(i.NameEn);
            row["unit"].Set(i.Unit.Symbol);
            row["frequency"].Set(i.Frequency.ToToken());
            row["direction"].Set(Indicator.ToToken(i.Direction));
            row["kind"].Set(Indicator.ToToken(i.Kind));
        });
        Atomically(written, Path.Combine(directory, "observations.csv"), [.. DatasetReader.ObservationColumns, .. DatasetReader.ObservationOptional],
            dataset.Observations.Where(o => !o.IsDerived), (row, o) =>
            {
                row["indicator"].Set(o.IndicatorId);
                row["period"].Set(o.Period.ToString());
                row["measure"].Set(DatasetReader.ToToken(o.Measure));
                row["value"].Set(o.Value.WrittenNumber());
                row["unit"].Set(o.Value.ScaledUnit.ToString());
                row["qualifier"].Set(o.Qualifier.ToToken());
                WriteSource(row, o.Source);
            });
        Atomically(written, Path.Combine(directory, "targets.csv"), [.. DatasetReader.TargetColumns, .. DatasetReader.TargetOptional], dataset.Targets, (row, t) =>
        {
            row["indicator"].Set(t.IndicatorId);
            row["period"].Set(t.Plan?.ToString() ?? t.Deadline.ToString());
            row["value"].Set(t.Value.WrittenNumber());
            row["unit"].Set(t.Value.ScaledUnit.ToString());
            row["kind"].Set(Target.ToToken(t.Kind));
            row["direction"].Set(Target.ToToken(t.Comparison));
            row["tolerance"].Set(t.Tolerance?.ToString("R", CultureInfo.InvariantCulture) ?? "");
            WriteSource(row, t.Source);
        });
    }

    private delegate void Fill<in T>(SepWriter.Row row, T item);

    private static void WriteSource(SepWriter.Row row, Source source)
    {
        row["source"].Set(source.Document);
        row["address"].Set(source.Address ?? "");
        row["note"].Set(source.Note ?? "");
    }

    /// <summary>Adds one file to the set <see cref="AtomicFile.WriteAll"/> writes to temporary files and then moves into place.</summary>
    private static void Atomically<T>(List<(string Path, Action<string> Write)> written, string path, string[] columns, IEnumerable<T> items, Fill<T> fill) =>
        written.Add((path, temp =>
        {
            using SepWriter writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(temp);
            writer.Header.Add(columns);
            foreach (T item in items)
            {
                using SepWriter.Row row = writer.NewRow();
                fill(row, item);
            }
        }));
}
