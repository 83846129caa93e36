namespace Zhibiao.Analytics.Extraction;

/// <summary>What the words before a figure say: its subject and how it relates to it.</summary>
internal sealed record WordsBefore
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

    /// <summary>The link word nearest the figure (达到, 保持在, 提高到), if any.</summary>
    public string? LinkWord { get; init; }

    /// <summary>The qualifier word right before the figure (突破, 超过), if any.</summary>
    public string? BeforeWord { get; init; }

    /// <summary>从 or 由 right before the figure: the start of a from–to pair (从0.94万家增加到1.55万家).</summary>
    public bool From { get; init; }

    /// <summary>年均 before the figure: a yearly average over several years.</summary>
    public bool Average { get; init; }

    /// <summary>新增 inside the subject of a stock (可再生能源新增装机): the figure is a change of the stock.</summary>
    public bool NewStock { get; init; }

    /// <summary>A level reached (达到, 突破, 提高到, 增至): at the end of a span of years.</summary>
    public bool Reached => BeforeWord == "突破" || LinkWord is { } w && ReachedLinks.Contains(w);

    /// <summary>A level past or near a threshold (超过, 突破, 逾, 接近).</summary>
    public bool Threshold => BeforeWord is "突破" or "超过" or "超" or "逾" or "接近" or "近" or "将近";

    /// <summary>A verb of action opened the subject (引进, 完成, 建设): what was done.</summary>
    public bool Action { get; init; }

    /// <summary>A level kept (保持在, 稳定在, 维持在): over a span of years.</summary>
    public bool Steady => LinkWord is "保持在" or "稳定在" or "维持在";

    private static readonly WordList ReachedLinks = ReadingData.Words("ReachedLinks");

    /// <summary>Reads the words before a figure from the figure backwards, then the subject from its start.</summary>
    public static WordsBefore Of(string pre)
    {
        ReadOnlySpan<char> s = pre.AsSpan().Trim();
        bool onlyConnectors = true;
        foreach (char c in s)
            if (c is not ('、' or '和' or '及' or '与') && !char.IsWhiteSpace(c)) onlyConnectors = false;

        Qualifier? before = null;
        string? linkWord = null, beforeWord = null;
        bool from = false, average = false, total = false;
        bool link = false, verb = false, growthNoun = false, cueNoun = false, isNew = false, respectively = false, capacity = false, produced = false;
        int sign = 0;
        for (int k = 0; k < 16 && s.Length > 0; k++)
        {
            s = s.TrimEnd();
            string? w;
            if (before is null && !verb && !growthNoun && (w = Lexicon.EndsWithAny(s, Lexicon.QualifierBefore)) is not null)
            {
                before = Qualifiers.FromChineseWord(w);
                beforeWord = w;
            }
            else if (k == 0 && (w = YearOf(s)) is not null)
            {
                // 从2020年的3.68万亿元, 增长到2025年的4.93万亿元: the year is the figure's (read with the sentence), not its subject.
                from = w[0] is '从' or '由';
            }
            else if (k == 0 && s.Length > 1 && s[^1] is '从' or '由')
            {
                w = s[^1..].ToString();
                from = true;
            }
            else if ((w = Lexicon.EndsWithAny(s, Lexicon.LevelLinks)) is not null)
            {
                link = true;
                linkWord ??= w;
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
                average |= w is "年均" or "平均每年" or "每年平均" or "每年";
                total |= w is "累计" or "合计" or "共计" or "总计";
            }
            else if ((w = Lexicon.EndsWithAny(s, Lexicon.Bases)) is not null || (w = YearBase(s)) is not null || (w = PlanBase(s)) is not null)
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

        s = Unmarked(s);
        ReadOnlySpan<char> scoped = StripScope(s);
        ReadOnlySpan<char> core = SentenceReader.StripLeading(s, out string? leadingVerb);
        string? reach = null;
        if (Lexicon.ReachVerbs.Contains(core))
        {
            reach = core.ToString();
            core = [];
        }
        else if (verb && Lexicon.ReachVerbs.AtStart(core) is "接待" or "带动" && core.Length >= 4)
        {
            // Before a verb of change the verb of reach is the clause's (带动技术改造投资增长18%: 技术改造投资 grew); before a
            // level it names what is counted and stays (接待游客3亿人次, 带动社会投资超千亿元).
            core = core[2..];
        }

        string coreText = NounOfClause(Unmarked(core)).ToString();
        bool newStock = false;
        int newAt = coreText.IndexOf("新增", StringComparison.Ordinal);
        if (newAt >= 0 && !coreText.AsSpan(newAt).StartsWith("新增长") && Lexicon.StockHeads.AtEnd(coreText) is not null && coreText.Length > newAt + 2)
        {
            // 可再生能源新增装机3.7亿千瓦: the increase of 可再生能源装机.
            newStock = true;
            coreText = coreText.Remove(newAt, 2);
        }
        else if (leadingVerb is not null && Lexicon.NewStockVerbs.Contains(leadingVerb) && Lexicon.StockHeads.AtEnd(coreText) is not null)
        {
            // 新建海上风电装机300万千瓦, 扩建耕地面积: a verb of building before a stock adds to it, as 新增 does.
            newStock = true;
        }

        if (produced && coreText.Length > 0 && !coreText.EndsWith("产量", StringComparison.Ordinal)) coreText += "产量";
        return new WordsBefore
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
            LinkWord = linkWord,
            BeforeWord = beforeWord,
            From = from,
            Average = average,
            NewStock = newStock,
            // New things counted (城镇新增就业超690万人) are what was done over the span, like a verb of action.
            // So is a total (地方一般公共预算收入累计超过4万亿元): the sum over the span, even past a threshold.
            Action = leadingVerb is not null || isNew || total || coreText.Contains("新增", StringComparison.Ordinal),
        };
    }

    /// <summary>
    /// The noun of words that are a clause of their own, with a figure or a list in them (地区生产总值连续迈上4个万亿元台阶、达
    /// 14.2万亿元): the words before its first link, without an adverb at their end (地区生产总值).
    /// </summary>
    private static ReadOnlySpan<char> NounOfClause(ReadOnlySpan<char> s)
    {
        if (s.IndexOfAnyInRange('0', '9') < 0 && !s.EndsWith("、")) return s;
        for (int i = 2; i + 1 < s.Length; i++)
        {
            if (Lexicon.LevelLinks.AtStart(s[i..]) is not { Length: >= 2 }) continue;
            s = s[..i];
            if (Lexicon.EndsWithAny(s, Lexicon.Adverbs) is { } adverb && s.Length > adverb.Length + 1) s = s[..^adverb.Length];
            return s;
        }

        return s;
    }

    /// <summary>
    /// The words of a subject without the marks that belong to the text around it: a closing mark or the tail of a
    /// rate's unit or a 的 at the start (”政策, /月提高至: 从796元/月提高至842元/月; 的企业), an opening mark at the end (推出稳经济“).
    /// </summary>
    private static ReadOnlySpan<char> Unmarked(ReadOnlySpan<char> s)
    {
        if (s.Length >= 2 && s[0] == '/' && Lexicon.IsIdeograph(s[1])) s = s[2..];
        // 营收超百亿元的企业达到12家: what follows the figure before it (的企业) is the noun, without its 的.
        if (s.Length >= 2 && s[0] == '的') s = s[1..];
        s = s.TrimStart("”）》\"'").TrimEnd("“（《\"'");
        return s;
    }

    /// <summary>比“十三五”末 / 较“十三五”末期 at the end: a comparison base.</summary>
    private static string? PlanBase(ReadOnlySpan<char> s)
    {
        int at = Math.Max(s.LastIndexOf('比'), s.LastIndexOf('较'));
        if (at < 0 || s.Length - at > 9 || PlanNames.At(s[(at + 1)..], out int length) is null) return null;
        ReadOnlySpan<char> rest = s[(at + 1 + length)..];
        return rest is "末" or "末期" or "时期" or "期末" ? s[at..].ToString() : null;
    }

    /// <summary>[从|由] YYYY年[底|末]的 at the end of the words before a figure, or null.</summary>
    private static string? YearOf(ReadOnlySpan<char> s)
    {
        if (s.Length < 6 || s[^1] != '的') return null;
        int p = s.Length - 2;
        if (s[p] is '底' or '末') p--;
        if (p < 4 || s[p] != '年') return null;
        for (int i = p - 4; i < p; i++)
            if (!char.IsAsciiDigit(s[i])) return null;
        int start = p - 4;
        if (start > 0 && s[start - 1] is '从' or '由') start--;
        return s[start..].ToString();
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
