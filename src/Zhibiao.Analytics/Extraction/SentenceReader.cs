namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// Reads the figures of one sentence, left to right, in one pass. The context that decides a figure's period and
/// whether it is a target (a year, 去年, 力争, 预计, “十四五”期间) is the words of the sentence before the figure; the
/// subject comes from the words between the previous figure (or the clause start) and this one, or from the
/// sentence so far when those are empty. Every look-back and look-ahead is bounded, so the pass is linear.
/// </summary>
internal sealed class SentenceReader
{
    /// <summary>How far before a figure its subject is looked for.</summary>
    private const int SubjectWindow = 48;

    /// <summary>How far after a figure a counted noun is looked for (创建15个全国美丽宜居示范村).</summary>
    private const int NounWindow = 24;

    /// <summary>Longest topic kept from a clause without figures.</summary>
    private const int TopicWindow = 24;

    /// <summary>First characters of the words <see cref="Cue"/> looks for.</summary>
    private static readonly HashSet<char> CueStarts =
    [
        .. Lexicon.TargetCues.Words.Select(w => w[0]), .. Lexicon.StrongTargetCues.Words.Select(w => w[0]),
        '预', '去', '上', '今', '十', '期', '时', '累', '年', '以', '过', '五',
    ];

    private readonly string _text;
    private readonly int _start;
    private readonly int _end;
    private readonly ReportLayout _layout;
    private readonly int[]? _codePoints;
    private readonly List<Fact> _output;
    private readonly List<Item> _items = [];
    private readonly List<NumberToken> _figures = [];

    // The sentence so far: its target and time words, the period words, and what a bare subject refers to.
    private Cues _cues;
    private PeriodWords _period;
    private SubjectContext _subject;

    // The clause so far, and an open 分别 list.
    private Clause _clause;
    private Respectively? _respectively;

    public SentenceReader(string text, int start, int end, ReportLayout layout, int[]? codePoints, List<Fact> output)
    {
        _text = text;
        _start = start;
        _end = end;
        _layout = layout;
        _codePoints = codePoints;
        _output = output;
    }

    public void Read()
    {
        _clause = new Clause { Start = _start, Consumed = _start };
        int i = _start;
        while (i < _end)
        {
            char c = _text[i];
            if (Lexicon.IsClauseEnd(c))
            {
                FinishClause(i);
                _clause.Start = _clause.Consumed = i + 1;
                i++;
                continue;
            }

            if (Lexicon.IsDigit(c) || ChineseNumerals.IsNumeralChar(c))
            {
                Cue(i);
                _figures.Clear();
                ScanKind kind = NumberScanner.Read(_text, i, _end, _figures, out int next, out int year, out int endYear);
                if (kind == ScanKind.Year) OnYear(i, year, next);
                else if (kind == ScanKind.YearRange) _period.YearRange = (year, endYear);
                else if (kind == ScanKind.Figures)
                    foreach (NumberToken t in _figures) OnFigure(t);
                i = Math.Max(next, i + 1);
                continue;
            }

            Cue(i);
            i++;
        }

        FinishClause(_end);
        foreach (Item item in _items)
            if (item.Keep) _output.Add(item.ToFact(_text, _codePoints));
    }

    /// <summary>Words at position <paramref name="i"/> that set the sentence's context.</summary>
    private void Cue(int i)
    {
        if (!CueStarts.Contains(_text[i])) return;
        ReadOnlySpan<char> s = _text.AsSpan(i, Math.Min(8, _end - i));
        char prev = i > _start ? _text[i - 1] : '\0';
        if (_cues.Target is null && Lexicon.StartsWithAny(s, Lexicon.TargetCues) is { } target) _cues.Target = target;
        if (_cues.Strong is null && Lexicon.StartsWithAny(s, Lexicon.StrongTargetCues) is { } strong) _cues.Strong = strong;
        if (Lexicon.ForecastCues.AtStart(s) is not null) _cues.IsForecast = true;
        if ((s.StartsWith("去年", StringComparison.Ordinal) || s.StartsWith("上年", StringComparison.Ordinal)) && prev is not ('比' or '较' or '同' or '与' or '于'))
            _cues.IsPast = true;
        if (s.StartsWith("今年", StringComparison.Ordinal)) _cues.IsCurrent = true;
        if (s.Length >= 3 && s[0] == '十' && s[2] == '五' && ChineseNumerals.DigitValue(s[1]) is >= 1 and <= 6)
        {
            int from = 2006 + ((ChineseNumerals.DigitValue(s[1]) - 1) * 5);
            _period.PlanName = (from, from + 4);
        }

        if (s.StartsWith("期间", StringComparison.Ordinal) || s.StartsWith("时期", StringComparison.Ordinal)
            || s.StartsWith("累计", StringComparison.Ordinal) || s.StartsWith("年均", StringComparison.Ordinal))
            _period.PlanContext = true;
        if (s.StartsWith("以来", StringComparison.Ordinal)) _period.PlanSince = true;
        if (s.StartsWith("过去五年", StringComparison.Ordinal) || s.StartsWith("五年来", StringComparison.Ordinal) || s.StartsWith("五年间", StringComparison.Ordinal))
            _period.LastFiveYears = true;
    }

