namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// Finds the statement that sets the coming year's main targets, by its structure rather than by known sentences:
/// <list type="number">
/// <item>a key phrase — a noun phrase ending in 目标 with 主要 or 预期 in it, whatever stands before or between
/// (主要预期目标, 全省经济社会发展主要预期目标, 主要经济预期目标, 预期目标) — followed by a link (是, 为, 定为, 建议为, 包括,
/// 如下, a colon, a verb of one or two characters and 为: 安排为; a line break before the link does not matter, the text is read with its layout taken out), or ending
/// a heading line whose list follows on the next lines, or a numbered heading closed by a full stop whose text follows on
/// its own line (（二）主要目标。…);</item>
/// <item>about the coming year: the sentence's own time words before the phrase (今年, the plan year, 开局之年 against a
/// plan period — 五年, 时期, 规划, “十五五” — or the past — 去年, 过去一年), else its section (the plan of the year, the
/// plan of a period, a review), else the last time words of the 1,500 characters before it;</item>
/// <item>with figures: the statement runs from the phrase over every following sentence with a figure, across lines
/// while the lines are list items or short lines with a figure, and stops at the first sentence without one or at a
/// section heading; in a numbered list (一是, （一）, 1.) it goes on over sentences without figures to the next item of the
/// same sequence in the same paragraph (一是…。这一目标…。二是…。), and a list without markers goes on over up to three
/// such sentences to a sentence that is a list of figures again (…增长5%左右。提出这一目标，主要考虑是：…。规模以上工业增加值增长6%左右，…).
/// A heading or a link with no figure after it takes the paragraph that follows. A key phrase of the other targets
/// (其他主要预期目标是：) starts the statement at the sentence before it in its paragraph, which gives the first target.</item>
/// </list>
/// Without a key phrase, a sentence opening with 今年 (or the year) that gives GDP growth and two more figures in % is the
/// statement. Linear in the text: each sentence is looked at a bounded number of times.
/// </summary>
internal static class MainStatement
{
    /// <summary>How far before 目标 the key phrase may start (全省经济社会发展主要预期目标).</summary>
    private const int PhraseWindow = 18;

    /// <summary>How far back the time words are looked for when the sentence and its section say nothing.</summary>
    private const int FrameWindow = 1500;

    /// <summary>Longest line taken as one item of a list running over several lines.</summary>
    private const int MaxItemLine = 80;

    private static readonly WordList Links = ReadingData.Words("StatementLinks");

    private static readonly WordList CurrentMarks = ReadingData.Words("CurrentYearMarks");
    private static readonly WordList PlanPeriodMarks = ReadingData.Words("PlanPeriodMarks");
    private static readonly WordList PastMarks = ReadingData.Words("PastYearMarks");

    /// <summary>The time frame a passage speaks of.</summary>
    private enum Frame
    {
        None,
        Current,
        PlanPeriod,
        Past,
    }

    /// <summary>The span of the statement in the text as read, or null when the report has none.</summary>
    public static (int Start, int End)? Find(ReportFacts report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string t = report.Text.Text;
        if (report.Layout.PlanYear is not { } year) return null;
        var sentences = Sentences(t);
        var figures = FigureCounts(sentences, report.Spans);
        for (int k = 0; k < sentences.Count; k++)
        {
            (int s, int e) = sentences[k];
            int at = s;
            while (Cue(t, at, e) is { } cue)
            {
                at = cue.End;
                if (FrameAt(report, t, s, cue.Start, year) != Frame.Current) continue;
                if (Extent(report, t, sentences, figures, k, cue) is { } span) return (OtherTargetsFrom(t, sentences, figures, k, cue.Start) ?? span.Start, span.End);
            }
        }

        // A list after 今年 without a key phrase: 今年全省地区生产总值增长5%左右，…
        string yearWord = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年";
        for (int k = 0; k < sentences.Count; k++)
        {
            (int s, int e) = sentences[k];
            ReadOnlySpan<char> head = t.AsSpan(s, Math.Min(12, e - s));
            if (!head.Contains("今年", StringComparison.Ordinal) && !head.Contains(yearWord, StringComparison.Ordinal)) continue;
            ReadOnlySpan<char> sentence = t.AsSpan(s, e - s);
            int gdp = Math.Max(sentence.IndexOf("生产总值", StringComparison.Ordinal), sentence.IndexOf("经济增长", StringComparison.Ordinal));
            if (gdp < 0 || PercentCount(sentence) < 3 || FrameOf(t.AsSpan(s, gdp), year) is Frame.PlanPeriod or Frame.Past) continue;
            if (Extent(report, t, sentences, figures, k, (s, s, true)) is { } span) return span;
        }

        return null;
    }

