using System.Globalization;

namespace Zhibiao.Analytics.Extraction;

/// <summary>A number read from the text with its magnitude, unit and the qualifier words inside and after it.</summary>
internal struct NumberToken
{
    /// <summary>First character of the number.</summary>
    public int Start;

    /// <summary>End (exclusive) of the number with its magnitude and unit: the fact's span.</summary>
    public int End;

    /// <summary>End (exclusive) including a qualifier word after the unit (以上, 左右).</summary>
    public int AfterEnd;

    /// <summary>The number as written, before the magnitude (4440 for 4440万亩).</summary>
    public double Written;

    /// <summary>Decimals written.</summary>
    public int Decimals;

    /// <summary>The magnitude word (万 for 4440万亩).</summary>
    public Magnitude Magnitude;

    /// <summary>The unit; null when only a magnitude is written (3300万) and the unit must come from the noun.</summary>
    public Unit? Unit;

    /// <summary>余 or 多 written inside the number (100余万人): more than.</summary>
    public Qualifier? Inside;

    /// <summary>The qualifier word after the unit, if any.</summary>
    public Qualifier? After;

    /// <summary>Written in Chinese numerals.</summary>
    public bool Chinese;

    /// <summary>0 for a single figure; 1 and 2 for the low and high ends of a range (5%—6%).</summary>
    public int Range;

    /// <summary>A growth whatever the words before it (翻一番 is a growth of 100 %).</summary>
    public bool Growth;

    /// <summary>A magnitude in words without a count (千亿元, 百万吨).</summary>
    public bool Words;
}

/// <summary>What <see cref="NumberScanner.Read"/> found at a position.</summary>
internal enum ScanKind
{
    /// <summary>Nothing that counts: a date, an ordinal, a name such as 5G or 十四五, or a number without a unit.</summary>
    None,

    /// <summary>One figure, or two for a range.</summary>
    Figures,

    /// <summary>A year (2024年).</summary>
    Year,

    /// <summary>A span of years (2021—2025年).</summary>
    YearRange,
}

/// <summary>
/// Reads one number at a position of the text: Arabic digits (4440, 2.37, 1,234, full-width digits) or Chinese
/// numerals (三, 两万亿, 百万), followed by 余/多, a magnitude word and a unit from <see cref="Units"/>. Each call looks
/// at a bounded window after the position and returns where scanning goes on, so a pass over a text is linear.
/// Years (2024年), dates (9月26日), ordinals (第一), designations (千万千瓦级, 5A, 6G) and numbers inside codes or URLs
/// are not figures.
/// </summary>
internal static class NumberScanner
{
    /// <summary>Longest Chinese numeral run considered (一千二百三十四万亿 fits).</summary>
    private const int MaxChineseRun = 12;

    /// <summary>Longest digit run read as a number; longer runs are codes.</summary>
    private const int MaxDigits = 15;

    /// <summary>
    /// Reads what starts at <paramref name="pos"/> (a digit or a Chinese numeral character) without looking at or past
    /// <paramref name="limit"/>. Figures are added to <paramref name="figures"/>; <paramref name="next"/> is where
    /// scanning continues (always after <paramref name="pos"/>).
    /// </summary>
    public static ScanKind Read(string text, int pos, int limit, List<NumberToken> figures, out int next, out int year, out int endYear)
    {
        year = endYear = 0;
        return Lexicon.IsDigit(text[pos])
            ? ReadArabic(text, pos, limit, figures, out next, out year, out endYear)
            : ReadChinese(text, pos, limit, figures, out next);
    }

    /// <summary>
    /// 翻番, 翻一番, 翻两番, 翻了一番 at <paramref name="pos"/> (a 翻): doubling n times is a growth of (2ⁿ − 1) × 100 %
    /// (翻一番 100 %, 翻两番 300 %). False when the text there is not one of these.
    /// </summary>
    public static bool ReadDoubling(string text, int pos, int limit, List<NumberToken> figures, out int next)
    {
        next = pos + 1;
        int p = pos + 1;
        if (p < limit && text[p] == '了') p++;
        int times = 1;
        if (p < limit && ChineseNumerals.DigitValue(text[p]) is >= 1 and <= 4 and var n)
        {
            times = n;
            p++;
        }
        else if (p < limit && Lexicon.IsDigit(text[p]) && Lexicon.DigitValue(text[p]) is >= 1 and <= 4 and var d)
        {
            times = d;
            p++;
        }
        else if (p == pos + 2)
        {
            return false;
        }

        if (p >= limit || text[p] != '番') return false;
        var token = new NumberToken
        {
            Start = pos, End = p + 1, Written = (Math.Pow(2, times) - 1) * 100, Magnitude = Magnitude.One, Unit = Units.Percent,
            Chinese = true, Growth = true,
        };
        Finish(text, limit, ref token);
        figures.Add(token);
        next = token.AfterEnd;
        return true;
    }

