namespace Zhibiao.Analytics.Extraction;

/// <summary>The subject of a figure: the noun before it, the counted noun after it, or what the sentence spoke of before.</summary>
internal sealed partial class SentenceReader
{
    /// <summary>The subject of a figure from the words before it and the sentence so far.</summary>
    private string Resolve(WordsBefore a, Item? lastFact, out bool totalOfPrevious)
    {
        totalOfPrevious = false;
        string core = a.Core;
        string? previous = lastFact?.Subject;
        if (core.Length == 0)
        {
            if (a.Reach is { } reach && previous is not null) return previous + reach;
            // Nothing before but a verb (投入60亿元办好…): the verb names what the amount is.
            return previous ?? _subject.Topic ?? a.CoreWithVerbs;
        }

        if (core[0] == '占') return (previous ?? _subject.Topic ?? "") + core;
        if (previous is not null && IsComparison(core)) return previous;
        if (Lexicon.TotalWords.Contains(core))
        {
            totalOfPrevious = previous is not null;
            return previous ?? _subject.Topic ?? core;
        }

        if (Lexicon.AttributeWords.Contains(a.CoreWithVerbs) || Lexicon.AttributeWords.Contains(core))
        {
            string attribute = Lexicon.AttributeWords.Contains(a.CoreWithVerbs) ? a.CoreWithVerbs : core;
            return Owner(previous) + attribute;
        }

        return core;
    }

