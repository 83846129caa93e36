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
    public static TextReader OpenUtf8(string path) => new StringReader(Decode(path, ReadBytes(path)));

    /// <summary>
    /// The bytes of a file: a regular file, or a pipe or device read to its end (process substitution, /dev/stdin).
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, a directory or unreadable.</exception>
    public static byte[] ReadBytes(string path)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, null, "is a directory, not a file");
        if (!File.Exists(path)) throw new DataFormatException(path, 0, null, "file not found");
        try
        {
            if (FileKinds.Of(path) == FileKind.Regular) return File.ReadAllBytes(path);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DataFormatException(path, 0, null, e is UnauthorizedAccessException ? "permission denied" : e.Message, e);
        }
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

/// <summary>
/// A file read as checked UTF-8 text a buffer at a time, for files too large to hold (<see cref="TextFile.OpenUtf8"/>
/// holds the whole file): the same checks, bytes that are not UTF-8 and control characters are errors naming the
/// file and line. <see cref="Fraction"/> tells how much of the file has been read.
/// </summary>
internal sealed class StreamingTextFile : TextReader
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly byte[] _bytes = new byte[1 << 16];
    private int _start, _end;
    private long _offset;
    private int _line = 1;
    private bool _first = true;
    private bool _eof;

    /// <summary>The file's length in bytes when opened (−1 for a pipe): asked once, not at every series (a system call each).</summary>
    private readonly long _length;

    private StreamingTextFile(string path, FileStream stream)
    {
        _path = path;
        _stream = stream;
        _length = stream.CanSeek ? stream.Length : -1;
    }

    /// <summary>The share of the file's bytes read so far, 0 to 1 (0 for a pipe, whose length is unknown; at most 1 if the file grows).</summary>
    public double Fraction => _length < 0 ? 0 : _length == 0 ? 1 : Math.Min(1, (double)(_offset - (_end - _start)) / _length);

    /// <summary>Opens a file.</summary>
    /// <exception cref="DataFormatException">The file is missing or unreadable.</exception>
    public static StreamingTextFile Open(string path)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, null, "is a directory, not a file");
        if (!File.Exists(path)) throw new DataFormatException(path, 0, null, "file not found");
        try
        {
            return new StreamingTextFile(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, null, e is UnauthorizedAccessException ? "permission denied" : e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override int Peek() => throw new NotSupportedException();

    /// <inheritdoc/>
    public override int Read() => throw new NotSupportedException();

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.Length < 2) throw new ArgumentException("the buffer must hold at least two characters", nameof(buffer));
        while (true)
        {
            bool final = Fill();
            if (_first && _end - _start >= 3 && _bytes.AsSpan(_start, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start += 3;
            _first = false;
            System.Buffers.OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), buffer, out int read, out int written, replaceInvalidSequences: false, isFinalBlock: final);
            Check(buffer[..written]);
            long at = _offset - (_end - _start) + read;
            _start += read;
            if (status == System.Buffers.OperationStatus.InvalidData)
                throw new DataFormatException(_path, _line, null, $"not UTF-8 text (invalid byte 0x{_bytes[_start]:X2} at byte {at}); convert the file to UTF-8 first");
            if (written > 0 || final) return written;
        }
    }

    /// <summary>Reads more bytes when fewer than 4 KiB are left; true once the end of the file is in the buffer.</summary>
    private bool Fill()
    {
        if (_eof || _end - _start >= 4096) return _eof;
        Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
        _end -= _start;
        _start = 0;
        try
        {
            while (_end < _bytes.Length)
            {
                int n = _stream.Read(_bytes, _end, _bytes.Length - _end);
                if (n == 0)
                {
                    _eof = true;
                    break;
                }

                _end += n;
                _offset += n;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(_path, 0, null, e.Message, e);
        }

        return _eof;
    }

    private void Check(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c == '\n') _line++;
            else if (c < 0x20 && c is not ('\t' or '\r'))
                throw new DataFormatException(_path, _line, null, $"control character U+{(int)c:X4} (a data file holds text)");
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }
}
