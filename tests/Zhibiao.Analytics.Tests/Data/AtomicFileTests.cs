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
}
