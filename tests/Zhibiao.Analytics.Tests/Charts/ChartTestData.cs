using System.Text.RegularExpressions;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Charts;

/// <summary>The bundled dataset and small hand-made series for chart tests.</summary>
internal static partial class ChartTestData
{
    public static readonly Lazy<Dataset> Xinjiang = new(() => Dataset.Load(RepositoryPaths.XinjiangDataset));

    private static readonly Indicator Ind = new("x", "游客", "visitors", Zhibiao.Analytics.Units.PersonTime, Frequency.Yearly, Direction.HigherIsBetter, IndicatorKind.Flow);

    /// <summary>A yearly series 2018–2024 whose last value is qualified as written (or exact).</summary>
    public static IndicatorSeries Series(Qualifier last) =>
        IndicatorSeries.Create(Ind, new[] { 1.0, 1.1, 1.25, 1.3, 1.5, 1.6, 1.8 }.Select((v, i) =>
            new Observation("x", Period.OfYear(2018 + i), Measure.Level, Quantity.Of(v * 1e8, Zhibiao.Analytics.Units.PersonTime),
                i == 6 ? last : Qualifier.Exact, new Source("test"))));

    public static Target Target(double value) =>
        new("x", TargetKind.Level, Period.OfYear(2026), Quantity.Of(value, Zhibiao.Analytics.Units.PersonTime), TargetComparison.AtLeast, new Source("test"));

    /// <summary>The aria-labels (text drawn as outlines) of an SVG.</summary>
    public static string[] Labels(string svg) => [.. AriaLabel().Matches(svg).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("aria-label=\"([^\"]*)\"")]
    private static partial Regex AriaLabel();
}
