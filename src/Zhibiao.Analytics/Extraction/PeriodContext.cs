namespace Zhibiao.Analytics.Extraction;

/// <summary>What the words of a figure say about its time.</summary>
/// <param name="Kind">Level, change or growth.</param>
/// <param name="Ratio">In %, percentage points or times.</param>
/// <param name="From">The start of a from–to pair (从0.94万家增加到1.55万家, 由47.6%提升至73.4%).</param>
/// <param name="Reached">A level reached (达到, 突破, 提高到, 增至): at the end of a multi-year span.</param>
/// <param name="Steady">A level kept (保持在, 稳定在): a level, at the end of the span like any other.</param>
/// <param name="Average">A yearly average (年均增长): over the whole span.</param>
/// <param name="Threshold">A level past or near a threshold (超过, 突破, 接近): at the end of a span, unless an action.</param>
/// <param name="Action">A level of what was done (引进…超800家, 完成营造林3195万亩): over the whole span.</param>
internal readonly record struct FigureTime(Measure Kind, bool Ratio, bool From, bool Reached, bool Steady, bool Average, bool Threshold = false, bool Action = false);

/// <summary>Where a figure stands in time: its period, the years of a multi-year figure, whether it is a target, and the word that says so.</summary>
/// <remarks><see cref="YearToDate"/>: the period is the last of a year-to-date span (1—9月 → 2025-09, 前三季度 → 2025-Q3).</remarks>
internal readonly record struct Placement(Period Period, PlanPeriod? Plan, bool IsTarget, string? Note, bool YearToDate = false);

/// <summary>
/// The time a figure is about, and whether it is a target. Three layers, the nearest wins:
/// <list type="number">
/// <item>words of the sentence before the figure: a year (2024年, not a base 比2020年 nor a start 2020年以来), a span of
/// years (2021—2025年, 2021年至2025年; 2020年到2025年 from the end of a plan: 2021–2025), 去年 / 今年, a plan period with 期间, 时期, 累计, 年均 or 以来 (“十四五”期间), five past years (过去五年,
/// 五年来);</item>
/// <item>the time set by the opening words of an earlier sentence of the same section, kept until another opening:
/// 这五年 / 过去五年 / “十四五”时期 open five years, 这一年 / 一年来 / 2025年 one year; a span of years opened inside a
/// paragraph (not by its first sentence) of a section headed by one year alone (2025年工作回顾) holds to the end of its
/// paragraph and of the list items (一是, （一）) that follow it;</item>
/// <item>the section (the review of last year or of the past plan, the plan of this year or of the coming plan).</item>
/// </list>
/// A figure over several years is placed by its words: a yearly average (年均), a change, a growth or what was done
/// (城镇新增就业452万人, 完成营造林3195万亩) covers the span; a level reached or kept (达到, 突破, 提高到, 稳定在) or a share
/// is at its last year; the
/// start of a from–to pair (从0.94万家增加到1.55万家) is the year before the span. Targets are figures of a plan section or
/// after a strong target word (力争, 拟 …), for the plan year or later, unless forecast (预计) or past (去年).
/// </summary>
internal sealed class PeriodContext
{
    /// <summary>How far into a sentence its opening time words are looked for.</summary>
    private const int OpeningWindow = 14;

    private static readonly WordList FiveYearOpenings = ReadingData.Words("FiveYearOpenings");

    private static readonly WordList OneYearOpenings = ReadingData.Words("OneYearOpenings");

    private static readonly WordList PlanTails = ReadingData.Words("PlanTails");

    private readonly ReportLayout _layout;

    // Carried from an earlier sentence of the section.
    private (int From, int To)? _carried;
    private int _carriedSection = int.MinValue;

    // A span of years opened within a paragraph (…。“十四五”期间，…) holds to the paragraph's end; then the time carried before it.
    private bool _carriedInParagraph;
    private (int From, int To)? _carriedBefore;

