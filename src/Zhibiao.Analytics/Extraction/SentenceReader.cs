namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// Reads the figures of one sentence, left to right, in one pass. The context that decides a figure's period and
/// whether it is a target (a year, 去年, 力争, 预计, “十四五”期间) is the words of the sentence before the figure; the
/// subject comes from the words between the previous figure (or the clause start) and this one, or from the
/// sentence so far when those are empty. Every look-back and look-ahead is bounded, so the pass is linear.
/// </summary>
internal sealed partial class SentenceReader
{
    /// <summary>How far before a figure its subject is looked for.</summary>
    private const int SubjectWindow = 48;

    /// <summary>How far after a figure a counted noun is looked for (创建15个全国美丽宜居示范村).</summary>
    private const int NounWindow = 24;

    /// <summary>Longest topic kept from a clause without figures.</summary>
    private const int TopicWindow = 24;

    private readonly string _text;
    private readonly int _start;
    private readonly int _end;
    private readonly PeriodContext _time;
    private readonly FactExtractor.SpanMap _offsets;
    private readonly List<Fact> _output;
    private readonly List<(int Start, int End)> _spans;
    private readonly List<Item> _items = [];
    private readonly List<NumberToken> _figures = [];

    // What a bare subject refers to in the sentence so far.
    private SubjectContext _subject;

    // The clause so far, and an open 分别 list.
    private Clause _clause;
    private Respectively? _respectively;

    // The subjects of a 分别 list split in this clause, and in the clause before.
    private string[]? _splitNow;
    private string[]? _lastSplit;

    public SentenceReader(string text, int start, int end, PeriodContext time, FactExtractor.SpanMap offsets, List<Fact> output, List<(int Start, int End)> spans)
    {
        _text = text;
        _start = start;
        _end = end;
        _time = time;
        _offsets = offsets;
        _output = output;
        _spans = spans;
    }

    public void Read()
    {
        _clause = new Clause { Start = _start, Consumed = _start };
        _time.BeginSentence(_text, _start, _end);
        int i = _start;
        while (i < _end)
        {
            char c = _text[i];
            if (Lexicon.IsClauseEnd(c) && !IsRowColon(i))
            {
                FinishClause(i);
                _clause.Start = _clause.Consumed = i + 1;
                i++;
                continue;
            }

            if (c == '翻')
            {
                _figures.Clear();
                if (NumberScanner.ReadDoubling(_text, i, _end, _figures, out int after))
                {
                    OnFigure(_figures[0]);
                    i = after;
                    continue;
                }
            }

            if (Lexicon.IsDigit(c) || ChineseNumerals.IsNumeralChar(c))
            {
                _time.Cue(_text, i, _start, _end);
                _figures.Clear();
                ScanKind kind = NumberScanner.Read(_text, i, _end, _figures, out int next, out int year, out int endYear);
                if (kind == ScanKind.Year) _time.OnYear(_text, i, year, next, _start, _end);
                else if (kind == ScanKind.YearRange) _time.OnYearRange(year, endYear);
                else if (kind == ScanKind.Figures)
                    foreach (NumberToken t in _figures) OnFigure(t);
                i = Math.Max(next, i + 1);
                continue;
            }

            _time.Cue(_text, i, _start, _end);
            i++;
        }

        FinishClause(_end);
        foreach (Item item in _items)
        {
            if (!item.Keep) continue;
            _output.Add(item.ToFact(_text, _offsets));
            _spans.Add((item.Token.Start, item.Token.End));
        }
    }