    /// <summary>A year (2024年): the period of the figures after it, unless it is a base (比2020年) or a start (2020年以来).</summary>
    private void OnYear(int pos, int year, int next)
    {
        char prev = pos > _start ? _text[pos - 1] : '\0';
        if (prev is '比' or '较' or '自' or '从' or '与') return;
        ReadOnlySpan<char> after = _text.AsSpan(next, Math.Min(2, _end - next));
        if (after.StartsWith("以来", StringComparison.Ordinal) || after.StartsWith("起", StringComparison.Ordinal)) return;
        _period.Year = year;
    }

    private void OnFigure(NumberToken token)
    {
        if (token.Range == 2 && _items.Count > _clause.FirstItem)
        {
            Item low = _items[^1];
            Item high = low.HighEnd(token);
            _items.Add(high);
            if (high.Keep) _subject.LastKept = high;
            _clause.Consumed = token.AfterEnd;
            return;
        }

        Item? previousInClause = _items.Count > _clause.FirstItem ? _items[^1] : null;
        // A noun read after the previous figure may reach into this one (its Chinese numerals are word characters).
        int preStart = Math.Min(Math.Max(_clause.Consumed, token.Start - SubjectWindow), token.Start);
        if (previousInClause is not null)
        {
            // Words between the previous figure and a 、 still belong to the previous figure (1.4万亿斤新台阶、亩产提升10.1斤).
            int comma = _text.IndexOf('、', preStart, token.Start - preStart);
            if (comma >= 0) preStart = comma;
        }

        string pre = _text[preStart..token.Start];
        Analysis a = Analysis.Of(pre);
        Item? lastFact = _subject.LastKept;
        bool continuation = a.OnlyConnectors && previousInClause is not null;
        string after = ReadNounAfter(token.AfterEnd, out int afterEnd);
        bool count = token.Unit is { } u && Lexicon.IsCountUnit(u);

        string subject;
        string prefix = "";
        bool useAfter = false;
        bool totalOfPrevious = false;
        if (after.Length > 0 && a.Capacity)
        {
            subject = after + "年产量";
            useAfter = true;
        }
        else if (after.Length > 0 && (count || (a.Core.Length == 0 && !continuation)))
        {
            prefix = a.IsNew ? "新增" : continuation ? previousInClause!.Prefix : "";
            subject = prefix + after;
            useAfter = true;
        }
        else if (continuation)
        {
            subject = previousInClause!.Subject;
            a = previousInClause.Analysis with { Before = a.Before };
        }
        else
        {
            subject = Resolve(a, lastFact, out totalOfPrevious);
        }

        Unit? unit = token.Unit ?? InferUnit(subject);
        _clause.Consumed = useAfter ? Math.Max(afterEnd, token.AfterEnd) : token.AfterEnd;
        var item = new Item
        {
            Token = token,
            Analysis = a,
            Subject = subject,
            Prefix = prefix,
            TextStart = SkipConnectors(preStart, token.Start),
            TextEnd = useAfter ? Math.Max(afterEnd, token.AfterEnd) : token.AfterEnd,
            Keep = unit is not null,
        };
        if (unit is null)
        {
            _items.Add(item);
            return;
        }

        item.Unit = unit;
        item.Kind = KindOf(a, unit, useAfter && count && a.IsNew);
        item.Sign = item.Kind == Measure.Level || a.Sign == 0 ? 1 : a.Sign;
        Qualifier? q = a.Before ?? token.Inside ?? token.After;
        if (token.Range == 1) q ??= Qualifier.AtLeast;
        item.Qualifier = q ?? Qualifier.Exact;
        if (item.Sign < 0) item.Qualifier = item.Qualifier.Flip();
        SetContext(item, token.Start);

        if (totalOfPrevious && lastFact is not null && lastFact.Kind == Measure.Level && !IsRatio(lastFact.Unit!)
            && lastFact.Unit!.IsCompatibleWith(unit) && !IsRatio(unit))
            lastFact.Kind = Measure.Change;

        if (!continuation && a.Respectively && !useAfter)
        {
            FinishRespectively();
            _respectively = new Respectively(_items.Count, a.Core);
        }
        else if (!continuation)
        {
            FinishRespectively();
        }

        _items.Add(item);
        _subject.LastKept = item;
    }

