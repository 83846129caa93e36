using System.Text;

namespace Zhibiao.Analytics.Data;

/// <summary>
/// Reads a data file as UTF-8 text, checked: bytes that are not UTF-8 and control characters (NUL and the others
/// below U+0020 except tab, carriage return and line feed) are errors naming the file and line. A leading byte-order
/// mark is dropped.
/// </summary>
internal static class TextFile
{
    /// <summary>The checked text of a file, as a reader.</summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable, not UTF-8 or holds a control character.</exception>
    public static TextReader OpenUtf8(string path)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, null, "is a directory, not a file");
        if (!File.Exists(path)) throw new DataFormatException(path, 0, null, "file not found");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, null, e is UnauthorizedAccessException ? "permission denied" : e.Message, e);
        }

        return new StringReader(Decode(path, bytes));
    }

    /// <summary>The checked text of <paramref name="bytes"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">The bytes are not UTF-8 or hold a control character.</exception>
    public static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        int line = 1;
        for (int i = 0; i < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out System.Text.Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
                throw new DataFormatException(path, line, null, $"not UTF-8 text (invalid byte 0x{bytes[i]:X2} at byte {i}); convert the file to UTF-8 first");
            if (rune.Value == '\n') line++;
            else if (rune.Value < 0x20 && rune.Value is not ('\t' or '\r'))
                throw new DataFormatException(path, line, null, $"control character U+{rune.Value:X4} at byte {i} (a data file holds text)");
            i += consumed;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A short excerpt of a value for an error message: at most 60 characters, then "…".</summary>
    public static string Excerpt(ReadOnlySpan<char> value) => value.Length <= 60 ? value.ToString() : string.Concat(value[..60], "…");
}
