using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// The one way files are written (long-format outputs, datasets and their side files, charts, pages, every output of the
/// command line), so that nothing a user has is lost or half-written:
/// <list type="bullet">
/// <item>Each file is written whole to a temporary file beside it, then moved into place. A temporary file has a name
/// no user file has (<c>NAME.analytics-RANDOM.tmp</c>), is created exclusively, and is removed by the run that made it
/// (on failure, and on Ctrl-C or SIGTERM by <see cref="RemovePending"/>); no other file is ever removed.</item>
/// <item>Several files (a dataset's, or every output of one command inside <see cref="Together(Action)"/>) are written
/// all or nothing: all are staged first, then moved into place; if one cannot be, those already replaced get their old
/// contents back.</item>
/// <item>The target is never replaced by something else: a symbolic link is followed and its target written; a device
/// (<c>/dev/null</c>), FIFO or socket is written through, after the output is complete; a directory, a read-only file and
/// a missing parent directory are refused with one line naming the path. A replaced file keeps its permissions.</item>
/// </list>
/// A run killed with SIGKILL can leave a temporary file behind (the name above; delete it by hand); the files it was
/// replacing are whole, old or new.
/// </summary>
internal static class AtomicFile
{
    private static readonly AsyncLocal<FileTransaction?> Ambient = new();
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    /// <summary>Writes UTF-8 text (no byte-order mark).</summary>
    /// <exception cref="AnalyticsException">The file cannot be written; the message names <paramref name="path"/>.</exception>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteAll([(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        })]);
    }

    /// <summary>Writes bytes.</summary>
    /// <exception cref="AnalyticsException">The file cannot be written; the message names <paramref name="path"/>.</exception>
    public static void WriteBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        WriteAll([(path, stream => stream.Write(bytes))]);
    }

    /// <summary>
    /// Writes several files all or nothing: each <c>Write</c> is given a stream to write the file's contents to; only
    /// when all are written are they moved into place, and if one cannot be, the files already replaced get their old
    /// contents back. Inside <see cref="Together(Action)"/>, the files are moved into place when it ends.
    /// </summary>
    /// <exception cref="AnalyticsException">A file cannot be written or replaced; the message names it as given, and no file was changed.</exception>
    public static void WriteAll(IEnumerable<(string Path, Action<Stream> Write)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Stage(files.Select(f => new Output(f.Path, f.Write, CreateDirectory: false)));
    }

    /// <summary>
    /// Runs <paramref name="body"/> so that every file it writes through this class is written when it ends, all or
    /// nothing: if <paramref name="body"/> throws, or one of its files cannot be moved into place, no file is changed.
    /// The command line runs every command this way. Inside, a file written is not yet in place (reading it gives the
    /// old contents). Nested calls join the outermost.
    /// </summary>
    /// <exception cref="AnalyticsException">A file cannot be replaced; the message names it, and no file was changed.</exception>
    public static void Together(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Together(() =>
        {
            body();
            return 0;
        });
    }

    /// <summary>As <see cref="Together(Action)"/>, returning what <paramref name="body"/> returns.</summary>
    /// <exception cref="AnalyticsException">A file cannot be replaced; the message names it, and no file was changed.</exception>
    public static T Together<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Ambient.Value is not null) return body();
        using var transaction = new FileTransaction { Reads = new Dictionary<string, string>(StringComparer.Ordinal) };
        Ambient.Value = transaction;
        try
        {
            T result = body();
            transaction.Commit();
            return result;
        }
        finally
        {
            Ambient.Value = null;
        }
    }

    /// <summary>
    /// Removes the temporary files of writes in progress in this process; called when the process is interrupted
    /// (Ctrl-C, SIGTERM) so that nothing is left behind.
    /// </summary>
    public static void RemovePending()
    {
        foreach (string temp in Pending.Keys) TryDelete(temp);
    }

    /// <summary>
    /// Stages files into the ambient transaction, or writes them all or nothing now. A dataset writer passes
    /// <see cref="Output.CreateDirectory"/> (a missing directory is created, and removed again if nothing is written)
    /// and the directory as <paramref name="dataset"/>, whose write is locked and checked by <see cref="DatasetGuard"/>.
    /// </summary>
    internal static void Stage(IEnumerable<Output> files, string? dataset = null)
    {
        if (Ambient.Value is { } ambient)
        {
            ambient.Stage(files, dataset);
            return;
        }

        using var transaction = new FileTransaction();
        transaction.Stage(files, dataset);
        transaction.Commit();
    }

    /// <summary>Remembers a dataset directory as read, by the command that reads it (or the process): see <see cref="DatasetGuard"/>.</summary>
    internal static void RememberRead(string directory, string fingerprint) =>
        (Ambient.Value?.Reads ?? DatasetGuard.ProcessReads)[Path.GetFullPath(directory)] = fingerprint;

    /// <summary>One output: the path as the caller gave it, what writes its contents, and whether a missing directory is made.</summary>
    internal sealed record Output(string Path, Action<Stream> Write, bool CreateDirectory);

    /// <summary>
    /// The files of one transaction: staged (written to temporary files) as they come, moved into place by
    /// <see cref="Commit"/>; disposing removes whatever this transaction created and did not commit.
    /// </summary>
    private sealed class FileTransaction : IDisposable
    {
        private readonly List<Staged> _staged = [];
        private readonly List<string> _createdDirectories = [];
        private readonly SortedDictionary<string, string> _datasets = new(StringComparer.Ordinal);
        private bool _committed;

        /// <summary>The dataset directories read by the command (null for a single write: the process's reads count).</summary>
        public IDictionary<string, string>? Reads { get; init; }

        public void Stage(IEnumerable<Output> files, string? dataset)
        {
            foreach (Output file in files)
            {
                Staged staged = Prepare(file);
                Staged? earlier = _staged.FirstOrDefault(s => s.Target == staged.Target);
                if (earlier is not null)
                {
                    _staged.Remove(earlier);
                    TryDelete(earlier.Temp);
                }

                _staged.Add(staged);
                Written(staged, () =>
                {
                    using var stream = new FileStream(staged.Temp, FileMode.Open, FileAccess.Write, FileShare.None);
                    file.Write(stream);
                    stream.Flush(flushToDisk: false);
                });
            }

            if (dataset is not null) _datasets[Path.GetFullPath(dataset)] = dataset;
        }

        public void Commit()
        {
            using DatasetGuard guard = DatasetGuard.Acquire(_datasets, Reads ?? DatasetGuard.ProcessReads);
            bool keepOld = _staged.Count > 1;
            var done = new List<Staged>();

            // Files moved into place first; devices and FIFOs (which cannot be restored) last.
            foreach (Staged file in _staged.OrderBy(s => s.Through))
            {
                try
                {
                    if (file.Through) WriteThrough(file);
                    else Replace(file, keepOld);
                    done.Add(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or AnalyticsException)
                {
                    string reason = e is AnalyticsException ? e.Message : $"{file.Given}: cannot replace: {Reason(e, file)}";
                    string[] lost = [.. done.AsEnumerable().Reverse().Where(d => !Restore(d)).Select(d => $"{d.Given} (old contents in {d.Backup})")];
                    if (lost.Length > 0) throw new AnalyticsException($"{reason}; could not restore {string.Join(", ", lost)}", e);
                    throw new AnalyticsException(_staged.Count > 1
                        ? $"{reason}; no file was changed ({string.Join(", ", _staged.Select(s => s.Given))} kept as they were)"
                        : reason, e);
                }
            }

            _committed = true;
            guard.Written();
        }

        public void Dispose()
        {
            foreach (Staged file in _staged)
            {
                TryDelete(file.Temp);
                if (!file.KeepBackup && file.Backup is not null) TryDelete(file.Backup);
            }

            if (_committed) return;
            foreach (string directory in Enumerable.Reverse(_createdDirectories))
            {
                try
                {
                    foreach (string lockFile in Directory.EnumerateFiles(directory, DatasetGuard.LockName)) File.Delete(lockFile);
                    if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Left as it is: it may hold what someone else wrote meanwhile.
                }
            }
        }

        /// <summary>Where the output goes, checked, and its temporary file created (exclusively).</summary>
        private Staged Prepare(Output file)
        {
            string given = file.Path;
            string full = Path.GetFullPath(given);
            FileKind kind = FileKinds.Of(full);
            if (kind == FileKind.Directory) throw new AnalyticsException($"{given}: is a directory, not a file");

            // A device, FIFO or socket, or what /dev/stdout and /proc/self/fd/N name: written through, never replaced.
            if (kind == FileKind.Special || (kind == FileKind.Regular && IsProcessFile(full)))
                return new Staged(given, full, CreateTemp(given, Path.GetTempPath(), "analytics"), Through: true);

            // A symbolic link: its (final) target is written; a dangling link's target is created.
            string target = FileKinds.OfLink(full) == FileKind.Link
                ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full
                : full;
            string directory = Path.GetDirectoryName(target) ?? throw new AnalyticsException($"{given}: not a file name");
            if (!Directory.Exists(directory))
            {
                if (!file.CreateDirectory)
                    throw new AnalyticsException($"{given}: the directory {(Path.GetDirectoryName(given) is { Length: > 0 } d && target == full ? d : directory)} does not exist");
                CreateDirectories(given, directory);
            }

            CheckWritable(given, target);
            return new Staged(given, target, CreateTemp(given, directory, Path.GetFileName(target)), Through: false);
        }

        private void CreateDirectories(string given, string directory)
        {
            var missing = new Stack<string>();
            for (string? d = directory; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
            try
            {
                while (missing.Count > 0)
                {
                    string d = missing.Pop();
                    if (FileKinds.Of(d) != FileKind.Missing) throw new AnalyticsException($"{given}: {Shown(given, d)} is not a directory");
                    Directory.CreateDirectory(d);
                    _createdDirectories.Add(d);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new AnalyticsException($"{given}: cannot create the directory {Shown(given, directory)}: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}", e);
            }
        }
    }

    /// <summary>A file staged for writing: as given, where it goes, its temporary file and the backup of the old contents.</summary>
    private sealed record Staged(string Given, string Target, string Temp, bool Through)
    {
        public string? Backup { get; set; }

        public bool HadOld { get; set; }

        public bool KeepBackup { get; set; }
    }

    /// <summary>Moves a staged file into place, first copying the old file aside when it may have to be restored.</summary>
    private static void Replace(Staged file, bool keepOld)
    {
        FileKind kind = FileKinds.Of(file.Target);
        if (kind == FileKind.Directory) throw new AnalyticsException($"{file.Given}: is a directory, not a file");
        if (kind == FileKind.Special) throw new AnalyticsException($"{file.Given}: became a device or pipe while the output was written; not replaced");
        CheckWritable(file.Given, file.Target);
        file.HadOld = kind == FileKind.Regular;
        if (file.HadOld && !OperatingSystem.IsWindows()) File.SetUnixFileMode(file.Temp, File.GetUnixFileMode(file.Target));
        if (keepOld && file.HadOld)
        {
            file.Backup = CreateTemp(file.Given, Path.GetDirectoryName(file.Target)!, Path.GetFileName(file.Target));
            File.Copy(file.Target, file.Backup, overwrite: true);
        }

        File.Move(file.Temp, file.Target, overwrite: true);
        Pending.TryRemove(file.Temp, out _);
    }

    /// <summary>Copies a complete output into a device, FIFO or process file (opened for appending when it is a regular file).</summary>
    private static void WriteThrough(Staged file)
    {
        FileMode mode = FileKinds.Of(file.Target) == FileKind.Regular ? FileMode.Append : FileMode.Open;
        using var source = new FileStream(file.Temp, FileMode.Open, FileAccess.Read);
        using var target = new FileStream(file.Target, mode, FileAccess.Write, FileShare.ReadWrite, 1);
        source.CopyTo(target, 1 << 16);
    }

    /// <summary>Puts back the old contents of a replaced file; false (the backup kept) when that fails.</summary>
    private static bool Restore(Staged file)
    {
        if (file.Through) return false;
        try
        {
            if (file.HadOld && file.Backup is not null) File.Move(file.Backup, file.Target, overwrite: true);
            else File.Delete(file.Target);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.KeepBackup = true;
            return false;
        }
    }

    private static void CheckWritable(string given, string target)
    {
        if (File.Exists(target) && File.GetAttributes(target).HasFlag(FileAttributes.ReadOnly))
            throw new AnalyticsException($"{given}: the file is read-only; not replaced");
    }

    /// <summary>Whether a path is one of the process's own streams (/dev/stdout, /dev/fd/N, /proc/…): written through.</summary>
    private static bool IsProcessFile(string full) =>
        !OperatingSystem.IsWindows() && (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>A path as the user would write it: relative to the working directory when <paramref name="given"/> is.</summary>
    private static string Shown(string given, string full) =>
        Path.IsPathRooted(given) ? full : Path.GetRelativePath(Directory.GetCurrentDirectory(), full);

    /// <summary>Creates an empty temporary file NAME.analytics-RANDOM.tmp in <paramref name="directory"/>, exclusively.</summary>
    private static string CreateTemp(string given, string directory, string name)
    {
        for (int attempt = 0; ; attempt++)
        {
            string temp = Path.Combine(directory, $"{name}.analytics-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
            try
            {
                using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                }

                Pending[temp] = 0;
                return temp;
            }
            catch (IOException) when (File.Exists(temp) && attempt < 8)
            {
                // Taken (by chance): another name.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new AnalyticsException($"{given}: cannot write: {(e is UnauthorizedAccessException ? "permission denied" : e.Message.Replace(temp, given, StringComparison.Ordinal))}", e);
            }
        }
    }

    private static void Written(Staged file, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalyticsException($"{file.Given}: cannot write: {Reason(e, file)}", e);
        }
    }

    /// <summary>The system's reason, without the temporary file's name (the user never named it).</summary>
    private static string Reason(Exception e, Staged file)
    {
        if (e is UnauthorizedAccessException) return "permission denied";
        string message = e.Message.Replace(file.Temp, file.Given, StringComparison.Ordinal).Replace(file.Target, file.Given, StringComparison.Ordinal);
        return file.Backup is null ? message : message.Replace(file.Backup, file.Given, StringComparison.Ordinal);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            Pending.TryRemove(path, out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the user; its name says what it is.
        }
    }
}
