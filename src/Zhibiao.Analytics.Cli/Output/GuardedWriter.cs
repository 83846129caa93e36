using System.Text;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>
/// Standard output for the commands: a write that fails (a full disk behind <c>&gt; /dev/full</c>, an I/O error) is one
/// user error, "standard output: cannot write: REASON" (exit 2), instead of an internal error. (A closed pipe, as
/// behind <c>| head</c>, is ignored by .NET's console.)
/// </summary>
internal sealed class GuardedWriter(TextWriter inner, string name) : TextWriter(inner.FormatProvider)
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        string text = buffer.ToString();
        Guard(() => inner.Write(text));
    }

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    public override string ToString() => inner.ToString() ?? "";

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new AnalyticsException($"{name}: cannot write: {e.Message}", e);
        }
    }
}
