using System.Runtime.InteropServices;

namespace Zhibiao.Analytics.Data;

/// <summary>What a path names, as <c>stat</c> tells: nothing, a regular file, a directory, a symbolic link, or another kind.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only from <see cref="FileKinds.OfLink"/>, which does not follow links).</summary>
    Link,

    /// <summary>A character or block device (<c>/dev/null</c>), a FIFO (named pipe, process substitution) or a socket.</summary>
    Special,
}

/// <summary>
/// The kind of file a path names. .NET reports devices, FIFOs and sockets as ordinary files, so the kind comes from
/// <c>stat</c>/<c>lstat</c> as the .NET runtime's own native shim (libSystem.Native, present wherever .NET runs on
/// Unix) exposes them; its status record starts with two 32-bit fields, flags and mode, and the mode's type bits
/// (S_IFMT) are POSIX's. On Windows, or should the shim not answer, a path that exists is taken as regular.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000, FifoBits = 0x1000, CharacterBits = 0x2000, DirectoryBits = 0x4000, BlockBits = 0x6000,
        RegularBits = 0x8000, LinkBits = 0xA000, SocketBits = 0xC000;

    private static bool _noShim = OperatingSystem.IsWindows();

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links (a dangling link is missing).</summary>
    public static FileKind Of(string path) => Kind(path, follow: true);

    /// <summary>The kind of <paramref name="path"/> itself: <see cref="FileKind.Link"/> for a symbolic link.</summary>
    public static FileKind OfLink(string path) => Kind(path, follow: false);

    private static FileKind Kind(string path, bool follow)
    {
        if (!_noShim)
        {
            // Larger than the runtime's status record (about 120 bytes) whatever its later fields.
            byte[] status = new byte[512];
            try
            {
                int result = follow ? Stat(path, status) : LStat(path, status);
                if (result != 0) return FileKind.Missing;
                return (BitConverter.ToInt32(status, 4) & TypeMask) switch
                {
                    RegularBits => FileKind.Regular,
                    DirectoryBits => FileKind.Directory,
                    LinkBits => FileKind.Link,
                    FifoBits or CharacterBits or BlockBits or SocketBits => FileKind.Special,
                    _ => FileKind.Special,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _noShim = true;
            }
        }

        if (Directory.Exists(path)) return FileKind.Directory;
        var info = new FileInfo(path);
        if (!follow && info.Exists && info.LinkTarget is not null) return FileKind.Link;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LStat(string path, [Out] byte[] status);
}