    private static ScanKind ReadArabic(string text, int pos, int limit, List<NumberToken> figures, out int next, out int year, out int endYear)
    {
        year = endYear = 0;
        int numEnd = ReadDigits(text, pos, limit, out double value, out int decimals, out int intDigits);
        next = numEnd;
        char prev = pos > 0 ? text[pos - 1] : '\0';
        if (char.IsAsciiLetter(prev) || prev is '/' or '=' or '_' or '#' or '&' or '?' or '%' or '\\' or '.' or '@' or '$')
        {
            next = SkipCode(text, numEnd, limit);
            return ScanKind.None;
        }

        if (intDigits > MaxDigits || prev == '第') return ScanKind.None;
        if (numEnd < limit && char.IsAsciiLetter(text[numEnd]))
        {
            next = SkipCode(text, numEnd, limit);
            return ScanKind.None;
        }

        if (decimals == 0 && intDigits == 4 && value is >= 1000 and <= 2999 && numEnd < limit)
        {
            if (text[numEnd] == '年')
            {
                year = (int)value;
                next = numEnd + 1;
                return ScanKind.Year;
            }

            int dash = SkipDashes(text, numEnd, limit);
            if (dash > numEnd && dash + 5 <= limit && text[dash + 4] == '年'
                && ReadDigits(text, dash, limit, out double to, out int d2, out int digits2) == dash + 4 && d2 == 0 && digits2 == 4 && to > value)
            {
                year = (int)value;
                endYear = (int)to;
                next = dash + 5;
                return ScanKind.YearRange;
            }
        }

        var token = new NumberToken { Start = pos, Written = value, Decimals = decimals, Magnitude = Magnitude.One };
        int p = numEnd;
        if (p + 1 < limit && ChineseNumerals.PlaceValue(text[p]) is > 0 and var place && text[p + 1] is '万' or '亿'
            && !(text[p] == '千' && Units.MatchPrefix(text.AsSpan(p, limit - p), out _) is not null))
        {
            // 9千亿元 is 9000亿元, 3百万 300万: a place word between the digits and the magnitude.
            token.Written = value * place;
            p++;
        }

        if (ReadUnit(text, ref p, limit, ref token, allowMagnitude: true) && !IsSessionName(text, token, limit))
        {
            Finish(text, limit, ref token);
            if (InQuotedName(text, token.Start, token.AfterEnd, limit))
            {
                next = token.AfterEnd;
                return ScanKind.None;
            }

            figures.Add(token);
            next = token.AfterEnd;
            TryRangeEnd(text, limit, figures, ref next);
            return ScanKind.Figures;
        }

        // A bare number may be the low end of a range whose unit is written once (5—6%).
        int q = SkipDashes(text, numEnd, limit);
        if (q > numEnd && q < limit && Lexicon.IsDigit(text[q]))
        {
            int end2 = ReadDigits(text, q, limit, out double high, out int dec2, out int int2);
            var second = new NumberToken { Start = q, Written = high, Decimals = dec2, Magnitude = Magnitude.One };
            int r = end2;
            if (int2 <= MaxDigits && ReadUnit(text, ref r, limit, ref second, allowMagnitude: true) && second.Unit is not null && high > value)
            {
                Finish(text, limit, ref second);
                token.End = token.AfterEnd = numEnd;
                token.Unit = second.Unit;
                token.Magnitude = second.Magnitude;
                token.Range = 1;
                second.Range = 2;
                figures.Add(token);
                figures.Add(second);
                next = second.AfterEnd;
                return ScanKind.Figures;
            }
        }

        return ScanKind.None;
    }

