using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Writing files so that a failure never leaves a half-written one: each is written to a temporary file beside it
/// (<c>NAME.PID.tmp</c>) and moved into place only when complete. Several files are written all or nothing: every
/// file is staged first, then each is moved into place; when one cannot be, the ones already replaced get their old
/// contents back. Temporary files are removed on failure (and by <see cref="RemovePending"/> on an interrupt); those
/// left by a killed process are removed by the next write beside them. A replaced file keeps its permissions; a
/// read-only file is not replaced. Used by every writer (long-format files, datasets, charts, reports, CLI outputs).
/// </summary>
public static class AtomicFile
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    /// <summary>Writes UTF-8 text (no byte-order mark).</summary>
    /// <exception cref="AnalyticsException">The file cannot be written; the message names <paramref name="path"/>.</exception>
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
    /// <exception cref="AnalyticsException">The file cannot be written; the message names <paramref name="path"/>.</exception>
    public static void WriteBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        WriteAll([(path, temp => File.WriteAllBytes(temp, bytes))]);
    }

    /// <summary>
    /// Writes several files all or nothing: each <c>write</c> is given the temporary path to write; only when all are
    /// written are they moved into place, and if one cannot be, the files already replaced get their old contents back.
    /// </summary>
    /// <exception cref="AnalyticsException">A file cannot be written or replaced; the message names it as given, and no file was changed.</exception>
    public static void WriteAll(IEnumerable<(string Path, Action<string> Write)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var staged = new List<Staged>();
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            foreach ((string path, Action<string> write) in files)
            {
                string full = Path.GetFullPath(path);
                CheckTarget(path, full);
                RemoveStale(full);
                var file = new Staged(path, full, $"{full}.{pid}.tmp", $"{full}.{pid}.old.tmp");
                staged.Add(file);
                Pending[file.Temp] = 0;
                Guard(file, "cannot write", () =>
                {
                    write(file.Temp);
                    if (!OperatingSystem.IsWindows() && File.Exists(full)) File.SetUnixFileMode(file.Temp, File.GetUnixFileMode(full));
                });
            }

            Commit(staged);
        }
        finally
        {
            foreach (Staged file in staged)
            {
                TryDelete(file.Temp);
                if (!file.KeepBackup) TryDelete(file.Backup);
            }
        }
    }

    /// <summary>
    /// Removes the temporary files of writes in progress in this process; called when the process is interrupted
    /// (Ctrl-C, SIGTERM) so that nothing is left behind.
    /// </summary>
    public static void RemovePending()
    {
        foreach (string temp in Pending.Keys)
        {
            TryDelete(temp);
            TryDelete(temp[..^".tmp".Length] + ".old.tmp");
        }
    }

    private static void Commit(List<Staged> staged)
    {
        bool keepOld = staged.Count > 1;
        var done = new List<Staged>();
        foreach (Staged file in staged)
        {
            try
            {
                CheckTarget(file.Given, file.Full);
                file.HadOld = File.Exists(file.Full);
                if (keepOld && file.HadOld) File.Copy(file.Full, file.Backup, overwrite: true);
                File.Move(file.Temp, file.Full, overwrite: true);
                done.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or AnalyticsException)
            {
                string reason = e is AnalyticsException ? e.Message : $"{file.Given}: cannot replace: {Reason(e, file)}";
                string[] lost = [.. done.Where(d => !Restore(d)).Select(d => $"{d.Given} (old contents in {d.Backup})")];
                if (lost.Length > 0) throw new AnalyticsException($"{reason}; could not restore {string.Join(", ", lost)}", e);
                throw new AnalyticsException(staged.Count > 1
                    ? $"{reason}; no file was changed ({string.Join(", ", staged.Select(s => s.Given))} kept as they were)"
                    : reason, e);
            }
        }
    }

    /// <summary>Puts back the old contents of a replaced file; false (the backup kept) when that fails.</summary>
    private static bool Restore(Staged file)
    {
        try
        {
            if (file.HadOld) File.Move(file.Backup, file.Full, overwrite: true);
            else File.Delete(file.Full);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.KeepBackup = true;
            return false;
        }
    }

    private static void CheckTarget(string given, string full)
    {
        if (Directory.Exists(full)) throw new AnalyticsException($"{given}: is a directory, not a file");
        string? directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
            throw new AnalyticsException($"{given}: the directory {(Path.GetDirectoryName(given) is { Length: > 0 } d ? d : directory)} does not exist");
        if (File.Exists(full) && File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
            throw new AnalyticsException($"{given}: the file is read-only; not replaced");
    }

    private static void Guard(Staged file, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalyticsException($"{file.Given}: {what}: {Reason(e, file)}", e);
        }
    }

    /// <summary>The system's reason, without the temporary file's name (the user never named it).</summary>
    private static string Reason(Exception e, Staged file) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ => e.Message.Replace(file.Backup, file.Given, StringComparison.Ordinal).Replace(file.Temp, file.Given, StringComparison.Ordinal)
            .Replace(file.Full, file.Given, StringComparison.Ordinal),
    };

    /// <summary>Removes NAME.PID.tmp files beside <paramref name="full"/> left by processes that no longer run.</summary>
    private static void RemoveStale(string full)
    {
        string? directory = Path.GetDirectoryName(full);
        if (directory is null) return;
        string prefix = Path.GetFileName(full) + ".";
        try
        {
            foreach (string stale in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
            {
                string middle = Path.GetFileName(stale)[prefix.Length..^".tmp".Length];
                bool backup = middle.EndsWith(".old", StringComparison.Ordinal);
                if (backup) middle = middle[..^".old".Length];

                // A backup is kept while its file is missing: it may be the only copy left.
                if (int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out int owner) && !IsRunning(owner) && (!backup || File.Exists(full)))
                    TryDelete(stale);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning is a courtesy; the write itself reports real problems.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
            Pending.TryRemove(path, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's clean-up.
        }
    }

    private sealed record Staged(string Given, string Full, string Temp, string Backup)
    {
        public bool HadOld { get; set; }

        public bool KeepBackup { get; set; }
    }
}