    /// <summary>The subject of a figure from the words before it and the sentence so far.</summary>
    private string Resolve(Analysis a, Item? lastFact, out bool totalOfPrevious)
    {
        totalOfPrevious = false;
        string core = a.Core;
        string? previous = lastFact?.Subject;
        if (core.Length == 0)
        {
            if (a.Reach is { } reach && previous is not null) return previous + reach;
            return previous ?? _subject.Topic ?? "";
        }

        if (core[0] == '占') return (previous ?? _subject.Topic ?? "") + core;
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

    /// <summary>Level, change or growth from the words before the figure and its unit.</summary>
    private static Measure KindOf(Analysis a, Unit unit, bool newThingsCounted)
    {
        if (IsRatio(unit))
        {
            if (a.GrowthNoun || (a.Verb && (!a.Link || a.CueNoun))) return Measure.Growth;
            return unit == Units.PercentagePoint ? Measure.Growth : Measure.Level;
        }

        return a.Verb && !a.Link && !newThingsCounted ? Measure.Change : Measure.Level;
    }

    private static bool IsRatio(Unit unit) => unit == Units.Percent || unit == Units.PercentagePoint || unit == Units.Times;

    /// <summary>Period, target and note of a figure from its section and the sentence before it.</summary>
    private void SetContext(Item item, int position)
    {
        (SectionKind section, int sectionYear) = _layout.At(position);
        int plan = _layout.RequirePlanYear();
        int review = plan - 1;
        int year = _period.Year ?? (_cues.IsPast ? plan - 1 : _cues.IsCurrent ? plan : sectionYear);
        if (_period.YearRange is { } r) item.Plan = Years(r.From, r.To);
        else if (_period.LastFiveYears) item.Plan = Years(review - 4, review);
        else if (_period.PlanName is { } p && (_period.PlanContext || _period.PlanSince)) item.Plan = Years(p.From, _period.PlanSince ? Math.Clamp(sectionYear, p.From, p.To) : p.To);
        item.Period = item.Plan is { } pp ? pp.End : Period.OfYear(Math.Clamp(year, 1, 9999));
        bool future = (item.Plan?.End.Year ?? year) >= plan;
        item.IsTarget = !_cues.IsForecast && !_cues.IsPast && future && (section == SectionKind.Plan || _cues.Strong is not null);
        item.Note = _cues.IsForecast ? "预计" : item.IsTarget ? _cues.Target : null;
    }

    private static PlanPeriod? Years(int from, int to) =>
        from >= 1 && to <= 9999 && to >= from ? new PlanPeriod(Period.OfYear(from), Period.OfYear(to)) : null;

    /// <summary>At the end of a clause: a clause without figures becomes the topic; a 分别 list gets its subjects.</summary>
    private void FinishClause(int end)
    {
        if (_items.Count == _clause.FirstItem && end > _clause.Start)
        {
            if (Topic(_clause.Start, end) is { } topic) _subject.Topic = topic;
        }

        FinishRespectively();
        _clause.FirstItem = _items.Count;
    }

    /// <summary>分别 lists: 绿电、绿证交易规模分别增长385%、522% pairs the subjects with the figures in order.</summary>
    private void FinishRespectively()
    {
        if (_respectively is not { } list) return;
        var group = new List<Item>();
        for (int i = list.Start; i < _items.Count; i++)
            if (_items[i].Token.Range != 2) group.Add(_items[i]);
        string[]? parts = group.Count >= 2 ? SplitSubjects(list.Core, group.Count) : null;
        if (parts is not null)
        {
            int k = -1;
            for (int i = list.Start; i < _items.Count; i++)
            {
                if (_items[i].Token.Range != 2) k++;
                _items[i].Subject = parts[k];
            }
        }

        _respectively = null;
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

        if (parts.Length != n) return null;
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
        if (p < _end && _text[p] == '的') p++;
        int start = p;
        while (p < _end && p - start < NounWindow)
        {
            char c = _text[p];
            if (Lexicon.IsClauseEnd(c) || c == '、' || Lexicon.IsDigit(c)) break;
            if (Lexicon.StartsWithAny(_text.AsSpan(p, Math.Min(4, _end - p)), Lexicon.NounStops) is not null) break;
            if (!(Lexicon.IsIdeograph(c) || c is '“' or '”' or '"' or '(' or ')' or '（' or '）' or '·' or '《' or '》' || char.IsAsciiLetter(c))) break;
            p++;
        }

        end = p;
        return p - start >= 2 ? _text[start..p] : "";
    }

    /// <summary>The topic of a clause without figures: 全力推进棉花和纺织服装全产业链发展 → 棉花和纺织服装全产业链.</summary>
    private string? Topic(int start, int end)
    {
        int from = Math.Max(start, end - TopicWindow);
        ReadOnlySpan<char> s = _text.AsSpan(from, end - from).Trim();
        s = StripLeading(s, out _);
        if (Lexicon.EndsWithAny(s, Lexicon.TopicTails) is { } tail && s.Length > tail.Length + 1) s = s[..^tail.Length];
        return s.Length >= 2 ? s.ToString() : null;
    }

    /// <summary>Drops connectors, scope words, target words, adverbs and verbs of action from the start of a phrase.</summary>
    internal static ReadOnlySpan<char> StripLeading(ReadOnlySpan<char> s, out string? verb)
    {
        verb = null;
        for (int k = 0; k < 12 && s.Length > 0; k++)
        {
            s = s.TrimStart();
            if (s.Length > 0 && s[0] is '、' or '和' or '及' or '与' or '并' or '且' or '而')
            {
                s = s[1..];
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

    private int SkipConnectors(int from, int to)
    {
        int p = from;
        while (p < to && (char.IsWhiteSpace(_text[p]) || _text[p] is '、' or '和' or '及' or '与')) p++;
        return p;
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

    /// <summary>Words of the sentence so far that make a figure a target (力争, 目标), a forecast (预计) or past (去年) or current (今年).</summary>
    private record struct Cues
    {
        /// <summary>The first target word (its note on a target).</summary>
        public string? Target { get; set; }

        /// <summary>The first strong target word, which makes a target outside the plan section.</summary>
        public string? Strong { get; set; }

        public bool IsForecast { get; set; }

        public bool IsPast { get; set; }

        public bool IsCurrent { get; set; }
    }

    /// <summary>Words of the sentence so far that give a figure's period: a year, a year range, a plan (“十四五”) and how it is meant.</summary>
    private record struct PeriodWords
    {
        /// <summary>An explicit year (2024年) that is neither a base nor a start.</summary>
        public int? Year { get; set; }

        public (int From, int To)? YearRange { get; set; }

        /// <summary>The years of a named plan (十四五: 2021–2025).</summary>
        public (int From, int To)? PlanName { get; set; }

        /// <summary>期间, 时期, 累计 or 年均: the figure covers the plan.</summary>
        public bool PlanContext { get; set; }

        /// <summary>以来: the figure covers the plan up to the section's year.</summary>
        public bool PlanSince { get; set; }

        /// <summary>过去五年, 五年来, 五年间: the five years before the plan year.</summary>
        public bool LastFiveYears { get; set; }
    }

    /// <summary>What a figure without its own subject refers to: the last kept figure and the topic of a clause without figures.</summary>
    private record struct SubjectContext
    {
        public Item? LastKept { get; set; }

        public string? Topic { get; set; }

        /// <summary>Whether a bare attribute has been given to the topic (later ones go to it too).</summary>
        public bool TopicOwns { get; set; }
    }

    /// <summary>The clause being read: where it starts, its first item, and how far its words were consumed by figures.</summary>
    private record struct Clause
    {
        public int Start { get; set; }

        public int FirstItem { get; set; }

        public int Consumed { get; set; }
    }

    /// <summary>An open 分别 list: its first item and the subjects to split among its figures.</summary>
    private sealed record Respectively(int Start, string Core);

    /// <summary>What the words before a figure say: its subject and how it relates to it.</summary>
    internal sealed record Analysis
    {
        public string Core { get; init; } = "";

        public string CoreWithVerbs { get; init; } = "";

        public Qualifier? Before { get; init; }

        public bool Link { get; init; }

        public bool Verb { get; init; }

        public bool GrowthNoun { get; init; }

        public bool CueNoun { get; init; }

        public int Sign { get; init; }

        public bool IsNew { get; init; }

        public bool Respectively { get; init; }

        public bool Capacity { get; init; }

        public bool OnlyConnectors { get; init; }

        public string? Reach { get; init; }

        /// <summary>Reads the words before a figure from the figure backwards, then the subject from its start.</summary>
        public static Analysis Of(string pre)
        {
            ReadOnlySpan<char> s = pre.AsSpan().Trim();
            bool onlyConnectors = true;
            foreach (char c in s)
                if (c is not ('、' or '和' or '及' or '与') && !char.IsWhiteSpace(c)) onlyConnectors = false;

            Qualifier? before = null;
            bool link = false, verb = false, growthNoun = false, cueNoun = false, isNew = false, respectively = false, capacity = false, produced = false;
            int sign = 0;
            for (int k = 0; k < 16 && s.Length > 0; k++)
            {
                s = s.TrimEnd();
                string? w;
                if (before is null && !verb && !growthNoun && (w = Lexicon.EndsWithAny(s, Lexicon.QualifierBefore)) is not null)
                {
                    before = Qualifiers.FromChineseWord(w);
                }
                else if ((w = Lexicon.EndsWithAny(s, Lexicon.LevelLinks)) is not null)
                {
                    link = true;
                    respectively |= w.StartsWith("分别", StringComparison.Ordinal);
                    if (w == "约为") before ??= Qualifier.Approx;
                }
                else if (!verb && !growthNoun && (w = Lexicon.EndsWithAny(s, Lexicon.GrowthNouns)) is not null)
                {
                    growthNoun = true;
                    sign = w is "降幅" or "跌幅" ? -1 : 1;
                }
                else if (!verb && VerbAtEnd(s) is { } v)
                {
                    w = v.Word;
                    verb = true;
                    sign = v.Sign;
                    isNew = w == "新增";

                    // 经济增长预期目标为5%: the verb names the subject (经济增长); 粮食增产42.2亿斤 changes 粮食产量.
                    if (cueNoun) break;
                    if (w is "增产" or "减产")
                    {
                        s = s[..^w.Length];
                        produced = true;
                        continue;
                    }
                }
                else if ((w = Lexicon.EndsWithAny(s, Lexicon.Adverbs)) is not null)
                {
                    respectively |= w == "分别";
                }
                else if ((w = Lexicon.EndsWithAny(s, Lexicon.Bases)) is not null || (w = YearBase(s)) is not null)
                {
                }
                else if ((w = Duration(s)) is not null)
                {
                }
                else if ((w = Lexicon.EndsWithAny(s, Lexicon.TrailingCues)) is not null && s.Length > w.Length)
                {
                    cueNoun = true;
                }
                else
                {
                    break;
                }

                s = s[..^w.Length];
            }

            s = s.TrimEnd();
            if (Lexicon.EndsWithAny(s, Lexicon.CapacityWords) is { } cap)
            {
                capacity = true;
                s = s[..^cap.Length];
            }

            ReadOnlySpan<char> scoped = StripScope(s);
            ReadOnlySpan<char> core = StripLeading(s, out _);
            string? reach = null;
            if (Lexicon.ReachVerbs.Contains(core))
            {
                reach = core.ToString();
                core = [];
            }

            string coreText = core.ToString();
            if (produced && coreText.Length > 0 && !coreText.EndsWith("产量", StringComparison.Ordinal)) coreText += "产量";
            return new Analysis
            {
                Core = coreText,
                CoreWithVerbs = scoped.ToString(),
                Before = before,
                Link = link,
                Verb = verb,
                GrowthNoun = growthNoun,
                CueNoun = cueNoun,
                Sign = sign,
                IsNew = isNew,
                Respectively = respectively,
                Capacity = capacity,
                OnlyConnectors = onlyConnectors,
                Reach = reach,
            };
        }

        /// <summary>The longer of an increase or decrease verb the text ends with.</summary>
        private static (string Word, int Sign)? VerbAtEnd(ReadOnlySpan<char> s)
        {
            string? up = Lexicon.EndsWithAny(s, Lexicon.IncreaseVerbs);
            string? down = Lexicon.EndsWithAny(s, Lexicon.DecreaseVerbs);
            if (up is null && down is null) return null;
            return (down is null || (up is not null && up.Length >= down.Length)) ? (up!, 1) : (down, -1);
        }

        /// <summary>连续三年 / 连续5年 at the end: a duration, not part of the subject.</summary>
        private static string? Duration(ReadOnlySpan<char> s)
        {
            if (s.Length < 4 || s[^1] != '年') return null;
            int at = s.LastIndexOf("连续", StringComparison.Ordinal);
            if (at < 0 || s.Length - at > 8) return null;
            foreach (char c in s[(at + 2)..^1])
                if (!char.IsAsciiDigit(c) && !ChineseNumerals.IsNumeralChar(c)) return null;
            return at + 3 < s.Length ? s[at..].ToString() : null;
        }

        /// <summary>比2020年 / 较2020年 at the end: a comparison base.</summary>
        private static string? YearBase(ReadOnlySpan<char> s)
        {
            if (s.Length < 6 || s[^1] != '年' || s[^6] is not ('比' or '较')) return null;
            for (int i = s.Length - 5; i < s.Length - 1; i++)
                if (!char.IsAsciiDigit(s[i])) return null;
            return s[^6..].ToString();
        }

        private static ReadOnlySpan<char> StripScope(ReadOnlySpan<char> s)
        {
            for (int k = 0; k < 6 && s.Length > 0; k++)
            {
                s = s.TrimStart();
                if (s.Length > 0 && s[0] is '、' or '和' or '及' or '与')
                    s = s[1..];
                else if (Lexicon.StartsWithAny(s, Lexicon.Scope) is { } scope)
                    s = s[scope.Length..];
                else
                    break;
            }

            return s;
        }
    }

    /// <summary>A figure being read: its token, what was read around it, and the fact it becomes.</summary>
    private sealed class Item
    {
        public NumberToken Token;

        public Analysis Analysis { get; set; } = new();

        public string Subject { get; set; } = "";

        public string Prefix { get; set; } = "";

        public int TextStart { get; set; }

        public int TextEnd { get; set; }

        public bool Keep { get; set; }

        public Unit? Unit { get; set; }

        public Measure Kind { get; set; }

        public int Sign { get; set; } = 1;

        public Qualifier Qualifier { get; set; }

        public Period Period { get; set; }

        public PlanPeriod? Plan { get; set; }

        public bool IsTarget { get; set; }

        public string? Note { get; set; }

        /// <summary>The high end of a range whose low end this is (5%—6%): same subject and context, at most.</summary>
        public Item HighEnd(NumberToken token)
        {
            Qualifier own = token.After ?? token.Inside ?? Qualifier.AtMost;
            return new Item
            {
                Token = token,
                Analysis = Analysis,
                Subject = Subject,
                Prefix = Prefix,
                TextStart = TextStart,
                TextEnd = token.AfterEnd,
                Keep = Keep,
                Unit = token.Unit ?? Unit,
                Kind = Kind,
                Sign = Sign,
                Qualifier = Sign < 0 ? own.Flip() : own,
                Period = Period,
                Plan = Plan,
                IsTarget = IsTarget,
                Note = Note,
            };
        }

        public Fact ToFact(string text, int[]? codePoints)
        {
            Quantity value = Quantity.Reported(Sign * Token.Written, Token.Magnitude, Unit!, Token.Decimals);
            int start = codePoints?[Token.Start] ?? Token.Start;
            int end = codePoints?[Token.End] ?? Token.End;
            return new Fact(Subject, Period, Kind, value, Qualifier, IsTarget, start, end, text[TextStart..Math.Max(TextStart, TextEnd)])
            {
                Plan = Plan,
                Note = Note,
            };
        }
    }
}
