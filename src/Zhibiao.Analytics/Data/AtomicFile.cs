using System.Globalization;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Writing files so that a failure never leaves a half-written one: each is written to a temporary file beside it
/// (<c>NAME.PID.tmp</c>) and moved into place only when complete; the temporary files are removed on failure. Used by
/// every writer (long-format files, datasets, charts, reports, CLI outputs).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no byte-order mark).</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteAll([(path, temp =>
        {
            using var writer = new StreamWriter(temp, append: false, new System.Text.UTF8Encoding(false));
            write(writer);
        })]);
    }

    /// <summary>Writes bytes.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        WriteAll([(path, temp => File.WriteAllBytes(temp, bytes))]);
    }

    /// <summary>
    /// Writes several files together: each <c>write</c> is given the temporary path to write; only when all are written
    /// are they moved into place, so a failure while writing leaves every old file whole.
    /// </summary>
    public static void WriteAll(IEnumerable<(string Path, Action<string> Write)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = new List<(string Temp, string Full)>();
        try
        {
            foreach ((string path, Action<string> write) in files)
            {
                string full = Path.GetFullPath(path);
                string temp = full + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
                written.Add((temp, full));
                write(temp);
            }

            foreach ((string temp, string full) in written) File.Move(temp, full, overwrite: true);
        }
        finally
        {
            foreach ((string temp, _) in written)
                if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
