using System.Globalization;
using Zhibiao.Analytics.Probability;
using ScottPlot;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// Colours and shared settings of the charts. The colours are fixed so that a chart's parts can be found in its SVG
/// (tests look for them) and read the same in every chart: blue history, orange forecast, green target.
/// </summary>
public static class ChartStyle
{
    /// <summary>Observed history: line and reported markers.</summary>
    public const string History = "#1F3A5F";

    /// <summary>Derived history (implied by a reported growth, or interpolated).</summary>
    public const string Derived = "#8C8C8C";

    /// <summary>The forecast median.</summary>
    public const string Median = "#C8553D";

    /// <summary>The forecast bands (80% drawn more opaque than 95%).</summary>
    public const string Band = "#F28F3B";

    /// <summary>The target marker and the required path.</summary>
    public const string Target = "#2A9D8F";

    /// <summary>Growth bars.</summary>
    public const string Bars = "#4C78A8";

    /// <summary>Opacity of the 95% band.</summary>
    public const double Band95Opacity = 0.25;

    /// <summary>Opacity of the 80% band.</summary>
    public const double Band80Opacity = 0.5;

    /// <summary>ScottPlot's static caches are shared; renders are serialised.</summary>
    internal static readonly object RenderLock = new();

    /// <summary>The colour of a probability of meeting a target: red (exceptionally unlikely) to green (virtually certain); as in the HTML tables.</summary>
    public static string ForLikelihood(Likelihood likelihood) => Html.ColourOf(likelihood);

    /// <summary>The colour of a deterministic status: green on track or achieved, amber fair, orange limited, red worse; as in the HTML tables.</summary>
    public static string ForStatus(ProgressStatus status) => Html.ColourOf(status);

    /// <summary>A new plot in the chart font, white background, light grid.</summary>
    internal static Plot NewPlot()
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        plot.Legend.FontName = ChartFont.Name;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Axes.Title.Label.FontName = ChartFont.Name;
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
        return plot;
    }

    /// <summary>A ScottPlot colour from a hex constant, with an optional opacity.</summary>
    internal static Color Of(string hex, double opacity = 1) => Color.FromHex(hex).WithAlpha(opacity);

    /// <summary>The x coordinate of a period: its year plus the elapsed share of the year (2024-Q3 → 2024.5).</summary>
    internal static double X(Period p) => p.Year + ((p.SubPeriod - 1) / (double)p.Frequency.PeriodsPerYear());

    /// <summary>The title of a time axis: "year", or "quarter" / "month" / "period" for sub-annual series.</summary>
    internal static string AxisTitle(Frequency frequency) => frequency.PeriodsPerYear() switch
    {
        1 => "year",
        4 => "quarter",
        12 => "month",
        _ => "period",
    };

    /// <summary>Tick labels at whole periods ("2024", "2024-Q1"), at most about ten.</summary>
    internal static void PeriodTicks(Plot plot, Period first, Period last)
    {
        int count = (last - first) + 1;
        int step = Math.Max(1, (int)Math.Ceiling(count / 10.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < count; i += step)
        {
            Period p = first + i;
            ticks.AddMajor(X(p), p.ToString());
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>A number for labels: up to <paramref name="digits"/> significant digits, invariant.</summary>
    internal static string Number(double value, int digits = 4) =>
        double.IsFinite(value) ? Math.Round(value, Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(Math.Max(Math.Abs(value), 1e-12))))).ToString("0.####", CultureInfo.InvariantCulture) : "—";

    /// <summary>A fraction as a percent with one decimal: 0.0667 → "6.7%".</summary>
    internal static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