    // The sentence so far.
    private string? _target;
    private string? _strong;
    private bool _forecast;
    private bool _past;
    private bool _current;
    private int? _year;
    private int? _fromYear;
    private int? _baseYear;
    private int? _spanStart;
    private (int From, int To)? _yearRange;
    private (int From, int To)? _planName;
    private bool _planContext;
    private bool _planSince;
    private bool _lastFiveYears;
    private Period? _yearToDate;

    public PeriodContext(ReportLayout layout) => _layout = layout;

    /// <summary>First characters of the words <see cref="Cue"/> looks for.</summary>
    public static HashSet<char> CueStarts { get; } =
    [
        .. Lexicon.TargetCues.Words.Select(w => w[0]), .. Lexicon.StrongTargetCues.Words.Select(w => w[0]),
        '预', '去', '上', '今', '十', '期', '时', '累', '年', '以', '过', '五', '“', '六', '七', '八', '九', '1', '前', '一', '全',
    ];

    /// <summary>Starts a sentence: forgets its words, and reads its opening time words (这五年, 这一年, 2025年 …).</summary>
    public void BeginSentence(string text, int start, int end)
    {
        _target = _strong = null;
        _forecast = _past = _current = _planContext = _planSince = _lastFiveYears = false;
        _year = _fromYear = _baseYear = _spanStart = null;
        _yearRange = _planName = null;
        _yearToDate = null;
        // The time opened by a sentence holds within its section until another opening: in a review across paragraphs
        // (刚刚过去的2025年 … over the paragraphs that follow), in a plan to the end of its paragraph (过去一年 … recalls the
        // year before for a while, then the plan goes on).
        int section = _layout.IndexAt(start);
        bool paragraph = start == 0 || text[start - 1] == '\n';
        if (section != _carriedSection || (paragraph && _layout.PlanYear is not null && _layout.At(start).Kind == SectionKind.Plan))
        {
            _carried = null;
            _carriedSection = section;
            _carriedInParagraph = false;
        }
        else if (paragraph && _carriedInParagraph && ReportText.MarkerLength(text.AsSpan(start, Math.Min(6, end - start))) == 0)
        {
            // (A paragraph opening with a list marker, 五是…, goes on with the list the aside opened.)
            _carried = _carriedBefore;
            _carriedInParagraph = false;
        }

        ReadOnlySpan<char> head = text.AsSpan(start, Math.Min(OpeningWindow + 5, end - start)).Trim();
        // An address first (各位代表，刚刚过去的2025年…) does not hide the opening words after it.
        if (head.StartsWith("各位代表") && head.Length > 5) head = head[5..];
        if (head.Length > OpeningWindow) head = head[..OpeningWindow];
        int marker = ReportText.MarkerLength(head);
        if (marker < head.Length) head = head[marker..];
        int comma = head.IndexOfAny('，', '：');
        if (comma >= 0) head = head[..comma];
        if (Opening(head, paragraph) is { } frame)
        {
            // (Only a span of years in a section headed by one year alone, 2025年工作回顾: a year opened within a paragraph
            // (2025年是…收官之年。一年来，…) or five years in a section of the year and the plan (2025年和“十四五”时期工作回顾:
            // …。五年来，…) go on over the paragraphs after.)
            bool aside = !paragraph && frame.To > frame.From && _layout.IndexAt(start) >= 0 && _layout.At(start).YearOnly;
            if (aside && !_carriedInParagraph) _carriedBefore = _carried;
            _carriedInParagraph = aside;
            _carried = frame;
        }
    }