    /// <summary>After a figure with a unit: a dash and a second figure in the same unit make a range (5%—6%).</summary>
    private static void TryRangeEnd(string text, int limit, List<NumberToken> figures, ref int next)
    {
        NumberToken first = figures[^1];
        if (first.After is not null || first.Chinese) return;
        int q = SkipDashes(text, first.End, limit);
        if (q == first.End || q >= limit || !Lexicon.IsDigit(text[q])) return;
        int end2 = ReadDigits(text, q, limit, out double high, out int dec2, out int int2);
        if (int2 > MaxDigits || high <= first.Written) return;
        var second = new NumberToken { Start = q, Written = high, Decimals = dec2, Magnitude = Magnitude.One };
        int r = end2;
        if (!ReadUnit(text, ref r, limit, ref second, allowMagnitude: true) || second.Unit != first.Unit || second.Magnitude != first.Magnitude) return;
        Finish(text, limit, ref second);
        first.Range = 1;
        second.Range = 2;
        figures[^1] = first;
        figures.Add(second);
        next = second.AfterEnd;
    }

    private static ScanKind ReadChinese(string text, int pos, int limit, List<NumberToken> figures, out int next)
    {
        int runEnd = pos;
        while (runEnd < limit && runEnd - pos < MaxChineseRun && ChineseNumerals.IsNumeralChar(text[runEnd])) runEnd++;
        next = runEnd;
        if (pos > 0 && text[pos - 1] == '第') return ScanKind.None;

        // The longest well-formed numeral followed by a unit wins: 千万千瓦 is 千万 + 千瓦, not 千万千 + 瓦.
        for (int end = runEnd; end > pos; end--)
        {
            if (!TryChinese(text, pos, end, limit, out NumberToken token)) continue;
            figures.Add(token);
            next = token.AfterEnd;
            return ScanKind.Figures;
        }

        return ScanKind.None;
    }

    private static bool TryChinese(string text, int start, int end, int limit, out NumberToken token)
    {
        token = new NumberToken { Start = start, Chinese = true, Magnitude = Magnitude.One };
        ReadOnlySpan<char> run = text.AsSpan(start, end - start);
        if (run is "一" && end < limit && text[end] == '半')
        {
            // 一半 is half: 50 %.
            token.Written = 50;
            token.Unit = Units.Percent;
            token.End = end + 1;
            return FinishChinese(text, limit, ref token);
        }

        Magnitude magnitude = Magnitude.One;
        ReadOnlySpan<char> numeral = run;
        int written;
        bool wordsOnly = false;
        if (run is "百万" or "千万")
        {
            magnitude = run is "百万" ? Magnitude.BaiWan : Magnitude.QianWan;
            written = 1;
            wordsOnly = true;
        }
        else
        {
            if (run.EndsWith("万亿")) magnitude = Magnitude.WanYi;
            else if (run.EndsWith("亿")) magnitude = Magnitude.Yi;
            else if (run.EndsWith("万")) magnitude = Magnitude.Wan;
            numeral = run[..^magnitude.Symbol.Length];
            if (magnitude != Magnitude.One && (numeral.IsEmpty ? magnitude == Magnitude.WanYi : numeral is "十" or "百" or "千"))
            {
                // A magnitude in words (千亿元, 百亿, 十万, 万亿元): ten, a hundred or a thousand of it, or one 万亿.
                written = numeral.IsEmpty ? 1 : ChineseNumerals.PlaceValue(numeral[0]);
                wordsOnly = true;
            }
            else if (ChineseNumerals.Parse(numeral) is { } n)
            {
                written = n;
            }
            else
            {
                return false;
            }
        }

        // 两个千亿元台阶, 三个百亿级产业: a magnitude in words counted by a measure word names a class, not an amount; so
        // does one in a rate (0.6人/百亿元).
        if (wordsOnly && start >= 1 && (text[start - 1] == '/'
            || (start >= 2 && text[start - 1] is '个' or '项' or '批' or '家' && (ChineseNumerals.IsNumeralChar(text[start - 2]) || Lexicon.IsDigit(text[start - 2])))))
            return false;

        token.Written = written;
        token.Magnitude = magnitude;
        token.Words = wordsOnly;
        int p = end;
        if (magnitude == Magnitude.One && p < limit && text[p] == '成' && written <= 10)
        {
            // 九成 is nine tenths: 90 %.
            token.Written = written * 10;
            token.Unit = Units.Percent;
            token.End = p + 1;
            return FinishChinese(text, limit, ref token);
        }

        if (!ReadUnit(text, ref p, limit, ref token, allowMagnitude: magnitude == Magnitude.One) || token.Unit is null) return false;

        // A magnitude in words before a noun names a programme or a class (千亿斤粮食产能, 百万亩造林工程), unless it is a
        // capacity (年产百万吨) or a threshold passed (突破百万吨大关).
        if (wordsOnly && WordsFollow(text, token.End, limit) && !AfterCapacity(text, start)) return false;

        // A plain 一 before a measure word is the article "a" (最初一公里, 一个中国), not a count; 一倍, 一个百分点 are figures.
        if (written == 1 && token.Magnitude == Magnitude.One && numeral is "一"
            && token.Unit != Units.Times && token.Unit != Units.PercentagePoint && token.Unit != Units.Percent) return false;
        return FinishChinese(text, limit, ref token);
    }

