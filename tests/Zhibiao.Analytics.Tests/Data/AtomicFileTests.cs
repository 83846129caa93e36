using System.Diagnostics;
using System.Text;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    private static Action<Stream> Text(string text) => s => s.Write(Encoding.UTF8.GetBytes(text));

    private string[] Files() => [.. Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void A_failure_while_writing_leaves_every_old_file_whole_and_no_temporary_file()
    {
        string a = In("a.csv"), b = In("b.csv");
        File.WriteAllText(a, "old a");
        File.WriteAllText(b, "old b");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteAll(
        [
            (a, Text("new a")),
            (b, _ => throw new InvalidOperationException("disk full")),
        ]));
        Assert.Equal("old a", File.ReadAllText(a));
        Assert.Equal("old b", File.ReadAllText(b));
        Assert.Equal(["a.csv", "b.csv"], Files());

        AtomicFile.WriteText(a, w => w.Write("新 a"));
        AtomicFile.WriteBytes(b, [1, 2, 3]);
        Assert.Equal("新 a", File.ReadAllText(a));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(b));
        Assert.Equal(0xE6, File.ReadAllBytes(a)[0]); // UTF-8 without a byte-order mark
    }

    [Fact]
    public void A_file_that_cannot_be_replaced_restores_the_ones_already_replaced_and_names_the_file()
    {
        string a = In("observations.csv"), b = In("targets.csv");
        File.WriteAllText(a, "old a");
        File.WriteAllText(b, "old b");

        // targets.csv becomes a directory after it was staged: observations.csv is replaced first, then targets.csv fails.
        var e = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteAll(
        [
            (a, Text("new a")),
            (b, s =>
            {
                Text("new b")(s);
                File.Delete(b);
                Directory.CreateDirectory(b);
            }),
        ]));
        Assert.StartsWith(b + ": is a directory", e.Message, StringComparison.Ordinal);
        Assert.Contains("no file was changed", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", e.Message, StringComparison.Ordinal);
        Assert.Equal("old a", File.ReadAllText(a));
        Assert.Equal(["observations.csv", "targets.csv"], Files());
    }

    [Fact]
    public void A_directory_or_a_missing_directory_is_one_error_naming_the_path_given()
    {
        var isDirectory = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteText(_dir, w => w.Write("x")));
        Assert.Equal($"{_dir}: is a directory, not a file", isDirectory.Message);
        string missing = In(Path.Combine("nodir", "out.csv"));
        var noDirectory = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteText(missing, w => w.Write("x")));
        Assert.Equal($"{missing}: the directory {In("nodir")} does not exist", noDirectory.Message);
        Assert.Empty(Files());
    }

    [Fact]
    public void Files_named_like_temporary_files_are_never_removed_whoever_made_them()
    {
        // Issue 32: user files OUT.<number>.tmp were removed when the number was not a running process.
        string a = In("out.csv");
        string[] mine = ["out.csv.999999999.tmp", "out.csv.1.tmp", "out.csv.tmp", "out.csv.999999999.old.tmp", "out.csv.analytics-0123456789abcdef.tmp"];
        foreach (string f in mine) File.WriteAllText(In(f), "the user's own file");
        AtomicFile.WriteText(a, w => w.Write("new"));
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(a, _ => throw new InvalidOperationException("fails")));
        Assert.Equal(["out.csv", .. mine.Order(StringComparer.Ordinal)], Files());
        Assert.All(mine, f => Assert.Equal("the user's own file", File.ReadAllText(In(f))));
        Assert.Equal("new", File.ReadAllText(a));
    }

    [Fact]
    public void A_read_only_file_is_refused_and_left_as_it_was()
    {
        string a = In("out.csv");
        File.WriteAllText(a, "old");
        File.SetAttributes(a, FileAttributes.ReadOnly);
        var e = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteText(a, w => w.Write("new")));
        Assert.Equal($"{a}: the file is read-only; not replaced", e.Message);
        File.SetAttributes(a, FileAttributes.Normal);
        Assert.Equal("old", File.ReadAllText(a));
        Assert.Equal(["out.csv"], Files());
    }

    [Fact]
    public void A_symbolic_link_is_written_through_to_its_target_and_stays_a_link()
    {
        string target = In("target.csv"), link = In("link.csv"), dangling = In("dangling.csv"), created = In("created.csv");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);
        File.CreateSymbolicLink(dangling, created);
        AtomicFile.WriteText(link, w => w.Write("through the link"));
        AtomicFile.WriteText(dangling, w => w.Write("created at the target"));
        Assert.Equal(FileKind.Link, FileKinds.OfLink(link));
        Assert.Equal(FileKind.Link, FileKinds.OfLink(dangling));
        Assert.Equal("through the link", File.ReadAllText(target));
        Assert.Equal("created at the target", File.ReadAllText(created));
        Assert.Equal(["created.csv", "dangling.csv", "link.csv", "target.csv"], Files());
    }

    [Fact]
    public void A_character_device_is_written_through_never_replaced()
    {
        if (OperatingSystem.IsWindows()) return;
        string device = Devices.Null(_dir);
        Assert.Equal(FileKind.Special, FileKinds.Of(device));
        AtomicFile.WriteText(device, w => w.Write("into the void"));
        Assert.Equal(FileKind.Special, FileKinds.Of(device));
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "analytics.analytics-*.tmp"));
    }

    [Fact]
    public async Task A_fifo_is_written_through_once_the_output_is_complete_and_stays_a_fifo()
    {
        if (OperatingSystem.IsWindows()) return;
        string fifo = In("fifo");
        using (Process mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        Task<string> reader = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.WriteText(fifo, w => w.Write("through the pipe"));
        Assert.Equal("through the pipe", await reader);
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        Assert.Equal(["fifo"], Files());
    }

    [Fact]
    public void Outputs_written_together_are_all_written_or_none()
    {
        string a = In("a.html"), b = In("b.csv");
        File.WriteAllText(a, "old a");

        // The body fails after a's write: a stays old.
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Together(() =>
        {
            AtomicFile.WriteText(a, w => w.Write("new a"));
            Assert.Equal("old a", File.ReadAllText(a));
            throw new InvalidOperationException("the second output fails");
        }));
        Assert.Equal("old a", File.ReadAllText(a));

        // The second output cannot be staged (its directory is a file): a stays old (issue 32: board --output --to-dataset).
        File.WriteAllText(In("file"), "x");
        var e = Assert.Throws<AnalyticsException>(() => AtomicFile.Together(() =>
        {
            AtomicFile.WriteText(a, w => w.Write("new a"));
            AtomicFile.WriteText(Path.Combine(In("file"), "b.csv"), w => w.Write("new b"));
        }));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Equal("old a", File.ReadAllText(a));

        Assert.Equal(7, AtomicFile.Together(() =>
        {
            AtomicFile.WriteText(a, w => w.Write("new a"));
            AtomicFile.WriteText(b, w => w.Write("first b"));
            AtomicFile.WriteText(b, w => w.Write("new b"));
            return 7;
        }));
        Assert.Equal("new a", File.ReadAllText(a));
        Assert.Equal("new b", File.ReadAllText(b));
        Assert.Equal(["a.html", "b.csv", "file"], Files());
    }
}

