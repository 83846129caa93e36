using System.Diagnostics;

namespace Zhibiao.Analytics.Tests;

/// <summary>
/// A character device for tests that write to one. As root, a copy of /dev/null (c 1 3) made with mknod in the test's
/// directory, so that a regression that replaces the device replaces the copy, not the machine's /dev/null; otherwise
/// (no root, or a directory that refuses devices) the machine's, which a user cannot replace.
/// </summary>
internal static class Devices
{
    public static string Null(string dir) => Make(dir, "null", "1", "3", "/dev/null");

    private static string Make(string dir, string name, string major, string minor, string machine)
    {
        string path = Path.Combine(dir, name);
        try
        {
            using Process mknod = Process.Start("mknod", ["-m", "666", path, "c", major, minor]);
            mknod.WaitForExit();
            if (mknod.ExitCode != 0) return machine;
            using (new FileStream(path, FileMode.Open, FileAccess.Write))
            {
            }

            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            if (File.Exists(path)) File.Delete(path);
            return machine;
        }
    }
}