    private void OnFigure(NumberToken token)
    {
        if (token.Range == 2 && _items.Count > _clause.FirstItem)
        {
            Item low = _items[^1];
            if (low.Kind == Measure.Level && low.Unit == Units.Percent && GrowthFollows(token.AfterEnd)) low.Kind = Measure.Growth;
            Item high = low.HighEnd(token);
            _items.Add(high);
            if (high.Keep) _subject.LastKept = high;
            _clause.Consumed = token.AfterEnd;
            return;
        }

        // A magnitude in words inside the noun counted by the figure before (191家工业企业营业收入超百亿元) describes that noun.
        if (token.Words && token.Start < _clause.Consumed) return;
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
        if (pre.EndsWith('：')) pre = pre[..^1];
        WordsBefore a = WordsBefore.Of(pre);
        Item? lastFact = _subject.LastKept;
        bool continuation = a.OnlyConnectors && previousInClause is not null;
        int afterEnd = token.AfterEnd;
        string after = a.From || token.Growth ? "" : ReadNounAfter(token.AfterEnd, out afterEnd);
        bool count = token.Unit is { } u && Lexicon.IsCountUnit(u);

        // What an amount is spent on (投入60亿元办好民生实事) is a clause of its own, not the amount's noun.
        if (!count && Lexicon.StartsWithAny(after, Lexicon.LeadingVerbs) is not null) after = "";

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
        item.Kind = token.Growth ? Measure.Growth : KindOf(a, unit, useAfter && count && a.IsNew);
        if (item.Kind == Measure.Level && unit == Units.Percent && token.Range == 0 && GrowthFollows(token.AfterEnd)) item.Kind = Measure.Growth;

        // 新增城市绿道500公里: what is added in a measure (not counted) is a change of the stock it names.
        if (item.Kind == Measure.Change && !a.NewStock && !useAfter && subject.Length > 3 && subject.StartsWith("新增", StringComparison.Ordinal) && IsMeasured(unit))
            item.Subject = subject[2..];
        item.Sign = item.Kind == Measure.Level || a.Sign == 0 ? 1 : a.Sign;
        Qualifier? q = a.Before ?? token.Inside ?? token.After;
        if (token.Range == 1) q ??= Qualifier.AtLeast;
        if (item.Kind == Measure.Level && (StepFollows(token.AfterEnd) || CountedStepsFollow(token.AfterEnd))) q ??= Qualifier.MoreThan;
        item.Qualifier = q ?? Qualifier.Exact;
        if (item.Sign < 0) item.Qualifier = item.Qualifier.Flip();
        Placement place = _time.Place(token.Start, new FigureTime(item.Kind, IsRatio(unit), a.From, a.Reached, a.Steady, a.Average, a.Threshold, a.Action || useAfter));
        item.Period = place.Period;
        item.Plan = place.Plan;
        item.IsTarget = place.IsTarget;
        item.Note = place.Note;
        item.YearToDate = place.YearToDate;

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

    /// <summary>Level, change or growth from the words before the figure and its unit.</summary>
    private static Measure KindOf(WordsBefore a, Unit unit, bool newThingsCounted)
    {
        if (IsRatio(unit))
        {
            if (a.GrowthNoun || (a.Verb && (!a.Link || a.CueNoun))) return Measure.Growth;
            return unit == Units.PercentagePoint ? Measure.Growth : Measure.Level;
        }

        // A capacity is a stock whatever it counts (新增汽车产能50万辆).
        if ((a.NewStock || a.Core.StartsWith("新增", StringComparison.Ordinal)) && (IsMeasured(unit) || a.Core.EndsWith("产能", StringComparison.Ordinal)))
            return Measure.Change;
        return a.Verb && !a.Link && !newThingsCounted ? Measure.Change : Measure.Level;
    }

    /// <summary>
    /// Whether words of growth follow a figure in % (保持20%以上增长, 4.5%左右的增长目标, 6.5%－7%的增速): then the figure
    /// is a growth, whatever the words before it (保持, 确定).
    /// </summary>
    private bool GrowthFollows(int afterEnd)
    {
        int p = afterEnd;
        if (p < _end && _text[p] == '的') p++;
        if (p + 1 < _end && _text[p] == '预' && _text[p + 1] == '期') p += 2;
        return p < _end && Lexicon.GrowthAfter.AtStart(_text.AsSpan(p, Math.Min(4, _end - p))) is not null;
    }

    /// <summary>
    /// Whether a level is a threshold passed, as 突破 makes one: the figure names a step or a mark after it (迈上9万亿元新台阶,
    /// 跃上500亿斤台阶, 跨上万亿元台阶, 百万吨大关), so the level reached is above it.
    /// </summary>
    private bool StepFollows(int afterEnd)
    {
        ReadOnlySpan<char> s = _text.AsSpan(afterEnd, Math.Min(4, _end - afterEnd));
        if (s.StartsWith("大关", StringComparison.Ordinal) || s.StartsWith("关口", StringComparison.Ordinal)) return true;
        if (s.StartsWith("重要", StringComparison.Ordinal)) s = s[2..];
        else if (s.Length > 0 && s[0] is '新' or '大') s = s[1..];
        return s.StartsWith("台阶", StringComparison.Ordinal);
    }

    /// <summary>How far after a level a count of steps closing its list may stand (跨越1.2万亿元、1.4万亿元两个台阶).</summary>
    private const int StepListWindow = 24;

    /// <summary>
    /// Whether a level is one of the thresholds a count of steps closes (先后跨越1.2万亿元、1.4万亿元两个台阶): the count (两个,
    /// 3个) and a step or a mark (台阶, 新台阶, 大关, 关口) follow the figure, right after it or after a 、 that makes it an item
    /// of the list, within the clause. Each level reached is then above it, as after 迈上…台阶.
    /// </summary>
    private bool CountedStepsFollow(int afterEnd)
    {
        bool item = afterEnd < _end && _text[afterEnd] == '、';
        for (int p = afterEnd + 1; p < _end && p - afterEnd <= StepListWindow; p++)
        {
            char c = _text[p];
            if (c is '，' or '；' or '。' or '：' or '\n') return false;
            if (c != '个' || !IsCountChar(_text[p - 1])) continue;
            int q = p + 1;
            if (q < _end && _text[q] is '新' or '大') q++;
            ReadOnlySpan<char> rest = _text.AsSpan(q, Math.Min(2, _end - q));
            if (!rest.StartsWith("台阶", StringComparison.Ordinal) && !rest.StartsWith("大关", StringComparison.Ordinal) && !rest.StartsWith("关口", StringComparison.Ordinal)) return false;
            int count = p - 1;
            while (count > afterEnd && IsCountChar(_text[count - 1])) count--;
            return count == afterEnd || item;
        }

        return false;

        static bool IsCountChar(char c) => ChineseNumerals.IsNumeralChar(c) || Lexicon.IsDigit(c);
    }

    /// <summary>Longest label of a row 指标：目标 (全社会研发经费投入强度提高：).</summary>
    private const int MaxRowLabel = 24;

    /// <summary>
    /// Whether the colon at <paramref name="i"/> joins the label of a row to its figure (地区生产总值增长：5.5%左右,
    /// 城镇新增就业：45万人以上): the clause before it is a short label of words alone and digits follow it. The label is
    /// then the figure's words, as if the colon were not there; any other colon ends a clause.
    /// </summary>
    private bool IsRowColon(int i)
    {
        if (_text[i] != '：' || i + 1 >= _end || !char.IsAsciiDigit(_text[i + 1])) return false;
        int length = i - _clause.Start;
        if (length is < 2 or > MaxRowLabel) return false;
        for (int p = _clause.Start; p < i; p++)
            if (!Lexicon.IsIdeograph(_text[p]) && _text[p] is not ('“' or '”' or '（' or '）')) return false;
        return true;
    }

    /// <summary>A unit of a physical measure (length, area, power …), not a count: what is added to a stock in it is a change.</summary>
    private static bool IsMeasured(Unit unit) => unit.Dimension is "area" or "power" or "length" or "volume" or "mass" or "energy";

    private static bool IsRatio(Unit unit) => unit == Units.Percent || unit == Units.PercentagePoint || unit == Units.Times;

    /// <summary>At the end of a clause: a clause without figures becomes the topic; a 分别 list gets its subjects.</summary>
    private void FinishClause(int end)
    {
        if (_items.Count == _clause.FirstItem && end > _clause.Start)
        {
            if (Topic(_clause.Start, end) is { } topic) _subject.Topic = topic;
        }

        FinishRespectively();
        ShareOutSplit();
        _clause.FirstItem = _items.Count;
    }

    /// <summary>
    /// A clause right after a 分别 list whose figures have no subject of their own, as many as the list's subjects
    /// (城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%): its figures go to the same subjects in order.
    /// </summary>
    private void ShareOutSplit()
    {
        string[]? split = _lastSplit;
        _lastSplit = _splitNow;
        _splitNow = null;
        if (split is null || _lastSplit is not null) return;
        var own = new List<Item>();
        for (int i = _clause.FirstItem; i < _items.Count; i++)
            if (_items[i].Token.Range != 2) own.Add(_items[i]);
        if (own.Count != split.Length || own.Any(it => it.Analysis.Core.Length > 0 || it.TextEnd > it.Token.AfterEnd)) return;
        int k = -1;
        for (int i = _clause.FirstItem; i < _items.Count; i++)
        {
            if (_items[i].Token.Range != 2) k++;
            _items[i].Subject = split[k];
        }
    }

    /// <summary>分别 lists: 绿电、绿证交易规模分别增长385%、522% pairs the subjects with the figures in order.</summary>
    private void FinishRespectively()
    {
        if (_respectively is not { } list) return;
        var group = new List<Item>();
        for (int i = list.Start; i < _items.Count; i++)
            if (_items[i].Token.Range != 2) group.Add(_items[i]);
        // 分别增长5%、6.5%左右: the 左右 written once after the last figure of the list is every figure's.
        if (group.Count >= 2 && group[^1].Qualifier == Qualifier.Approx && group.Take(group.Count - 1).All(g => g.Qualifier == Qualifier.Exact && g.Token.After is null))
            foreach (Item g in group) g.Qualifier = Qualifier.Approx;
        string[]? parts = group.Count >= 2 ? SplitSubjects(list.Core, group.Count) : null;
        if (parts is not null)
        {
            int k = -1;
            for (int i = list.Start; i < _items.Count; i++)
            {
                if (_items[i].Token.Range != 2) k++;
                _items[i].Subject = parts[k];
            }

            _splitNow = parts;
        }

        _respectively = null;
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

    /// <summary>A figure being read: its token, what was read around it, and the fact it becomes.</summary>
    private sealed class Item
    {
        public NumberToken Token;

        public WordsBefore Analysis { get; set; } = new();

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

        public bool YearToDate { get; set; }

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
                YearToDate = YearToDate,
            };
        }

        public Fact ToFact(string text, FactExtractor.SpanMap offsets)
        {
            Quantity value = Quantity.Reported(Sign * Token.Written, Token.Magnitude, Unit!, Token.Decimals);
            int start = offsets.Start(Token.Start);
            int end = offsets.End(Token.End);
            return new Fact(Subject, Period, Kind, value, Qualifier, IsTarget, start, end, text[TextStart..Math.Max(TextStart, TextEnd)])
            {
                Plan = Plan,
                Note = Note,
                IsYearToDate = YearToDate,
            };
        }
    }
}