    /// <summary>Whether words follow a figure at <paramref name="end"/> (not a qualifier, 的, a threshold noun or punctuation).</summary>
    private static bool WordsFollow(string text, int end, int limit)
    {
        if (end >= limit || !Lexicon.IsIdeograph(text[end])) return false;
        ReadOnlySpan<char> after = text.AsSpan(end, Math.Min(2, limit - end));
        return Lexicon.QualifierAfter.AtStart(after) is null && after[0] != '的' && !after.StartsWith("大关") && !after.StartsWith("台阶")
            && !after.StartsWith("关口") && !after.StartsWith("规模");
    }

    /// <summary>
    /// Whether a count of 个 counts steps of an amount in words (跨越3个千亿元台阶, 连续跨过3个万亿元大关): a manner of
    /// speaking of the level reached, as 两个千亿元台阶 is, not a number of things.
    /// </summary>
    private static bool IsStepCount(string text, int end, int limit)
    {
        int p = end;
        // The amount of the step: in words (千亿元, 五千亿元) or in digits (5000亿元).
        while (p < limit && p - end < 8 && (ChineseNumerals.IsNumeralChar(text[p]) || Lexicon.IsDigit(text[p]) || text[p] is '.' or '．')) p++;
        if (p == end) return false;
        if (Units.MatchPrefix(text.AsSpan(p, limit - p), out int length) is not null) p += length;
        return IsStep(text, p, limit);
    }

    /// <summary>Whether a step or a mark (台阶, 大关, 关口; after an optional 级) starts at <paramref name="p"/>.</summary>
    private static bool IsStep(string text, int p, int limit)
    {
        if (p < limit && text[p] == '级') p++;
        ReadOnlySpan<char> rest = text.AsSpan(p, Math.Min(2, limit - p));
        return rest.StartsWith("台阶") || rest.StartsWith("大关") || rest.StartsWith("关口");
    }

    /// <summary>
    /// Whether an amount counted by a count and 个 names a step (连跨两个五千亿元台阶, 跨过3个5000亿元大关): the size of
    /// each step, not an amount reached, as 两个千亿元台阶 is.
    /// </summary>
    private static bool IsCountedStep(string text, int start, int end, int limit) =>
        start >= 2 && text[start - 1] == '个' && (ChineseNumerals.IsNumeralChar(text[start - 2]) || Lexicon.IsDigit(text[start - 2])) && IsStep(text, end, limit);

    /// <summary>Whether a capacity word (年产, 年处理) stands right before <paramref name="start"/>.</summary>
    private static bool AfterCapacity(string text, int start) =>
        Lexicon.CapacityWords.AtEnd(text.AsSpan(Math.Max(0, start - 4), Math.Min(4, start))) is not null;

    /// <summary>
    /// Small counts in Chinese numerals followed by a noun are designations, not figures (五项原则, 十件民生实事, 两个确立,
    /// 千家万户): without a magnitude word, a Chinese figure must end its phrase.
    /// </summary>
    private static bool FinishChinese(string text, int limit, ref NumberToken token)
    {
        if (token.End < limit && text[token.End] == '级') return false;
        Finish(text, limit, ref token);
        if (IsSessionName(text, token, limit)) return false;
        // Counts of events are figures before the words of the event (两次下调存款准备金率, 连续两届举办).
        bool events = token.Unit?.Symbol is "次" or "届";
        if (token.Magnitude == Magnitude.One && !events && token.AfterEnd < limit && Lexicon.IsIdeograph(text[token.AfterEnd])) return false;
        // Before a closing quote it ends a name (“八站两场”, “五个一”), not a phrase.
        if (token.Magnitude == Magnitude.One && token.AfterEnd < limit && text[token.AfterEnd] == '”') return false;
        return !InQuotedName(text, token.Start, token.AfterEnd, limit);
    }

    /// <summary>Longest stretch of a quoted name on either side of a figure in it (“稳经济12条”, 稳经济“30条”).</summary>
    private const int MaxQuotedName = 10;

