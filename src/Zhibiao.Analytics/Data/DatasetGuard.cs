using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Concurrent writers of one dataset directory. Every dataset directory read is remembered with a fingerprint of its
/// files (SHA-256 of indicators.csv, observations.csv, targets.csv and target-history.csv as read), by the command that read it (the
/// ambient <see cref="AtomicFile.Together(Action)"/>), otherwise by the process. Writing into a directory takes its lock,
/// <c>DIR/.analytics.lock</c> (an empty file, left in place; locked only while the files move into place, waiting up to
/// <see cref="LockWait"/>), and fails, writing nothing, when the files changed since they were read: another command
/// wrote the dataset meanwhile, and writing would lose its rows.
/// </summary>
internal sealed class DatasetGuard : IDisposable
{
    /// <summary>The lock file's name inside the dataset directory.</summary>
    public const string LockName = ".analytics.lock";

    /// <summary>How long a write waits for another process's write of the same directory to finish: 10 s.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>The fingerprints of the directories read outside any command, by full path.</summary>
    public static readonly ConcurrentDictionary<string, string> ProcessReads = new(StringComparer.Ordinal);

    private static readonly string[] Files = ["indicators.csv", "observations.csv", "targets.csv", "target-history.csv"];
    private readonly List<(string Directory, FileStream Lock)> _held = [];
    private readonly IDictionary<string, string> _reads;

    private DatasetGuard(IDictionary<string, string> reads) => _reads = reads;

    /// <summary>The fingerprint of a dataset directory as read (its files' bytes by name, null when absent).</summary>
    public static string Fingerprint(Func<string, byte[]?> bytesOf)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string name in Files)
        {
            byte[]? bytes = bytesOf(name);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}:{bytes?.Length ?? -1}\n"));
            if (bytes is not null) hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// Locks the directories (full path → as given, in order of the full path) and checks that none changed since it was
    /// read, as <paramref name="reads"/> remembers.
    /// </summary>
    /// <exception cref="AnalyticsException">A directory is locked for longer than <see cref="LockWait"/>, cannot be locked, or changed since it was read; the message names it as given.</exception>
    public static DatasetGuard Acquire(IEnumerable<KeyValuePair<string, string>> directories, IDictionary<string, string> reads)
    {
        var guard = new DatasetGuard(reads);
        try
        {
            foreach ((string directory, string given) in directories)
            {
                guard._held.Add((directory, Lock(directory, given)));
                if (reads.TryGetValue(directory, out string? read) && read != OnDisk(directory))
                    throw new AnalyticsException($"{given}: the dataset changed since this command read it (another command wrote it meanwhile); nothing was written — run the command again");
            }

            return guard;
        }
        catch
        {
            guard.Dispose();
            throw;
        }
    }

    /// <summary>After the files moved into place: what is on disk now is what this process knows.</summary>
    public void Written()
    {
        foreach ((string directory, _) in _held) _reads[directory] = OnDisk(directory);
    }

    public void Dispose()
    {
        foreach ((_, FileStream held) in _held) held.Dispose();
        _held.Clear();
    }

    private static FileStream Lock(string directory, string given)
    {
        string path = Path.Combine(directory, LockName);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new AnalyticsException($"{given}: cannot write the dataset: permission denied", e);
            }
            catch (IOException e) when (clock.Elapsed < LockWait && Directory.Exists(directory))
            {
                _ = e;
                Thread.Sleep(20);
            }
            catch (IOException e)
            {
                throw new AnalyticsException(Directory.Exists(directory)
                    ? $"{given}: another process has been writing this dataset for {LockWait.TotalSeconds:0} s ({Path.Combine(given, LockName)} is locked); nothing was written"
                    : $"{given}: cannot write the dataset: {e.Message}", e);
            }
        }
    }

    private static string OnDisk(string directory) => Fingerprint(name =>
    {
        string path = Path.Combine(directory, name);
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnalyticsException($"{path}: cannot read it to check for other writers: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}", e);
        }
    });
}
