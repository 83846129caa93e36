namespace Zhibiao.Analytics;

/// <summary>
/// How a reported figure relates to the true value. Chinese report words:
/// 以上 / 不低于 = at least; 突破 / 超过 / 超 / 余 / 多 / 逾 = more than; 以内 / 不超过 / 以下 = at most;
/// 左右 / 约 = approximately; 近 / 接近 = nearly (slightly below). Also read: 不少于 (at least), 不到 / 不足 (at most),
/// 大约 / 上下 (approximately), 将近 (nearly).
/// </summary>
public enum Qualifier
{
    /// <summary>The figure is the value (up to rounding).</summary>
    Exact,

    /// <summary>The value is the figure or more (以上, 不低于).</summary>
    AtLeast,

    /// <summary>The value exceeds the figure (突破, 超过, 余, 多, 逾): "突破3亿" is more than 3亿.</summary>
    MoreThan,

    /// <summary>The value is the figure or less (以内, 不超过, 以下).</summary>
    AtMost,

    /// <summary>The value is about the figure (左右, 约).</summary>
    Approx,

    /// <summary>The value is slightly below the figure (近, 接近).</summary>
    Nearly,
}

/// <summary>Tokens, words and arithmetic of <see cref="Qualifier"/>.</summary>
internal static class Qualifiers
{
    private static readonly (string Word, Qualifier Qualifier)[] ChineseWords =
    [
        ("以上", Qualifier.AtLeast), ("不低于", Qualifier.AtLeast), ("不少于", Qualifier.AtLeast),
        ("突破", Qualifier.MoreThan), ("超过", Qualifier.MoreThan), ("超", Qualifier.MoreThan), ("余", Qualifier.MoreThan),
        ("多", Qualifier.MoreThan), ("逾", Qualifier.MoreThan),
        ("以内", Qualifier.AtMost), ("不超过", Qualifier.AtMost), ("以下", Qualifier.AtMost),
        ("不到", Qualifier.AtMost), ("不足", Qualifier.AtMost),
        ("左右", Qualifier.Approx), ("约", Qualifier.Approx), ("大约", Qualifier.Approx), ("上下", Qualifier.Approx),
        ("近", Qualifier.Nearly), ("接近", Qualifier.Nearly), ("将近", Qualifier.Nearly),
    ];

    /// <summary>The snake-case token used in files: exact, at_least, more_than, at_most, approx, nearly.</summary>
    public static string ToToken(this Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => "exact",
        Qualifier.AtLeast => "at_least",
        Qualifier.MoreThan => "more_than",
        Qualifier.AtMost => "at_most",
        Qualifier.Approx => "approx",
        Qualifier.Nearly => "nearly",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "unknown qualifier"),
    };

    /// <summary>A short sign for tables: "" (exact), "≥", "&gt;", "≤", "≈", "&lt;~" (nearly).</summary>
    public static string ToSign(this Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => "",
        Qualifier.AtLeast => "≥",
        Qualifier.MoreThan => ">",
        Qualifier.AtMost => "≤",
        Qualifier.Approx => "≈",
        Qualifier.Nearly => "<~",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "unknown qualifier"),
    };

    /// <summary>English words: "more than", "nearly" …; empty for exact.</summary>
    public static string ToWords(this Qualifier qualifier) => qualifier switch
    {
        Qualifier.Exact => "",
        Qualifier.AtLeast => "at least",
        Qualifier.MoreThan => "more than",
        Qualifier.AtMost => "at most",
        Qualifier.Approx => "about",
        Qualifier.Nearly => "nearly",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "unknown qualifier"),
    };

    /// <summary>Parses a token (exact, at_least, more_than, at_most, approx, nearly; empty means exact).</summary>
    /// <exception cref="FormatException">Not a qualifier token; the message lists them.</exception>
    public static Qualifier Parse(string token) => token.Trim() switch
    {
        "" or "exact" => Qualifier.Exact,
        "at_least" => Qualifier.AtLeast,
        "more_than" => Qualifier.MoreThan,
        "at_most" => Qualifier.AtMost,
        "approx" => Qualifier.Approx,
        "nearly" => Qualifier.Nearly,
        _ => throw new FormatException($"unknown qualifier '{token}' (known: exact, at_least, more_than, at_most, approx, nearly)"),
    };

    /// <summary>The qualifier a Chinese word expresses (突破 → more than, 以上 → at least), or null.</summary>
    public static Qualifier? FromChineseWord(string word)
    {
        foreach ((string w, Qualifier q) in ChineseWords)
            if (string.Equals(w, word, StringComparison.Ordinal)) return q;
        return null;
    }

    /// <summary>The Chinese qualifier words and what they mean, for scanners.</summary>
    public static IReadOnlyList<(string Word, Qualifier Qualifier)> Words => ChineseWords;

    /// <summary>
    /// The qualifier of f(x) when x has this qualifier and f decreases: the true value above the figure puts f below
    /// its face value (more than ↔ at most, at least ↔ at most, nearly ↔ more than).
    /// </summary>
    public static Qualifier Flip(this Qualifier qualifier) => qualifier switch
    {
        Qualifier.AtLeast or Qualifier.MoreThan => Qualifier.AtMost,
        Qualifier.AtMost => Qualifier.AtLeast,
        Qualifier.Nearly => Qualifier.MoreThan,
        _ => qualifier,
    };

    /// <summary>Which side of the face value the truth lies: +1 above, −1 below, 0 unknown or exact.</summary>
    public static int Side(this Qualifier qualifier) => qualifier switch
    {
        Qualifier.AtLeast or Qualifier.MoreThan => 1,
        Qualifier.AtMost or Qualifier.Nearly => -1,
        _ => 0,
    };

    /// <summary>
    /// The qualifier of f(a, b) where f increases in a (qualifier <paramref name="increasing"/>) and decreases in b
    /// (qualifier <paramref name="decreasing"/>): both pushing the same way keep it; opposite pushes give approx.
    /// </summary>
    public static Qualifier Combine(Qualifier increasing, Qualifier decreasing)
    {
        if (increasing is Qualifier.Approx || decreasing is Qualifier.Approx) return Qualifier.Approx;
        int up = increasing.Side();
        int down = -decreasing.Side();
        if (up != 0 && down != 0 && up != down) return Qualifier.Approx;
        return (up != 0 ? up : down) switch
        {
            > 0 => Qualifier.MoreThan,
            < 0 => Qualifier.AtMost,
            _ => Qualifier.Exact,
        };
    }
}
