namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// The words the extractor reads around a number in a Chinese report: what links a subject to its figure (达到, 为),
/// what makes a figure a change or a growth (新增, 增长, 下降), what marks a target (力争, 目标) or a forecast (预计),
/// and the words that only set the scope (全疆, 全年). Every list is matched as a whole word at a fixed place (the end
/// of the text before a number, the start of a subject), never searched with backtracking.
/// </summary>
internal static class Lexicon
{
    /// <summary>Sentence ends: the context (year, target words) resets after these.</summary>
    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n';

    /// <summary>Clause ends inside a sentence (、 is not one: it separates list items within a clause).</summary>
    public static bool IsClauseEnd(char c) => c is '，' or '；' or '：' or ',' or ';' or ':' || IsSentenceEnd(c);

    /// <summary>A CJK ideograph (a word character of Chinese text).</summary>
    public static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>A decimal digit, ASCII or full-width.</summary>
    public static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    /// <summary>The value of a digit from <see cref="IsDigit"/>.</summary>
    public static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    /// <summary>Characters that join two numbers into a range (5%—6%, 3至5个).</summary>
    public static bool IsRangeDash(char c) => c is '—' or '–' or '-' or '－' or '～' or '~' or '至' or '到';

    /// <summary>Qualifier words written right before a number (突破3亿), longest first.</summary>
    public static readonly WordList QualifierBefore = ReadingData.Words("QualifierBefore");

    /// <summary>Qualifier words written right after a number and its unit (50%以上).</summary>
    public static readonly WordList QualifierAfter = ReadingData.Words("QualifierAfter");

    /// <summary>Words linking a subject to its level (达到1.64万列, 上升至87.2%): the figure is the level, not a change.</summary>
    public static readonly WordList LevelLinks = ReadingData.Words("LevelLinks");

    /// <summary>Verbs of increase: a figure right after one is a change (新增202.9万亩) or, in %, a growth (增长10.6%).</summary>
    public static readonly WordList IncreaseVerbs = ReadingData.Words("IncreaseVerbs");

    /// <summary>Verbs of decrease: the change or growth after one is negative (下降2.7%, 减少1500亿元).</summary>
    public static readonly WordList DecreaseVerbs = ReadingData.Words("DecreaseVerbs");

    /// <summary>Nouns of growth (涨幅2%左右, 降幅超过3%): the figure is a growth, negative for 降幅.</summary>
    public static readonly WordList GrowthNouns = ReadingData.Words("GrowthNouns");

    /// <summary>Words after a count of 次 or 届 that name a session (十四届人民代表大会) or the three sectors (三次产业).</summary>
    public static readonly WordList SessionWords = ReadingData.Words("SessionWords");

    /// <summary>Words of growth after a figure in % (保持20%以上增长, 4.5%左右的增长目标): the figure is a growth.</summary>
    public static readonly WordList GrowthAfter = ReadingData.Words("GrowthAfter");

    /// <summary>Adverbs between a subject and its figure, dropped (分别, 再, 同比 …).</summary>
    public static readonly WordList Adverbs = ReadingData.Words("Adverbs");

    /// <summary>Adverbs at the start of a subject (合计新增政府债务总规模): dropped when a subject remains.</summary>
    public static readonly WordList LeadingAdverbs = ReadingData.Words("LeadingAdverbs");

    /// <summary>Comparison bases (比上年增加5000亿元): dropped from the subject.</summary>
    public static readonly WordList Bases = ReadingData.Words("Bases");

    /// <summary>Words that only set the scope of a subject (全疆粮食播种面积): dropped from its start.</summary>
    public static readonly WordList Scope = ReadingData.Words("Scope");

    /// <summary>Target and forecast words at the start of a subject (力争接待游客): dropped.</summary>
    public static readonly WordList LeadingCues = ReadingData.Words("LeadingCues");

    /// <summary>Verbs of action before a subject (安排“三农”资金, 建设高标准农田): dropped from its start.</summary>
    public static readonly WordList LeadingVerbs = ReadingData.Words("LeadingVerbs");