    /// <summary>
    /// The time opened by the first words of a sentence: five years (这五年, “十四五”时期), one year (这一年, 2025年, 今年),
    /// or null for none.
    /// </summary>
    private (int From, int To)? Opening(ReadOnlySpan<char> head, bool paragraph)
    {
        if (_layout.PlanYear is not { } plan) return null;
        int review = plan - 1;
        // The opening words stand first, after at most a verb of looking back (回首过去五年, 回顾过去的五年).
        for (int i = 0; i < head.Length && i <= 4; i++)
        {
            ReadOnlySpan<char> s = head[i..];
            if (FiveYearOpenings.AtStart(s) is not null) return (review - 4, review);
            if (PlanNames.At(s, out int length) is { } from && PlanTails.AtStart(s[length..]) is not null)
                return (from, from + 4);
            // A year opens a time only at the start of a paragraph (2025年极不平凡。); within one (2012年底，城镇…) it is the
            // sentence's own.
            int? year = OneYearOpenings.AtStart(s) is { } w ? (w is "今年" or "新的一年" ? plan : review)
                : paragraph && i <= 1 && IsYear(s) && !s[5..].StartsWith("以来", StringComparison.Ordinal) && !(i > 0 && head[i - 1] is '比' or '较' or '从' or '自')
                    ? int.Parse(s[..4], System.Globalization.CultureInfo.InvariantCulture) : null;
            // Another year (2004年我们提出…) speaks of its own sentence and leaves the carried time as it is.
            if (year is { } y) return y != review && y != plan ? null : (y, y);
        }

        return null;
    }