    /// <summary>
    /// The next key phrase in [<paramref name="from"/>, <paramref name="end"/>): its start, where its link ends, and whether
    /// it ends a heading line (no link, the list follows).
    /// </summary>
    private static (int Start, int End, bool Linked)? Cue(string t, int from, int end)
    {
        for (int i = from; i + 1 < end; i++)
        {
            if (!(t[i] == '目' && t[i + 1] == '标')) continue;
            int noun = i + 2;
            // 主要目标任务 (tasks, of a review), 目标值: another noun, not the statement.
            if (noun < end && t[noun] is '任' or '值' or '体') continue;
            int start = PhraseStart(t, i);
            if (start < 0) continue;
            int p = noun;
            if (Links.AtStart(t.AsSpan(p, Math.Min(4, end - p))) is { } link)
            {
                p += link.Length;
                if (p < end && t[p] == '：') p++;
                return (start, p, true);
            }

            // A verb of one or two characters before 为 (安排为, 确定为, 设定为) links as 为 does; not 成为 / 作为 (become, as).
            if (VerbLink(t, p, end) is { } linked) return (start, linked, true);

            // A heading that names the targets, the list on the lines below: （一）主要预期目标 / 2026年主要预期目标.
            // (The heading may close with a full stop: （二）主要预期目标。)
            // A line that is the phrase alone (with its qualifiers) and whose next line opens a list item (——, （一）, 1.) is
            // such a heading too, whatever words end it: 2026年全市经济社会发展的主要预期目标 / ——地区生产总值增长5.5%左右；
            bool closed = p + 1 == end && t[p] == '。';
            int line = LineStart(t, i);
            bool heading = ReportText.IsHeading(t.AsSpan(line, p - line));
            if ((p == end || closed) && end < t.Length && t[end] == '\n' && (heading || ListFollows(t, line, p, end + 1)))
                return (start, end, false);

            // A run-in heading: a numbered heading closed by a full stop with its text on the same line (（二）主要目标。…):
            // the statement is the rest of its paragraph, as the paragraph below a heading line is.
            if (closed && heading && ReportText.MarkerLength(t.AsSpan(line, p - line)) > 0) return (start, end, false);
        }

        return null;
    }

    /// <summary>Where a link of a verb and 为 after the key phrase ends (安排为：), or null.</summary>
    private static int? VerbLink(string t, int p, int end)
    {
        for (int v = 1; v <= 2 && p + v < end; v++)
        {
            if (!Lexicon.IsIdeograph(t[p + v - 1]) || t[p + v - 1] is '为' or '是' or '的') return null;
            if (t[p + v] != '为') continue;
            if (v == 1 && t[p] is '成' or '作' or '认' or '以') return null;
            int q = p + v + 1;
            return q < end && t[q] == '：' ? q + 1 : q;
        }

        return null;
    }

    /// <summary>Where the key phrase ending at 目标 (at <paramref name="i"/>) starts, or −1 when it has neither 主要 nor 预期.</summary>
    private static int PhraseStart(string t, int i)
    {
        int limit = Math.Max(0, i - PhraseWindow);
        int start = -1;
        for (int p = i - 1; p >= limit; p--)
        {
            char c = t[p];
            if (c is '，' or '。' or '；' or '：' or '、' or '\n' or '！' or '？' or '“' or '”') break;
            if ((c == '要' && p > 0 && t[p - 1] == '主') || (c == '期' && p > 0 && t[p - 1] == '预')) start = p - 1;
        }

        return start;
    }

    /// <summary>
    /// Whether the line [<paramref name="lineStart"/>, <paramref name="phraseEnd"/>) is a title (no pause: no comma, no
    /// sentence end inside) and the next line with words, at or after <paramref name="next"/>, opens with a list marker.
    /// </summary>
    private static bool ListFollows(string t, int lineStart, int phraseEnd, int next)
    {
        ReadOnlySpan<char> line = t.AsSpan(lineStart, phraseEnd - lineStart);
        if (line.IndexOfAny("，,；;：:。") >= 0) return false;
        while (next < t.Length && char.IsWhiteSpace(t[next])) next++;
        return next < t.Length && ReportText.MarkerLength(t.AsSpan(next, Math.Min(8, t.Length - next))) > 0;
    }

