
namespace Zhibiao.Analytics.Extraction;

/// <summary>
/// An indicator as government work reports state it: the indicator, and which kind of fact of a report gives its
/// value — a growth in % (国内生产总值增长8%: gdp_growth is 8) or a level (城镇新增就业1000万人).
/// </summary>
/// <param name="Indicator">The indicator (its unit is the unit values are held in: %, 人, 斤).</param>
/// <param name="Reads">The measure of a report's fact that gives the value: growth or level.</param>
public sealed record ReportIndicator(Indicator Indicator, Measure Reads)
{
    /// <summary>The indicator id.</summary>
    public string Id => Indicator.Id;
}

/// <summary>
/// The canonical indicators of national and provincial government work reports, with fixed ids other tools read
/// (gdp_growth, cpi, urban_new_jobs …), and the synonym table that maps the reports' subjects to them. Subjects are
/// matched by their head (the end of the noun phrase, <see cref="SynonymTable.FindByHead"/>).
/// </summary>
public static class ReportIndicators
{
    private static ReportIndicator Growth(string id, string zh, string en, Direction d) =>
        new(new Indicator(id, zh, en, Units.Get("%"), Frequency.Yearly, d, IndicatorKind.Rate), Measure.Growth);

    private static ReportIndicator Level(string id, string zh, string en, string unit, Direction d, IndicatorKind kind) =>
        new(new Indicator(id, zh, en, Units.Get(unit), Frequency.Yearly, d, kind), Measure.Level);

    /// <summary>The indicators, in the order files list them.</summary>
    public static IReadOnlyList<ReportIndicator> All { get; } =
    [
        Growth("gdp_growth", "国内生产总值增长", "real GDP growth", Direction.HigherIsBetter),
        Growth("cpi", "居民消费价格涨幅", "rise of consumer prices", Direction.LowerIsBetter),
        Level("urban_new_jobs", "城镇新增就业", "new urban jobs", "人", Direction.HigherIsBetter, IndicatorKind.Flow),
        Level("registered_unemployment", "城镇登记失业率", "registered urban unemployment rate", "%", Direction.LowerIsBetter, IndicatorKind.Rate),
        Level("surveyed_unemployment", "城镇调查失业率", "surveyed urban unemployment rate", "%", Direction.LowerIsBetter, IndicatorKind.Rate),
        Growth("energy_intensity", "单位国内生产总值能耗变化", "change of energy use per unit of GDP (a decline is negative)", Direction.LowerIsBetter),
        Level("grain_output", "粮食产量", "grain output", "斤", Direction.HigherIsBetter, IndicatorKind.Flow),
        Growth("trade_growth", "进出口增长", "growth of imports and exports", Direction.HigherIsBetter),
        Growth("m2_growth", "广义货币增长", "growth of broad money M2 (a target is a ceiling)", Direction.LowerIsBetter),
        Level("deficit_ratio", "赤字率", "budget deficit as a share of GDP", "%", Direction.LowerIsBetter, IndicatorKind.Share),
        Growth("industrial_value_added_growth", "规模以上工业增加值增长", "growth of industrial value added", Direction.HigherIsBetter),
        Growth("fixed_investment_growth", "固定资产投资增长", "growth of fixed-asset investment", Direction.HigherIsBetter),
        Growth("retail_sales_growth", "社会消费品零售总额增长", "growth of retail sales of consumer goods", Direction.HigherIsBetter),
        Growth("budget_revenue_growth", "财政收入增长", "growth of budget revenue", Direction.HigherIsBetter),
        Growth("income_growth", "居民人均可支配收入增长", "growth of per-capita disposable income of residents", Direction.HigherIsBetter),
        Growth("urban_income_growth", "城镇居民人均可支配收入增长", "growth of per-capita disposable income of urban residents", Direction.HigherIsBetter),
        Growth("rural_income_growth", "农村居民人均可支配收入增长", "growth of per-capita disposable income of rural residents", Direction.HigherIsBetter),
    ];

    /// <summary>The indicator of an id, or null.</summary>
    public static ReportIndicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    /// <summary>
    /// The synonym table shipped with the datasets (subject as reports write it → id). Heads only: 能耗 covers
    /// 单位国内生产总值能耗 and 能耗强度 is listed because its head is 强度. Short words (物价, 节能减排) serve the
    /// reports' own verdicts (物价调控目标没有完成).
    /// </summary>
    public static SynonymTable DefaultSynonyms { get; } = SynonymTable.Of(
    [
        new("国内生产总值", "gdp_growth"), new("GDP", "gdp_growth"), new("经济增长", "gdp_growth"), new("经济增速", "gdp_growth"),
        new("生产总值", "gdp_growth"), new("经济增长速度", "gdp_growth"),
        new("居民消费价格", "cpi"), new("居民消费价格总水平", "cpi"), new("物价总水平", "cpi"), new("消费价格", "cpi"),
        new("物价", "cpi"), new("居民消费价格指数", "cpi"), new("CPI", "cpi"),
        new("城镇新增就业", "urban_new_jobs"), new("城镇新增就业人数", "urban_new_jobs"), new("新增就业", "urban_new_jobs"),
        new("城镇登记失业率", "registered_unemployment"), new("登记失业率", "registered_unemployment"),
        new("城镇调查失业率", "surveyed_unemployment"), new("调查失业率", "surveyed_unemployment"),
        new("能耗", "energy_intensity"), new("能耗强度", "energy_intensity"), new("单位国内生产总值能耗", "energy_intensity"), new("单位GDP能耗", "energy_intensity"), new("能源消耗", "energy_intensity"),
        new("节能减排", "energy_intensity"), new("节能", "energy_intensity"),
        new("粮食产量", "grain_output"), new("粮食总产量", "grain_output"), new("粮食总产", "grain_output"),
        new("进出口", "trade_growth"), new("进出口总额", "trade_growth"), new("进出口贸易总额", "trade_growth"),
        new("外贸进出口总额", "trade_growth"), new("外贸进出口", "trade_growth"), new("货物进出口", "trade_growth"),
        new("对外贸易", "trade_growth"), new("外贸", "trade_growth"),
        new("广义货币", "m2_growth"), new("M2", "m2_growth"), new("广义货币M2", "m2_growth"), new("广义货币供应量", "m2_growth"),
        new("赤字率", "deficit_ratio"), new("财政赤字率", "deficit_ratio"),
        new("规模以上工业增加值", "industrial_value_added_growth"), new("规上工业增加值", "industrial_value_added_growth"),
        new("工业增加值", "industrial_value_added_growth"),
        new("固定资产投资", "fixed_investment_growth"), new("全社会固定资产投资", "fixed_investment_growth"),
        new("社会消费品零售总额", "retail_sales_growth"),
        new("财政收入", "budget_revenue_growth"), new("一般公共预算收入", "budget_revenue_growth"),
        new("地方一般公共预算收入", "budget_revenue_growth"), new("全国财政收入", "budget_revenue_growth"),
        new("进出口总值", "trade_growth"), new("外贸进出口总值", "trade_growth"),
        new("居民人均可支配收入", "income_growth"), new("全体居民人均可支配收入", "income_growth"), new("居民收入", "income_growth"),
        new("城镇居民人均可支配收入", "urban_income_growth"), new("城镇常住居民人均可支配收入", "urban_income_growth"),
        new("城镇居民收入", "urban_income_growth"),
        new("农村居民人均可支配收入", "rural_income_growth"), new("农村常住居民人均可支配收入", "rural_income_growth"),
        new("农村居民收入", "rural_income_growth"), new("农村居民人均纯收入", "rural_income_growth"),
    ]);
}