    private static bool IsYear(ReadOnlySpan<char> s) =>
        s.Length >= 5 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]) && s[4] == '年';

    /// <summary>Words at position <paramref name="i"/> of the sentence that set its time or make its figures targets.</summary>
    public void Cue(string text, int i, int start, int end)
    {
        if (!CueStarts.Contains(text[i])) return;
        ReadOnlySpan<char> s = text.AsSpan(i, Math.Min(8, end - i));
        char prev = i > start ? text[i - 1] : '\0';
        if (_target is null && Lexicon.StartsWithAny(s, Lexicon.TargetCues) is { } target) _target = target;
        if (_strong is null && Lexicon.StartsWithAny(s, Lexicon.StrongTargetCues) is { } strong) _strong = strong;
        if (Lexicon.ForecastCues.AtStart(s) is not null) _forecast = true;
        if ((s.StartsWith("去年", StringComparison.Ordinal) || s.StartsWith("上年", StringComparison.Ordinal) || s.StartsWith("过去一年", StringComparison.Ordinal))
            && prev is not ('比' or '较' or '同' or '与' or '于'))
            _past = true;
        if (s.StartsWith("今年", StringComparison.Ordinal)) _current = true;
        if (s[0] is '十' or '“' or '六' or '七' or '八' or '九' && PlanNames.At(s, out _) is { } from) _planName = (from, from + 4);
        if (s.StartsWith("期间", StringComparison.Ordinal) || s.StartsWith("时期", StringComparison.Ordinal)
            || s.StartsWith("累计", StringComparison.Ordinal) || s.StartsWith("年均", StringComparison.Ordinal))
            _planContext = true;
        if (s.StartsWith("以来", StringComparison.Ordinal)) _planSince = true;
        if (YearToDateSpan(s, prev) is { } ytd) _yearToDate = ytd;
        else if (s.StartsWith("全年", StringComparison.Ordinal)) _yearToDate = null;
        if (s.StartsWith("过去五年", StringComparison.Ordinal) || s.StartsWith("五年来", StringComparison.Ordinal) || s.StartsWith("五年间", StringComparison.Ordinal))
            _lastFiveYears = true;
    }

    /// <summary>
    /// The end of a year-to-date span at the start of <paramref name="s"/>, in a placeholder year 2000 (the figure's year
    /// is set by <see cref="Place"/>): 1—9月 (1-9月, 1～9月, 1至9月) → 2000-09, 前三季度 → 2000-Q3, 上半年 → 2000-Q2,
    /// 一季度 → 2000-Q1; null when none, or when the span is a base or a start (比一季度, 从上半年).
    /// </summary>
    private static Period? YearToDateSpan(ReadOnlySpan<char> s, char prev)
    {
        if (prev is '比' or '较' or '同' or '与' or '于' or '从' or '自' or '由' || char.IsAsciiDigit(prev)) return null;
        if (s.StartsWith("前三季度", StringComparison.Ordinal)) return Period.OfQuarter(2000, 3);
        if (s.StartsWith("上半年", StringComparison.Ordinal)) return Period.OfQuarter(2000, 2);
        if (s.StartsWith("一季度", StringComparison.Ordinal) && prev != '第') return Period.OfQuarter(2000, 1);
        if (s.Length >= 4 && s[0] == '1' && s[1] is '—' or '-' or '－' or '~' or '～' or '至' or '到' or '–' && char.IsAsciiDigit(s[2]))
        {
            int month = s[2] - '0', at = 3;
            if (s.Length > 3 && char.IsAsciiDigit(s[3])) (month, at) = ((month * 10) + (s[3] - '0'), 4);
            if (at < s.Length && s[at] == '月' && month is >= 2 and <= 12) return Period.OfMonth(2000, month);
        }

        return null;
    }

    /// <summary>
    /// A year of the sentence (2024年): the period of the figures after it, unless it is a base (比2020年) or a start
    /// (2020年以来, 从2020年起); 从2020年的 is the year of the figure it starts.
    /// </summary>
    public void OnYear(string text, int pos, int year, int next, int start, int end)
    {
        char prev = pos > start ? text[pos - 1] : '\0';
        bool ofFigure = next < end && text[next] == '的';
        // 2020年到2025年, 从2021年至2025年: a span of years. A first year that ends a five-year plan (2020, 2015) is the
        // starting point (the change is over 2021–2025, as after 比2020年); another one is the span's first year.
        if (next + 5 < end && text[next] is '到' or '至' && YearAt(text, next + 1) is { } to && to > year)
        {
            _spanStart = year;
            return;
        }

        if (prev is '到' or '至' && _spanStart is { } first)
        {
            _spanStart = null;
            _yearRange = first % 5 == 0 ? (first + 1, year) : (first, year);
            _year = null;
            return;
        }

        if (prev is '比' or '较')
        {
            _baseYear = year;
            return;
        }

        if (prev is '与' || (prev is '自' or '从' && !ofFigure)) return;
        ReadOnlySpan<char> after = text.AsSpan(next, Math.Min(2, end - next));
        if (after.StartsWith("以来", StringComparison.Ordinal) || after.StartsWith("起", StringComparison.Ordinal)) return;
        _year = year;
    }

    private static int? YearAt(string text, int p) =>
        p + 5 <= text.Length && IsYear(text.AsSpan(p, 5)) ? int.Parse(text.AsSpan(p, 4), System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A span of years of the sentence (2021—2025年).</summary>
    public void OnYearRange(int from, int to) => _yearRange = (from, to);

    /// <summary>Places a figure at a position of the text by the sentence so far, the carried time and the section.</summary>
    public Placement Place(int position, FigureTime figure)
    {
        Section section = _layout.At(position);
        int plan = _layout.RequirePlanYear();
        int review = plan - 1;
        PlanPeriod? span = null;
        int year;
        if (figure.From && (_year ?? _fromYear) is { } fromYear)
        {
            // 从2021年的46503元和16935元: the year belongs to the start of the pair, not to what comes after it.
            year = fromYear;
            _fromYear = fromYear;
            _year = null;
        }
        else if (_year is { } y && !(figure.Average && MultiYearFrame(section) is not null))
        {
            year = y;
        }
        else if (_year is not null && MultiYearFrame(section) is { } avg)
        {
            // 从1997年的2.73万亿元增加到2002年的4.1万亿元，平均每年增长10.5%: the average is over the years, not of the last one.
            (year, span) = Across(avg.From, avg.To, figure);
        }
        else if (_yearRange is { } r)
        {
            (year, span) = Across(r.From, r.To, figure);
        }
        else if (_lastFiveYears)
        {
            (year, span) = Across(review - 4, review, figure);
        }
        else if (_planName is { } p && (_planContext || _planSince))
        {
            (year, span) = Across(p.From, _planSince ? Math.Clamp(section.To, p.From, p.To) : p.To, figure);
        }
        else if (_past)
        {
            year = figure.From ? review - 1 : review;
        }
        else if (_current)
        {
            year = figure.From ? review : plan;
        }
        else if (_carried is { } c && !(section.Kind == SectionKind.Plan && c.To < plan && (_current || (_target is not null && _target != "控制在"))))
        {
            // (In a plan section, a sentence with 今年 or a target word after 过去一年… is about the plan again.)
            (year, span) = Across(c.From, c.To, figure);
        }
        else
        {
            (year, span) = Across(section.From, section.To, figure);
        }

        // A yearly average (年均增长) is never of one year: without a span of its own it is over the five years of the
        // plan the year closes (2021–2025 in a review of 2025: 2025年…快递业务量年均增长超21%) or of the plan ahead.
        if (figure.Average && span is null && !figure.From && _baseYear is null)
            span = year < plan ? Years(year - 4, year) : year > plan ? Years(plan, year) : Years(plan, plan + 4);

        // A change since a base year two or more years back (比2020年增长58.1%, 比1980年翻两番) covers the years since.
        if (_baseYear is { } b && span is null && !figure.From && (figure.Kind != Measure.Level || figure.Ratio) && b < year - 1)
            span = Years(b + 1, year);
        var period = span is { } pp ? pp.End : Period.OfYear(Math.Clamp(year, 1, 9999));
        bool future = (span?.End.Year ?? year) >= plan;
        bool planned = section.Kind == SectionKind.Plan || _strong is not null || (span is { } fs && fs.Start.Year >= plan);
        bool isTarget = !_forecast && !_past && !figure.From && future && planned;
        string? note = _forecast ? "预计" : isTarget ? _target : null;
        // 1—9月 / 前三季度 before the figure: the total (or its growth) from the start of the year to the span's end.
        if (_yearToDate is { } ytd && span is null && !figure.From && !figure.Average && !isTarget)
            return new Placement(Period.Create(ytd.Frequency, period.Year, ytd.SubPeriod), null, false, note, YearToDate: true);
        return new Placement(period, span, isTarget, note);
    }

    /// <summary>The span of years the sentence, its paragraph's opening or its section speaks of, when it is more than one year.</summary>
    private (int From, int To)? MultiYearFrame(Section section)
    {
        int review = _layout.RequirePlanYear() - 1;
        if (_yearRange is { } r) return r;
        if (_lastFiveYears) return (review - 4, review);
        if (_planName is { } p && (_planContext || _planSince)) return (p.From, _planSince ? Math.Clamp(section.To, p.From, p.To) : p.To);
        if (_carried is { } c && c.To > c.From) return c;
        return section.IsMultiYear ? (section.From, section.To) : null;
    }

    /// <summary>A figure in the years <paramref name="from"/>–<paramref name="to"/>: at the end, over the span, or the year before it.</summary>
    private static (int Year, PlanPeriod? Span) Across(int from, int to, FigureTime f)
    {
        if (f.From) return (from - 1, null);
        if (to <= from) return (to, null);
        if (f.Kind == Measure.Level && f.Action && !f.Ratio && !f.Reached) return (to, Years(from, to));
        bool atEnd = f.Kind == Measure.Level && !f.Average && (f.Steady || f.Reached || f.Ratio || (f.Threshold && !f.Action));
        return atEnd ? (to, null) : (to, Years(from, to));
    }

    private static PlanPeriod? Years(int from, int to) =>
        from >= 1 && to <= 9999 && to >= from ? new PlanPeriod(Period.OfYear(from), Period.OfYear(to)) : null;
}