    private static int LineStart(string t, int i) => t.LastIndexOf('\n', Math.Max(0, i - 1)) + 1;

    /// <summary>The time the key phrase speaks of: its sentence's words, else its section, else the text before.</summary>
    private static Frame FrameAt(ReportFacts report, string t, int sentenceStart, int cue, int year)
    {
        Frame own = FrameOf(t.AsSpan(sentenceStart, cue - sentenceStart), year);
        if (own != Frame.None) return own;
        Section section = report.Layout.At(cue);
        if (report.Layout.IndexAt(cue) >= 0)
        {
            if (section.Kind == SectionKind.Plan) return section.IsMultiYear ? Frame.PlanPeriod : section.To == year ? Frame.Current : Frame.None;
        }

        int from = Math.Max(0, sentenceStart - FrameWindow);
        return FrameOf(t.AsSpan(from, sentenceStart - from), year);
    }

    /// <summary>The frame of the last time word of a passage.</summary>
    private static Frame FrameOf(ReadOnlySpan<char> passage, int year)
    {
        int current = -1, plan = -1, past = -1;
        for (int i = 0; i < passage.Length; i++)
        {
            ReadOnlySpan<char> s = passage[i..];
            if (CurrentMarks.AtStart(s) is not null) current = i;
            if (PlanPeriodMarks.AtStart(s) is not null) plan = i;
            if (PastMarks.AtStart(s) is not null) past = i;
            if (s[0] is '十' or '“' or '六' or '七' or '八' or '九' && PlanNames.At(s, out _) is not null) plan = i;
            if (i + 5 <= passage.Length && char.IsAsciiDigit(s[0]) && s.Length > 4 && s[4] == '年' && (i == 0 || !char.IsAsciiDigit(passage[i - 1]))
                && int.TryParse(s[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y))
            {
                if (y == year) current = i;
                else if (y == year - 1) past = i;
                else if (y > year) plan = i;
            }
        }

        // “十五五” names a plan period, unless a 开局 after it makes it this year (实现“十五五”良好开局): the last word wins.
        int last = Math.Max(current, Math.Max(plan, past));
        return last < 0 ? Frame.None : last == current ? Frame.Current : last == plan ? Frame.PlanPeriod : Frame.Past;
    }

    /// <summary>The statement from its key phrase over the sentences and list lines with figures, or null without a figure.</summary>
    private static (int Start, int End)? Extent(ReportFacts report, string t, List<(int Start, int End)> sentences, int[] figures, int k, (int Start, int End, bool Linked) cue)
    {
        int end = sentences[k].End;
        bool any = FiguresAfter(report, cue.End, sentences[k].End) > 0;
        int paragraphEnd = ParagraphEnd(t, cue.Start);
        bool crossedOnce = false;
        for (int n = k + 1; n < sentences.Count; n++)
        {
            (int s, int e) = sentences[n];
            bool newLine = s > paragraphEnd;
            if (report.Layout.IndexAt(s) != report.Layout.IndexAt(cue.Start)) break;
            if (newLine)
            {
                // Past the key phrase's paragraph: the paragraph after it when nothing followed the phrase, then list lines only.
                // (A line ending in a colon opens another list: 今年要重点做好9个方面工作：)
                // A line without a marker goes on with the list only after a short line (an item) or a line the list runs
                // on from (closed by ；); after a paragraph of running text closed by a full stop it is a sentence of its own
                // (预期目标，一是…四是…。 / 力争…社会消费品零售总额增长5%左右。).
                int lineLength = LineLength(t, s);
                int lastEnd = s - 1;
                while (lastEnd > 0 && t[lastEnd - 1] == '\n') lastEnd--;
                bool unmarkedGoesOn = lastEnd == 0 || lastEnd - LineStart(t, lastEnd) <= MaxItemLine || t[lastEnd - 1] != '。';
                bool item = (ReportText.MarkerLength(t.AsSpan(s, e - s)) > 0 || (lineLength <= MaxItemLine && (unmarkedGoesOn || !any))) && t[s + lineLength - 1] != '：';
                if (!(!any && !crossedOnce) && !item) break;
                crossedOnce = true;
                paragraphEnd = ParagraphEnd(t, s);
            }

            if (figures[n] == 0)
            {
                // An enumerated list whose items are followed by sentences explaining them (一是…。这一目标…。二是…。): the
                // statement goes on at the next item of the same sequence in the paragraph, over sentences without figures.
                int next = any ? NextItem(report, t, sentences, figures, n, paragraphEnd, LastOrdinal(t, cue.End, end)) : -1;
                // A list without markers resumes the same way after such sentences, at a sentence that is a list of figures
                // again (…建议为：地区生产总值增长5%左右。提出这一目标，主要考虑是：…。规模以上工业增加值增长6%左右，…).
                if (next < 0 && any) next = ResumedList(report, t, sentences, figures, n, paragraphEnd);
                if (next < 0) break;
                n = next - 1;
                continue;
            }

            end = e;
            any = true;
        }

        return any ? (cue.Start, end) : null;
    }

    /// <summary>
    /// The index of the sentence at or after <paramref name="n"/> that opens with the item after <paramref name="last"/> in
    /// the same style (二是 after 一是, （二） after （一）, 2. after 1.) and has figures, reached over sentences of the same
    /// paragraph and section without figures (items without figures, 七是…同步, move the sequence on); −1 when there is none.
    /// </summary>
    private static int NextItem(ReportFacts report, string t, List<(int Start, int End)> sentences, int[] figures, int n, int paragraphEnd, (string Style, int Number)? last)
    {
        if (last is not { } item) return -1;
        int section = report.Layout.IndexAt(sentences[n].Start);
        for (int m = n; m < sentences.Count; m++)
        {
            (int s, int e) = sentences[m];
            if (s > paragraphEnd || report.Layout.IndexAt(s) != section) return -1;
            bool opens = Ordinal(t, s, e) is { } o && o.Style == item.Style && o.Number == item.Number + 1;
            if (opens && figures[m] > 0) return m;
            if (figures[m] > 0) return -1;
            if (opens) item = (item.Style, item.Number + 1);
        }

        return -1;
    }

    /// <summary>How many sentences without figures a list without markers may pass over before it resumes.</summary>
    private const int MaxAsideSentences = 3;

    /// <summary>
    /// The index of the sentence at or after <paramref name="n"/>, within <see cref="MaxAsideSentences"/> sentences without
    /// figures of the same paragraph and section, that is a list of figures (<see cref="IsFigureList"/>); −1 when there is none.
    /// </summary>
    private static int ResumedList(ReportFacts report, string t, List<(int Start, int End)> sentences, int[] figures, int n, int paragraphEnd)
    {
        int section = report.Layout.IndexAt(sentences[n].Start);
        for (int m = n; m < sentences.Count && m < n + MaxAsideSentences + 1; m++)
        {
            (int s, int e) = sentences[m];
            if (s > paragraphEnd || report.Layout.IndexAt(s) != section) return -1;
            if (figures[m] > 0) return IsFigureList(report, t, s, e) ? m : -1;
        }

        return -1;
    }

    /// <summary>
    /// Whether the sentence [<paramref name="s"/>, <paramref name="e"/>) is a list of figures as a statement is: its first
    /// clause (up to ，or ；) has a figure and opens with its noun (not a time, scope or target word: 今年, 全年, 力争), and at
    /// least two clauses and half of them have figures.
    /// </summary>
    private static bool IsFigureList(ReportFacts report, string t, int s, int e)
    {
        ReadOnlySpan<char> head = t.AsSpan(s, e - s).TrimStart();
        if (Lexicon.StartsWithAny(head, Lexicon.Scope) is not null || Lexicon.StartsWithAny(head, Lexicon.LeadingCues) is not null
            || SentenceReader.YearPhrase(head) > 0 || ReportText.MarkerLength(head) > 0) return false;
        int clauses = 0, withFigures = 0, from = s;
        bool first = true;
        for (int i = s; i <= e; i++)
        {
            if (i < e && t[i] is not ('，' or '；' or '。')) continue;
            if (i > from)
            {
                clauses++;
                bool figure = FiguresAfter(report, from, i) > 0;
                if (figure) withFigures++;
                if (first && !figure) return false;
                first = false;
            }

            from = i + 1;
        }

        return withFigures >= 2 && 2 * withFigures >= clauses;
    }

    /// <summary>
    /// Where the statement starts when its key phrase names the other targets (其他主要预期目标是：…): the sentence before it in
    /// the same paragraph gives the first target (建议今年地区生产总值增长5.5%左右。其他主要预期目标是：…); null otherwise.
    /// </summary>
    private static int? OtherTargetsFrom(string t, List<(int Start, int End)> sentences, int[] figures, int k, int cue)
    {
        int from = Math.Max(sentences[k].Start, cue - 4);
        ReadOnlySpan<char> before = t.AsSpan(from, cue - from);
        if (before.IndexOf("其他", StringComparison.Ordinal) < 0 && before.IndexOf("其余", StringComparison.Ordinal) < 0
            && before.IndexOf("其它", StringComparison.Ordinal) < 0) return null;
        if (k == 0 || figures[k - 1] == 0 || t.AsSpan(sentences[k - 1].Start, cue - sentences[k - 1].Start).Contains('\n')) return null;
        return sentences[k - 1].Start;
    }

    /// <summary>The last list item opened in [<paramref name="from"/>, <paramref name="to"/>), at its start or after a ；：，.</summary>
    private static (string Style, int Number)? LastOrdinal(string t, int from, int to)
    {
        (string, int)? last = null;
        for (int p = from; p < to; p++)
            if ((p == from || t[p - 1] is '；' or '：' or '，' or '。') && Ordinal(t, p, to) is { } o) last = o;
        return last;
    }

    /// <summary>
    /// The list marker opening [<paramref name="p"/>, <paramref name="to"/>) as a style and a number: 二是 → (#是, 2),
    /// （三） → (（#）, 3), 4. → (0., 4); null without a numbered marker.
    /// </summary>
    private static (string Style, int Number)? Ordinal(string t, int p, int to)
    {
        ReadOnlySpan<char> s = t.AsSpan(p, Math.Min(8, to - p));
        int length = ReportText.MarkerLength(s);
        if (length == 0) return null;
        ReadOnlySpan<char> marker = s[..length];
        int first = marker.IndexOfAnyExcept("（(第");
        if (first < 0) return null;
        int stop = first;
        bool ascii = char.IsAsciiDigit(marker[first]);
        while (stop < length && (ascii ? char.IsAsciiDigit(marker[stop]) : ChineseNumerals.DigitValue(marker[stop]) > 0 || marker[stop] == '十')) stop++;
        if (stop == first) return null;
        int? number = ascii
            ? int.Parse(marker[first..stop], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture)
            : ChineseNumerals.Parse(marker[first..stop]);
        return number is { } v ? (string.Concat(marker[..first], ascii ? "0" : "#", marker[stop..]), v) : null;
    }

    private static int LineLength(string t, int s)
    {
        int e = t.IndexOf('\n', s);
        return (e < 0 ? t.Length : e) - s;
    }

    private static int ParagraphEnd(string t, int from)
    {
        int nl = t.IndexOf('\n', from);
        return nl < 0 ? t.Length : nl;
    }

    private static int FiguresAfter(ReportFacts report, int from, int to)
    {
        int n = 0;
        foreach ((int s, _) in report.Spans)
            if (s >= from && s < to) n++;
        return n;
    }

    /// <summary>Sentences of the text as read (ends: 。！？ and line breaks), each with its end (exclusive, after 。).</summary>
    private static List<(int Start, int End)> Sentences(string t)
    {
        var result = new List<(int, int)>();
        int s = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] is '。' or '！' or '？' or '\n')
            {
                int e = t[i] == '\n' ? i : i + 1;
                if (e > s) result.Add((s, e));
                s = i + 1;
            }
        }

        if (t.Length > s) result.Add((s, t.Length));
        return result;
    }

    /// <summary>The number of figures in each sentence (one pass over both sorted lists).</summary>
    private static int[] FigureCounts(List<(int Start, int End)> sentences, IReadOnlyList<(int Start, int End)> spans)
    {
        var counts = new int[sentences.Count];
        int k = 0;
        foreach ((int s, _) in spans)
        {
            while (k < sentences.Count && sentences[k].End <= s) k++;
            if (k < sentences.Count && sentences[k].Start <= s) counts[k]++;
        }

        return counts;
    }

    private static int PercentCount(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (char c in s)
            if (c == '%') n++;
        return n;
    }
}