    /// <summary>Verbs that, left alone before a figure, say what the previous subject reached (惠及4550万人次).</summary>
    public static readonly WordList ReachVerbs = ReadingData.Words("ReachVerbs");

    /// <summary>Words ending a topic taken from a clause (推进棉花和纺织服装全产业链发展 → 棉花和纺织服装全产业链).</summary>
    public static readonly WordList TopicTails = ReadingData.Words("TopicTails");

    /// <summary>Subjects that name a total of the previous subject (总规模突破1亿千瓦): the earlier figure was its change.</summary>
    public static readonly WordList TotalWords = ReadingData.Words("TotalWords");

    /// <summary>Subjects that name an attribute without its owner (产值超2200亿元): the owner comes from the context.</summary>
    public static readonly WordList AttributeWords = ReadingData.Words("AttributeWords");

    /// <summary>Heads shared by the items of a 分别 list (绿电、绿证交易规模 → 绿电交易规模, 绿证交易规模), longest first.</summary>
    public static readonly WordList SharedHeads = ReadingData.Words("SharedHeads");

    /// <summary>Words that end a noun read after a figure (60家三甲医院实现…互认 → 三甲医院).</summary>
    public static readonly WordList NounStops = ReadingData.Words("NounStops");

    /// <summary>Target words at the end of a subject (经济增长预期目标为5%左右 → 经济增长): dropped.</summary>
    public static readonly WordList TrailingCues = ReadingData.Words("TrailingCues");

    /// <summary>Heads of stocks (装机, 面积, 里程): 新增 inside such a subject makes its figure a change (可再生能源新增装机3.7亿千瓦).</summary>
    public static readonly WordList StockHeads = ReadingData.Words("StockHeads");

    /// <summary>Verbs of building at the start of a subject that make a figure of a stock a change (新建海上风电装机300万千瓦).</summary>
    public static readonly WordList NewStockVerbs = ReadingData.Words("NewStockVerbs");

    /// <summary>Words before 年产 figures that describe a capacity of what follows (年产百万吨国家级页岩油示范区).</summary>
    public static readonly WordList CapacityWords = ReadingData.Words("CapacityWords");

    /// <summary>Words marking a target: a goal for a future period.</summary>
    public static readonly WordList TargetCues = ReadingData.Words("TargetCues");

    /// <summary>Target words trusted in a review section too (目标 and 预期 there mostly describe the past).</summary>
    public static readonly WordList StrongTargetCues = ReadingData.Words("StrongTargetCues");

    /// <summary>Words marking a forecast: an expected outcome, not a goal.</summary>
    public static readonly WordList ForecastCues = ReadingData.Words("ForecastCues");

    /// <summary>Nouns whose figures are counts of people (3300万 workers → 人) when no unit is written.</summary>
    public static readonly WordList PersonNouns = ReadingData.Words("PersonNouns");

    /// <summary>Nouns whose figures are counts of person-times (游客, 旅客) when no unit is written.</summary>
    public static readonly WordList VisitNouns = ReadingData.Words("VisitNouns");

    /// <summary>Words that compare a figure with a reference (高于全国1.8个百分点): the gap is of the figure before it.</summary>
    public static readonly WordList ComparisonWords = ReadingData.Words("ComparisonWords");

    /// <summary>Count units: a noun after one is the thing counted (15个全国美丽宜居示范村).</summary>
    public static bool IsCountUnit(Unit unit) =>
        unit.Factor == 1 && unit.Dimension is not ("mass" or "area" or "power" or "energy" or "money" or "length" or "volume"
            or "yield" or "years of age" or "percent" or "percentage point" or "times" or "money (US dollars)" or "energy (coal equivalent)");

    /// <summary>The longest word of <paramref name="words"/> that <paramref name="text"/> ends with, or null.</summary>
    public static string? EndsWithAny(ReadOnlySpan<char> text, WordList words) => words.AtEnd(text);

    /// <summary>The longest word of <paramref name="words"/> that <paramref name="text"/> starts with, or null.</summary>
    public static string? StartsWithAny(ReadOnlySpan<char> text, WordList words) => words.AtStart(text);
}