    /// <summary>
    /// Whether the words before a figure only compare the figure before with a reference — an optional growth noun, a word of
    /// comparison and a short reference: 高于全国, 增速高于全国平均水平, 比全国高 (the gap 1.8个百分点 is of that figure, not
    /// of a subject 高于全国).
    /// </summary>
    private static bool IsComparison(string core)
    {
        ReadOnlySpan<char> s = core;
        if (Lexicon.GrowthNouns.AtStart(s) is { } noun) s = s[noun.Length..];
        if (Lexicon.ComparisonWords.AtStart(s) is not { } word) return false;
        ReadOnlySpan<char> reference = s[word.Length..];
        if (word == "比" && reference.Length > 1 && reference[^1] is '高' or '低' or '快' or '慢' or '多' or '少') reference = reference[..^1];
        else if (word == "比") return false;
        return reference.Length is >= 2 and <= 8 && (reference.StartsWith("全") || reference.StartsWith("上年") || reference.StartsWith("去年") || reference.Contains("平均", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whose attribute a bare attribute (产值, 收益, 总产) is: the sentence's topic once an attribute has been given to it
    /// (推进棉花和纺织服装全产业链发展，产值…，吸纳就业…), else the previous subject if it names a thing (出让矿业权 → 收益),
    /// or the thing a previous attribute belonged to (粮食产量 → 粮食总产), else the topic.
    /// </summary>
    private string Owner(string? previous)
    {
        if (_subject.TopicOwns && _subject.Topic is not null) return _subject.Topic;
        if (previous is not null && IsEntity(previous)) return previous;
        if (previous is not null && Lexicon.EndsWithAny(previous, Lexicon.SharedHeads) is { } head && previous.Length > head.Length)
            return previous[..^head.Length];
        if (_subject.Topic is not null)
        {
            _subject.TopicOwns = true;
            return _subject.Topic;
        }

        return previous ?? "";
    }

    /// <summary>Splits 绿电、绿证交易规模 into n subjects sharing the last one's head: 绿电交易规模, 绿证交易规模.</summary>
    internal static string[]? SplitSubjects(string core, int n)
    {
        string[] parts = core.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != n && n == 2)
        {
            int cut = -1, found = 0;
            for (int i = 1; i < core.Length - 1; i++)
            {
                if (core[i] is '和' or '及' or '与')
                {
                    cut = i;
                    found++;
                }
            }

            if (found == 1) parts = [core[..cut], core[(cut + 1)..]];
        }

        // 城乡居民人均可支配收入分别增长5%、6.5%: the towns' and the villages' figures.
        if (parts.Length == 1 && n == 2 && core.StartsWith("城乡", StringComparison.Ordinal) && core.Length > 2)
            return ["城镇" + core[2..], "农村" + core[2..]];
        if (parts.Length != n) return null;

        // 城镇和农村居民人均可支配收入, 绿电、绿证交易规模, 城镇居民、农村居民人均可支配收入: a first word as long as the
        // last part's first word (two characters, or ending alike) stands for it.
        string first = parts[0], last = parts[^1];
        if (n == 2 && last.Length > first.Length + 1 && !last.StartsWith(first, StringComparison.Ordinal)
            && (first.Length <= 2 || (first.Length <= 4 && first[^1] == last[first.Length - 1])))
            return [first + last[first.Length..], last];
        if (Lexicon.EndsWithAny(parts[^1], Lexicon.SharedHeads) is { } head && parts[^1].Length > head.Length)
        {
            for (int i = 0; i < parts.Length - 1; i++)
                if (!parts[i].EndsWith(head, StringComparison.Ordinal)) parts[i] += head;
        }

        return parts;
    }

    /// <summary>A noun right after a figure (15个全国美丽宜居示范村), up to a verb, a clause end or another figure.</summary>
    private string ReadNounAfter(int pos, out int end)
    {
        int p = pos;
        // A closing mark after the figure closes a name around it (“双20条”政策), it does not open the noun.
        while (p < _end && _text[p] is '”' or '）' or '》') p++;
        if (p < _end && _text[p] == '的') p++;
        int start = p;
        int open = 0;
        while (p < _end && p - start < NounWindow)
        {
            char c = _text[p];
            if (Lexicon.IsClauseEnd(c) || (c == '、' && open == 0) || Lexicon.IsDigit(c)) break;
            if (open == 0 && Lexicon.StartsWithAny(_text.AsSpan(p, Math.Min(4, _end - p)), Lexicon.NounStops) is not null) break;
            if (!(Lexicon.IsIdeograph(c) || c is '“' or '”' or '"' or '（' or '）' or '·' or '《' or '》' or '、' || char.IsAsciiLetter(c))) break;
            if (c is '（' or '《' or '“') open++;
            else if (c is '）' or '》' or '”' && open > 0) open--;
            p++;
        }

        end = p;
        // An opening mark left open is not part of the noun (办好“28+10”项 stops at the digits: the noun is not 办好“).
        int last = p;
        while (last > start && _text[last - 1] is '“' or '（' or '《' or '"') last--;
        if (open > 0 && last == p)
        {
            int cut = _text.LastIndexOfAny(['“', '（', '《'], p - 1, p - start);
            if (cut >= start) last = cut;
        }

        // A note in brackets right after the figure (3.8万套（间）) is not its noun.
        if (last > start && _text[start] == '（' && _text.IndexOf('）', start) == last - 1) return "";
        return last - start >= 2 ? _text[start..last] : "";
    }

    /// <summary>The topic of a clause without figures: 全力推进棉花和纺织服装全产业链发展 → 棉花和纺织服装全产业链.</summary>
    private string? Topic(int start, int end)
    {
        int from = Math.Max(start, end - TopicWindow);
        ReadOnlySpan<char> s = _text.AsSpan(from, end - from).Trim();
        s = StripLeading(s, out _);
        if (Lexicon.EndsWithAny(s, Lexicon.TopicTails) is { } tail && s.Length > tail.Length + 1) s = s[..^tail.Length];
        // The noun before a link is the topic, not the clause (地区生产总值连跨两个万亿元台阶 → 地区生产总值).
        for (int i = 2; i + 1 < s.Length; i++)
        {
            if (Lexicon.LevelLinks.AtStart(s[i..]) is { Length: >= 2 })
            {
                s = s[..i];
                if (Lexicon.EndsWithAny(s, Lexicon.Adverbs) is { } adverb && s.Length > adverb.Length + 1) s = s[..^adverb.Length];
                break;
            }
        }

        return s.Length >= 2 ? s.ToString() : null;
    }

    /// <summary>Drops connectors, scope words, target words, adverbs and verbs of action from the start of a phrase.</summary>
    internal static ReadOnlySpan<char> StripLeading(ReadOnlySpan<char> s, out string? verb)
    {
        verb = null;
        for (int k = 0; k < 12 && s.Length > 0; k++)
        {
            s = s.TrimStart();
            // (并, 且, 而 join clauses only at the start: after a verb they begin a word, 完成并购重组.)
            if (s.Length > 0 && (s[0] is '、' or '和' or '及' or '与' || (k == 0 && s[0] is '并' or '且' or '而')))
            {
                s = s[1..];
                continue;
            }

            if (ReportText.MarkerLength(s) is > 0 and var marker && marker < s.Length)
            {
                s = s[marker..];
                continue;
            }

            if (Lexicon.StartsWithAny(s, Lexicon.Scope) is { } scope)
            {
                s = s[scope.Length..];
                continue;
            }

            if (YearPhrase(s) is > 0 and var yearLength)
            {
                s = s[yearLength..];
                continue;
            }

            if (Lexicon.StartsWithAny(s, Lexicon.LeadingCues) is { } cue)
            {
                s = s[cue.Length..];
                continue;
            }

            if (Lexicon.StartsWithAny(s, Lexicon.LeadingAdverbs) is { } adverb && s.Length > adverb.Length)
            {
                s = s[adverb.Length..];
                continue;
            }

            if (Lexicon.StartsWithAny(s, Lexicon.LeadingVerbs) is { } v)
            {
                verb ??= v;
                s = s[v.Length..];
                continue;
            }

            // 要 and 将 before a verb are modals (今年要接待游客, 今年将建设高标准农田, 今年将新增城市绿道), not words of the noun
            // (要素, 将乐县).
            if (s.Length > 2 && s[0] is '要' or '将'
                && ((Lexicon.StartsWithAny(s[1..], Lexicon.LeadingVerbs) ?? Lexicon.StartsWithAny(s[1..], Lexicon.ReachVerbs)) is not null
                    || s[1..].StartsWith("新增", StringComparison.Ordinal)))
            {
                s = s[1..];
                continue;
            }

            // 建议 before a time or scope word proposes what follows (建议今年全市地区生产总值增长5.5%左右): not part of the noun
            // (建议提案 stays).
            if (s.Length > 4 && s.StartsWith("建议", StringComparison.Ordinal) && (Lexicon.StartsWithAny(s[2..], Lexicon.Scope) is not null || YearPhrase(s[2..]) > 0))
            {
                s = s[2..];
                continue;
            }

            break;
        }

        return s;
    }

    /// <summary>
    /// The length of a time phrase at the start of a subject: [到|至|截至|在] YYYY年 or YYYY—YYYY年, then 底, 末 or 前
    /// (到2027年力争数字经济规模 → 力争数字经济规模); 0 when there is none.
    /// </summary>
    internal static int YearPhrase(ReadOnlySpan<char> s)
    {
        int plan = PlanPhrase(s);
        if (plan > 0) return plan;
        int p = s.StartsWith("截至", StringComparison.Ordinal) ? 2 : s.Length > 0 && s[0] is '到' or '至' or '在' ? 1 : 0;
        if (!FourDigits(s, p)) return 0;
        p += 4;
        if (p < s.Length && Lexicon.IsRangeDash(s[p]) && FourDigits(s, p + 1)) p += 5;
        if (p >= s.Length || s[p] != '年') return 0;
        p++;
        if (p < s.Length && s[p] is '底' or '末' or '前') p++;
        return p;
    }

    /// <summary>“十四五”期间, 十三五时期, “十四五”以来 …: the length of a plan-period phrase at the start, or 0.</summary>
    private static int PlanPhrase(ReadOnlySpan<char> s)
    {
        int p = s.Length > 0 && s[0] is '“' or '"' ? 1 : 0;
        if (p + 3 > s.Length || s[p] != '十' || s[p + 2] != '五' || ChineseNumerals.DigitValue(s[p + 1]) is < 1 or > 6) return 0;
        p += 3;
        if (p < s.Length && s[p] is '”' or '"') p++;
        ReadOnlySpan<char> rest = s[p..];
        foreach (string tail in (ReadOnlySpan<string>)["期间", "时期", "以来", "末", "规划期"])
            if (rest.StartsWith(tail, StringComparison.Ordinal)) return p + tail.Length;
        return 0;
    }

    private static bool FourDigits(ReadOnlySpan<char> s, int p) =>
        p + 4 <= s.Length && char.IsAsciiDigit(s[p]) && char.IsAsciiDigit(s[p + 1]) && char.IsAsciiDigit(s[p + 2]) && char.IsAsciiDigit(s[p + 3]);

    /// <summary>Where the words of a figure start: after connectors and a list marker (三是, （三）).</summary>
    private int SkipConnectors(int from, int to)
    {
        int p = from;
        while (p < to && (char.IsWhiteSpace(_text[p]) || _text[p] is '、' or '和' or '及' or '与')) p++;
        int marker = ReportText.MarkerLength(_text.AsSpan(p, to - p));
        return marker > 0 && p + marker < to ? p + marker : p;
    }

    /// <summary>A subject that names a thing rather than an attribute of one (粮食, not 规上纺织工业增加值).</summary>
    private static bool IsEntity(string subject) =>
        subject.Length > 0 && !subject.Contains('占', StringComparison.Ordinal)
        && Lexicon.EndsWithAny(subject, Lexicon.SharedHeads) is null && Lexicon.EndsWithAny(subject, Lexicon.AttributeWords) is null
        && !subject.EndsWith('率') && !subject.EndsWith('度');

    /// <summary>The unit of a figure written with a magnitude only (3300万), from its noun: people or person-times.</summary>
    private static Unit? InferUnit(string subject)
    {
        if (Lexicon.EndsWithAny(subject, Lexicon.VisitNouns) is not null) return Units.PersonTime;
        if (Lexicon.EndsWithAny(subject, Lexicon.PersonNouns) is not null) return Units.Person;
        return null;
    }

    /// <summary>What a figure without its own subject refers to: the last kept figure and the topic of a clause without figures.</summary>
    private record struct SubjectContext
    {
        public Item? LastKept { get; set; }

        public string? Topic { get; set; }

        /// <summary>Whether a bare attribute has been given to the topic (later ones go to it too).</summary>
        public bool TopicOwns { get; set; }
    }
}
