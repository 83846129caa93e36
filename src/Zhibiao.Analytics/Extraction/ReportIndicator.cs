
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
/// matched by their head (the end of the noun phrase, by <see cref="SynonymTable"/>).
/// </summary>
internal static class ReportIndicators
{
    /// <summary>The indicators, in the order files list them (reading/report-indicators.csv, shipped with the library).</summary>
    public static IReadOnlyList<ReportIndicator> All { get; } =
    [
        .. ReadingData.Rows("report-indicators.csv").Select(r => new ReportIndicator(
            new Indicator(r[0], r[1], r[2], Units.Get(r[3]), Frequency.Yearly, Indicator.ParseDirection(r[4]), Indicator.ParseKind(r[5])),
            r[6] == "growth" ? Measure.Growth : Measure.Level)),
    ];

    /// <summary>The indicator of an id, or null.</summary>
    public static ReportIndicator? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    /// <summary>
    /// The synonym table shipped with the datasets (reading/report-synonyms.csv: subject as reports write it → id). Heads
    /// only: 能耗 covers 单位国内生产总值能耗 and 能耗强度 is listed because its head is 强度. Short words (物价, 节能减排) serve the
    /// reports' own verdicts (物价调控目标没有完成).
    /// </summary>
    public static SynonymTable DefaultSynonyms { get; } = SynonymTable.Of(ReadingData.Rows("report-synonyms.csv").Select(r => new Synonym(r[0], r[1])));
}
