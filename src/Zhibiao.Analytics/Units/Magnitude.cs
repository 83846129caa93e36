namespace Zhibiao.Analytics;

/// <summary>
/// A magnitude word written before a unit: 万 (1e4), 亿 (1e8), 万亿 (1e12), 千 (1e3), 百万 (1e6), 千万 (1e7), or the
/// English thousand, million, billion. A value is stored in the plain unit; the magnitude only says how it was
/// written (3.2亿人次 is 3.2e8 人次 written with 亿).
/// </summary>
/// <param name="Symbol">The word as written; empty for no magnitude.</param>
/// <param name="Factor">The power of ten the word stands for.</param>
/// <param name="IsEnglish">Whether the word is English (written with a space before the unit).</param>
public sealed record Magnitude(string Symbol, double Factor, bool IsEnglish = false)
{
    /// <summary>No magnitude word: the factor 1.</summary>
    public static readonly Magnitude One = new("", 1);

    /// <summary>千, 1e3.</summary>
    public static readonly Magnitude Qian = new("千", 1e3);

    /// <summary>万, 1e4.</summary>
    public static readonly Magnitude Wan = new("万", 1e4);

    /// <summary>十万, 1e5.</summary>
    public static readonly Magnitude ShiWan = new("十万", 1e5);

    /// <summary>百万, 1e6.</summary>
    public static readonly Magnitude BaiWan = new("百万", 1e6);

    /// <summary>千万, 1e7.</summary>
    public static readonly Magnitude QianWan = new("千万", 1e7);

    /// <summary>亿, 1e8.</summary>
    public static readonly Magnitude Yi = new("亿", 1e8);

    /// <summary>万亿, 1e12.</summary>
    public static readonly Magnitude WanYi = new("万亿", 1e12);

    /// <summary>English thousand, 1e3.</summary>
    public static readonly Magnitude Thousand = new("thousand", 1e3, IsEnglish: true);

    /// <summary>English million, 1e6.</summary>
    public static readonly Magnitude Million = new("million", 1e6, IsEnglish: true);

    /// <summary>English billion, 1e9.</summary>
    public static readonly Magnitude Billion = new("billion", 1e9, IsEnglish: true);

    /// <summary>Every known magnitude, longest symbol first (so 万亿 is found before 亿).</summary>
    public static IReadOnlyList<Magnitude> All { get; } =
        new[] { WanYi, QianWan, BaiWan, ShiWan, Wan, Yi, Qian, Thousand, Million, Billion }
            .OrderByDescending(m => m.Symbol.Length).ToArray();

    /// <summary>The magnitude with the given symbol, or null.</summary>
    public static Magnitude? Find(ReadOnlySpan<char> symbol)
    {
        foreach (Magnitude m in All)
            if (symbol.Equals(m.Symbol, StringComparison.OrdinalIgnoreCase)) return m;
        return symbol.IsEmpty ? One : null;
    }

    /// <summary>
    /// The longest Chinese magnitude word at the start of <paramref name="text"/> (万亿 before 万, 千万 before 千), for
    /// scanners; <paramref name="length"/> is its length, 0 when there is none.
    /// </summary>
    public static Magnitude? MatchChinesePrefix(ReadOnlySpan<char> text, out int length)
    {
        foreach (Magnitude m in All)
        {
            if (m.IsEnglish || !text.StartsWith(m.Symbol, StringComparison.Ordinal)) continue;
            length = m.Symbol.Length;
            return m;
        }

        length = 0;
        return null;
    }

    /// <summary>
    /// The magnitude a reader expects for a value: 万亿, 亿 or 万 for Chinese writing (from 1e4 up), thousand, million
    /// or billion for English; none below that.
    /// </summary>
    public static Magnitude Natural(double value, bool english)
    {
        double a = Math.Abs(value);
        if (english) return a >= 1e9 ? Billion : a >= 1e6 ? Million : a >= 1e4 ? Thousand : One;
        return a >= 1e12 ? WanYi : a >= 1e8 ? Yi : a >= 1e4 ? Wan : One;
    }

    /// <summary>The symbol.</summary>
    public override string ToString() => Symbol;
}
