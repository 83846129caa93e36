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
    public static readonly WordList QualifierBefore = new("不低于", "不少于", "不超过", "超过", "突破", "接近", "将近", "大约", "不到", "不足", "超", "逾", "近", "约");

    /// <summary>Qualifier words written right after a number and its unit (50%以上).</summary>
    public static readonly WordList QualifierAfter = new("以上", "以下", "以内", "左右", "上下");

    /// <summary>Words linking a subject to its level (达到1.64万列, 上升至87.2%): the figure is the level, not a change.</summary>
    public static readonly WordList LevelLinks = new(
        "达到", "达", "为", "是", "至", "到", "保持在", "控制在", "稳定在", "维持在", "约为", "分别为", "分别达到", "增至", "降至",
        "跃上", "跃升至", "超出", "按", "拟按", "安排", "拟安排");

    /// <summary>Verbs of increase: a figure right after one is a change (新增202.9万亩) or, in %, a growth (增长10.6%).</summary>
    public static readonly WordList IncreaseVerbs = new(
        "增长", "增加", "上涨", "提高", "提升", "上升", "增产", "增收", "扩大", "多增", "新增", "增");

    /// <summary>Verbs of decrease: the change or growth after one is negative (下降2.7%, 减少1500亿元).</summary>
    public static readonly WordList DecreaseVerbs = new(
        "下降", "降低", "减少", "回落", "下滑", "减产", "缩减", "压减", "减收", "下调", "缩小", "降");

    /// <summary>Nouns of growth (涨幅2%左右, 降幅超过3%): the figure is a growth, negative for 降幅.</summary>
    public static readonly WordList GrowthNouns = new("增幅", "增速", "涨幅", "增长率", "降幅", "跌幅");

    /// <summary>Adverbs between a subject and its figure, dropped (分别, 再, 同比 …).</summary>
    public static readonly WordList Adverbs = new(
        "分别", "再", "又", "同比", "累计", "共", "首次", "一次性", "平均每年", "每年平均", "每年", "平均", "年均", "均", "总计", "合计", "共计", "已", "将", "还",
        "进一步", "全年", "当年", "实际", "名义", "拟", "实现");

    /// <summary>Adverbs at the start of a subject (合计新增政府债务总规模): dropped when a subject remains.</summary>
    public static readonly WordList LeadingAdverbs = new("合计", "累计", "共计", "总计", "同时", "再", "又", "一次性", "首次", "已", "共");

    /// <summary>Comparison bases (比上年增加5000亿元): dropped from the subject.</summary>
    public static readonly WordList Bases = new("比上年同期", "比上年", "比去年", "较上年", "较去年", "较上年同期", "与上年相比", "比上一年");

    /// <summary>Words that only set the scope of a subject (全疆粮食播种面积): dropped from its start.</summary>
    public static readonly WordList Scope = new(
        "全疆", "全区", "全省", "全市", "全县", "全国", "全年", "今年", "去年", "上年", "当年", "一年来", "我区", "我省", "我市",
        "我国", "其中", "同时", "另外", "此外");

    /// <summary>Target and forecast words at the start of a subject (力争接待游客): dropped.</summary>
    public static readonly WordList LeadingCues = new("力争", "确保", "预计", "拟按", "拟", "计划", "争取", "目标是", "预期");

    /// <summary>Verbs of action before a subject (安排“三农”资金, 建设高标准农田): dropped from its start.</summary>
    public static readonly WordList LeadingVerbs = new(
        "安排", "完成", "实现", "建设", "建成", "创建", "形成", "下达", "举办", "开展", "改善", "发行", "新建", "培育", "认定",
        "改建", "新改建", "改扩建", "包括", "办好",
        "引进", "落实", "推动", "推进", "支持", "投入", "筹集", "发放", "实施", "达到", "新开工", "开工", "竣工", "投产", "建立",
        "设立", "组织", "全力", "大力", "积极", "加快", "深入", "扎实", "持续", "全面", "不断", "着力", "加大", "加强", "坚持",
        "出台", "制定", "修订", "审议", "提请", "给予", "整合", "统筹", "用好", "优化", "打造", "促进", "提供");

    /// <summary>Verbs that, left alone before a figure, say what the previous subject reached (惠及4550万人次).</summary>
    public static readonly WordList ReachVerbs = new("惠及", "带动", "吸纳", "覆盖", "接待", "服务");

    /// <summary>Words ending a topic taken from a clause (推进棉花和纺织服装全产业链发展 → 棉花和纺织服装全产业链).</summary>
    public static readonly WordList TopicTails = new("发展", "建设", "工作", "行动", "改革", "升级", "转型");

    /// <summary>Subjects that name a total of the previous subject (总规模突破1亿千瓦): the earlier figure was its change.</summary>
    public static readonly WordList TotalWords = new("总规模", "总量", "累计", "总计", "合计", "总装机", "总数", "规模");

    /// <summary>Subjects that name an attribute without its owner (产值超2200亿元): the owner comes from the context.</summary>
    public static readonly WordList AttributeWords = new(
        "产值", "收益", "收入", "营业收入", "营收", "利润", "增加值", "总产", "产量", "吸纳就业", "带动就业", "投资", "销售额",
        "出口额", "进口额", "交易额", "总产值", "成交额");

    /// <summary>Heads shared by the items of a 分别 list (绿电、绿证交易规模 → 绿电交易规模, 绿证交易规模), longest first.</summary>
    public static readonly WordList SharedHeads = new(
        "交易规模", "增加值", "产量", "产值", "收入", "营业收入", "投资", "规模", "比重", "占比", "增速", "销售额", "零售额",
        "利润", "总额", "人数", "面积", "装机容量", "装机", "发电量", "用电量", "价格", "补助标准", "标准", "交易量");

    /// <summary>Words that end a noun read after a figure (60家三甲医院实现…互认 → 三甲医院).</summary>
    public static readonly WordList NounStops = new(
        "实现", "被评为", "被", "赴", "参加", "荣获", "获得", "入选", "投向", "达到", "完成", "全面", "得到", "开工", "建成", "纳入",
        "落地", "支持", "用于", "置换", "覆盖", "惠及", "通过", "参与", "享受", "受益", "正式", "顺利", "成功", "已", "将", "累计",
        "投入", "带动", "达", "可以",
        "获", "在", "从", "向", "到", "与", "为", "是", "和", "及", "等");

    /// <summary>Target words at the end of a subject (经济增长预期目标为5%左右 → 经济增长): dropped.</summary>
    public static readonly WordList TrailingCues = new("预期目标", "目标", "预期");

    /// <summary>Heads of stocks (装机, 面积, 里程): 新增 inside such a subject makes its figure a change (可再生能源新增装机3.7亿千瓦).</summary>
    public static readonly WordList StockHeads = new("装机", "装机容量", "容量", "面积", "里程", "耕地", "产能", "储量", "库容", "能力", "通车里程");

    /// <summary>Words before 年产 figures that describe a capacity of what follows (年产百万吨国家级页岩油示范区).</summary>
    public static readonly WordList CapacityWords = new("年产", "年产能", "年处理", "年吞吐");

    /// <summary>Words marking a target: a goal for a future period.</summary>
    public static readonly WordList TargetCues = new("力争", "目标", "预期", "确保", "拟", "控制在", "争取");

    /// <summary>Target words trusted in a review section too (目标 and 预期 there mostly describe the past).</summary>
    public static readonly WordList StrongTargetCues = new("力争", "拟", "争取", "预期目标", "控制在");

    /// <summary>Words marking a forecast: an expected outcome, not a goal.</summary>
    public static readonly WordList ForecastCues = new("预计");

    /// <summary>Nouns whose figures are counts of people (3300万 workers → 人) when no unit is written.</summary>
    public static readonly WordList PersonNouns = new(
        "就业", "人口", "人员", "劳动力", "农民工", "学生", "毕业生", "职工", "群众", "人才", "居民", "儿童", "老人", "老年人");

    /// <summary>Nouns whose figures are counts of person-times (游客, 旅客) when no unit is written.</summary>
    public static readonly WordList VisitNouns = new("游客", "旅客", "人次", "客流");

    /// <summary>Count units: a noun after one is the thing counted (15个全国美丽宜居示范村).</summary>
    public static bool IsCountUnit(Unit unit) =>
        unit.Factor == 1 && unit.Dimension is not ("mass" or "area" or "power" or "energy" or "money" or "length" or "volume"
            or "yield" or "percent" or "percentage point" or "times" or "money (US dollars)" or "energy (coal equivalent)");

    /// <summary>The longest word of <paramref name="words"/> that <paramref name="text"/> ends with, or null.</summary>
    public static string? EndsWithAny(ReadOnlySpan<char> text, WordList words) => words.AtEnd(text);

    /// <summary>The longest word of <paramref name="words"/> that <paramref name="text"/> starts with, or null.</summary>
    public static string? StartsWithAny(ReadOnlySpan<char> text, WordList words) => words.AtStart(text);
}