    /// <summary>
    /// Whether the figure [<paramref name="start"/>, <paramref name="afterEnd"/>) stands inside a short quoted name — an
    /// opening quote before it and a closing one after it, each within <see cref="MaxQuotedName"/> characters and with no
    /// pause or other quote between (“稳经济12条”, “双20条”政策, “1个中心3个基地”): the name of a policy or a plan, not a figure.
    /// </summary>
    private static bool InQuotedName(string text, int start, int afterEnd, int limit)
    {
        bool opened = false;
        for (int i = start - 1; i >= 0 && start - i <= MaxQuotedName; i--)
        {
            char c = text[i];
            if (c == '“')
            {
                opened = true;
                break;
            }

            if (c is '”' or '，' or '。' or '；' or '：' or '\n' or '！' or '？') return false;
        }

        if (!opened) return false;
        for (int i = afterEnd; i < limit && i - afterEnd < MaxQuotedName; i++)
        {
            char c = text[i];
            if (c == '”') return true;
            if (c is '“' or '，' or '。' or '；' or '：' or '\n' or '！' or '？') return false;
        }

        return false;
    }

    /// <summary>
    /// A count of 次 or 届 that names a session or a congress (二十届四中全会, 人大三次会议, 十一届十次全会) or the three
    /// sectors (三次产业), not a number of events.
    /// </summary>
    private static bool IsSessionName(string text, NumberToken token, int limit)
    {
        if (token.Unit?.Symbol is not ("次" or "届")) return false;
        int p = token.End;
        if (p < limit && (ChineseNumerals.IsNumeralChar(text[p]) || Lexicon.IsDigit(text[p]) || text[p] == '历')) return true;
        if (Lexicon.SessionWords.AtStart(text.AsSpan(p, limit - p)) is not null) return true;
        ReadOnlySpan<char> before = text.AsSpan(Math.Max(0, token.Start - 2), Math.Min(2, token.Start));
        // 近十届, 前两次, 本届: which sessions, not how many.
        return before.EndsWith("届") || before.EndsWith("党的")
            || (before.Length > 0 && before[^1] is '近' or '前' or '后' or '上' or '下' or '本' or '历' or '这' or '那' or '每' or '该');
    }

    /// <summary>
    /// Reads [余|多] [magnitude] [余|多] unit after a number. A whole unit wins over a magnitude split (千瓦 is a unit,
    /// not 千 × 瓦). A magnitude without a unit (3300万) is kept for 万, 亿 and 万亿 with a null unit. A unit followed by 级
    /// is a designation (千万千瓦级, 百万吨级), and one followed by a Latin letter or digit belongs to a code (%E5); 个月 is a
    /// length of time (连续13个月), not a count, 台阶 a step (迈上5万亿台阶), not machines, and an age before a noun a class of people (<see cref="IsAgeClass"/>).
    /// </summary>
    private static bool ReadUnit(string text, ref int pos, int limit, ref NumberToken token, bool allowMagnitude)
    {
        int q = pos;
        if (q < limit && text[q] is '余' or '多')
        {
            token.Inside = Qualifier.MoreThan;
            q++;
        }

        Unit? unit = Units.MatchPrefix(text.AsSpan(q, limit - q), out int unitLength);
        int end;
        if (unit is not null)
        {
            end = q + unitLength;
        }
        else if (allowMagnitude && Magnitude.MatchChinesePrefix(text.AsSpan(q, limit - q), out int magLength) is { } magnitude)
        {
            int r = q + magLength;
            if (r < limit && text[r] is '余' or '多' && token.Inside is null)
            {
                token.Inside = Qualifier.MoreThan;
                r++;
            }

            unit = Units.MatchPrefix(text.AsSpan(r, limit - r), out unitLength);
            if (unit is null && magnitude != Magnitude.Wan && magnitude != Magnitude.Yi && magnitude != Magnitude.WanYi) return false;
            token.Magnitude = magnitude;
            end = r + unitLength;
        }
        else
        {
            return false;
        }

        if (end < limit && (text[end] == '级' || char.IsAsciiLetterOrDigit(text[end]))) return false;
        if (unit == Units.Item && end < limit && text[end] == '月') return false;
        if (unit == Units.Machine && end < limit && text[end] == '阶') return false;
        if (unit == Units.Item && IsStepCount(text, end, limit)) return false;
        if (unit is not null && unit != Units.Item && IsCountedStep(text, token.Start, end, limit)) return false;
        if (unit?.Symbol == "岁" && IsAgeClass(text, end, limit)) return false;
        if (unit is null && end < limit && Lexicon.IsIdeograph(text[end]) && text[end] is not ('的' or '以' or '左' or '上')) return false;
        token.Unit = unit;
        token.End = end;
        pos = end;
        return true;
    }

