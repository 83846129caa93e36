using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

public class AtomicFileTests
{
    [Fact]
    public void A_failure_while_writing_leaves_every_old_file_whole_and_no_temporary_file()
    {
        string dir = Directory.CreateTempSubdirectory("atomic-").FullName;
        try
        {
            string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv");
            File.WriteAllText(a, "old a");
            File.WriteAllText(b, "old b");
            Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteAll(
            [
                (a, temp => File.WriteAllText(temp, "new a")),
                (b, _ => throw new InvalidOperationException("disk full")),
            ]));
            Assert.Equal("old a", File.ReadAllText(a));
            Assert.Equal("old b", File.ReadAllText(b));
            Assert.Equal(2, Directory.GetFiles(dir).Length);

            AtomicFile.WriteText(a, w => w.Write("新 a"));
            AtomicFile.WriteBytes(b, [1, 2, 3]);
            Assert.Equal("新 a", File.ReadAllText(a));
            Assert.Equal([1, 2, 3], File.ReadAllBytes(b));
            Assert.Equal(0xE6, File.ReadAllBytes(a)[0]); // UTF-8 without a byte-order mark
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_file_that_cannot_be_replaced_restores_the_ones_already_replaced_and_names_the_file()
    {
        string dir = Directory.CreateTempSubdirectory("atomic-").FullName;
        try
        {
            string a = Path.Combine(dir, "observations.csv"), b = Path.Combine(dir, "targets.csv");
            File.WriteAllText(a, "old a");
            File.WriteAllText(b, "old b");

            // targets.csv becomes a directory after it was staged: observations.csv is replaced first, then targets.csv fails.
            var e = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteAll(
            [
                (a, temp => File.WriteAllText(temp, "new a")),
                (b, temp =>
                {
                    File.WriteAllText(temp, "new b");
                    File.Delete(b);
                    Directory.CreateDirectory(b);
                }),
            ]));
            Assert.StartsWith(b + ": is a directory", e.Message, StringComparison.Ordinal);
            Assert.Contains("no file was changed", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", e.Message, StringComparison.Ordinal);
            Assert.Equal("old a", File.ReadAllText(a));
            Assert.Equal([a], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_directory_or_a_missing_directory_is_one_error_naming_the_path_given()
    {
        string dir = Directory.CreateTempSubdirectory("atomic-").FullName;
        try
        {
            var isDirectory = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteText(dir, w => w.Write("x")));
            Assert.Equal($"{dir}: is a directory, not a file", isDirectory.Message);
            string missing = Path.Combine(dir, "nodir", "out.csv");
            var noDirectory = Assert.Throws<AnalyticsException>(() => AtomicFile.WriteText(missing, w => w.Write("x")));
            Assert.Equal($"{missing}: the directory {Path.Combine(dir, "nodir")} does not exist", noDirectory.Message);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Temporary_files_of_a_process_that_no_longer_runs_are_removed_by_the_next_write()
    {
        string dir = Directory.CreateTempSubdirectory("atomic-").FullName;
        try
        {
            string a = Path.Combine(dir, "out.csv");
            File.WriteAllText(a + ".999999999.tmp", "left by a killed run");
            File.WriteAllText(a + ".notapid.tmp", "someone else's");
            AtomicFile.WriteText(a, w => w.Write("new"));
            Assert.Equal([a, a + ".notapid.tmp"], Directory.GetFiles(dir).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions_and_pending_temporary_files_can_be_removed()
    {
        string dir = Directory.CreateTempSubdirectory("atomic-").FullName;
        try
        {
            string a = Path.Combine(dir, "out.csv");
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
            Assert.Equal([a], Directory.GetFiles(dir));

            AtomicFile.WriteText(a, w => w.Write("newer"));
            Assert.Equal("newer", File.ReadAllText(a));
            if (!OperatingSystem.IsWindows()) Assert.Equal(mode, File.GetUnixFileMode(a));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