/// <summary>
/// <see cref="AtomicFile.RemovePending"/> removes every temporary file of the process, as Ctrl-C must: run beside other
/// tests it would remove theirs too (a command writing its --output failed with exit 2 when this ran meanwhile), so
/// this class runs alone, after the tests that run in parallel.
/// </summary>
[CollectionDefinition(nameof(AtomicFileInterruptTests), DisableParallelization = true)]
[Collection(nameof(AtomicFileInterruptTests))]
public sealed class AtomicFileInterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    private string[] Files() => [.. Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void A_replaced_file_keeps_its_permissions_and_pending_temporary_files_can_be_removed()
    {
        string a = In("out.csv");
        File.WriteAllText(a, "old");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(a, mode);

        // As on Ctrl-C: the temporary file is removed while being written; the write then fails and the old file stays.
        var e = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteText(a, w =>
        {
            w.Write("new");
            w.Flush();
            AtomicFile.RemovePending();
        }));
        Assert.DoesNotContain(".tmp", e.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(a));
        Assert.Equal(["out.csv"], Files());

        AtomicFile.WriteText(a, w => w.Write("newer"));
        Assert.Equal("newer", File.ReadAllText(a));
        if (!OperatingSystem.IsWindows()) Assert.Equal(mode, File.GetUnixFileMode(a));
    }
}