    /// <summary>
    /// An age before a noun names a class of people (3岁以下婴幼儿, 65岁及以上老年人, 15岁以上人口), not a figure; an age
    /// that ends its phrase (人均预期寿命达到79.5岁, 提高1岁以上) or is followed by a verb of change or level (从82.4岁提升至83.9岁)
    /// is one.
    /// </summary>
    private static bool IsAgeClass(string text, int end, int limit)
    {
        int p = end;
        if (p < limit && text[p] == '及') p++;
        if (Lexicon.StartsWithAny(text.AsSpan(p, Math.Min(limit - p, 2)), Lexicon.QualifierAfter) is { } word) p += word.Length;
        if (p >= limit || !Lexicon.IsIdeograph(text[p])) return false;
        ReadOnlySpan<char> after = text.AsSpan(p, Math.Min(limit - p, 4));
        return Lexicon.IncreaseVerbs.AtStart(after) is null && Lexicon.DecreaseVerbs.AtStart(after) is null && Lexicon.LevelLinks.AtStart(after) is null;
    }

    /// <summary>Reads a qualifier word after the unit (以上, 左右) and sets <see cref="NumberToken.AfterEnd"/>.</summary>
    private static void Finish(string text, int limit, ref NumberToken token)
    {
        token.AfterEnd = token.End;
        if (Lexicon.StartsWithAny(text.AsSpan(token.End, Math.Min(limit - token.End, 2)), Lexicon.QualifierAfter) is { } word)
        {
            token.After = Qualifiers.FromChineseWord(word);
            token.AfterEnd = token.End + word.Length;
        }
    }

    /// <summary>
    /// Digits with optional thousands separators (1,234) and decimals (2.37); full-width digits count. Returns the end
    /// of the number; the value is parsed invariantly.
    /// </summary>
    private static int ReadDigits(string text, int pos, int limit, out double value, out int decimals, out int intDigits)
    {
        Span<char> buffer = stackalloc char[40];
        int n = 0, p = pos;
        intDigits = 0;
        decimals = 0;
        while (p < limit)
        {
            char c = text[p];
            if (Lexicon.IsDigit(c))
            {
                if (n < buffer.Length - 2) buffer[n++] = (char)('0' + Lexicon.DigitValue(c));
                intDigits++;
                p++;
            }
            else if (c == ',' && intDigits is > 0 and <= 3 + (3 * 4) && p + 3 < limit + 1 && IsGroup(text, p + 1, limit))
            {
                p++;
            }
            else
            {
                break;
            }
        }

        if (p + 1 < limit && text[p] is '.' or '．' && Lexicon.IsDigit(text[p + 1]))
        {
            if (n < buffer.Length - 1) buffer[n++] = '.';
            p++;
            while (p < limit && Lexicon.IsDigit(text[p]))
            {
                if (n < buffer.Length) buffer[n++] = (char)('0' + Lexicon.DigitValue(text[p]));
                decimals++;
                p++;
            }
        }

        if (intDigits > MaxDigits || decimals > 15 || !double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            intDigits = Math.Max(intDigits, MaxDigits + 1);
        }

        return p;
    }

    /// <summary>Three digits and then no digit: a thousands group after a comma.</summary>
    private static bool IsGroup(string text, int p, int limit) =>
        p + 3 <= limit && Lexicon.IsDigit(text[p]) && Lexicon.IsDigit(text[p + 1]) && Lexicon.IsDigit(text[p + 2])
        && (p + 3 == limit || !Lexicon.IsDigit(text[p + 3]));

    /// <summary>Skips one or two range dashes (— or ——, 至, 到).</summary>
    private static int SkipDashes(string text, int pos, int limit)
    {
        int p = pos;
        while (p < limit && p - pos < 2 && Lexicon.IsRangeDash(text[p])) p++;
        return p;
    }

    /// <summary>Skips the rest of a code or name made of Latin letters, digits and dots (PM2.5, C919, 99bc4b0).</summary>
    private static int SkipCode(string text, int pos, int limit)
    {
        int p = pos;
        while (p < limit && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '.' or '_' or '%' or '-' or '/')) p++;
        return p;
    }
}
