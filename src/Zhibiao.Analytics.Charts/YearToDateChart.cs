using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using ScottPlot;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The year-to-date chart of an annual target (<see cref="YearToDateAssessment"/>): over the months (or quarters) of
/// the target year, last year's year-to-date totals, this year's published ones, the path the requirement describes
/// to the year's end, and the fan of simulated totals (80% and 95% bands, median) ending in the year's total beside
/// the target. Drawn from the assessment alone; nothing is simulated again.
/// </summary>
public static class YearToDateChart
{
    /// <summary>The chart of an assessment.</summary>
    public static Chart Create(YearToDateAssessment assessment, int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        YearToDateAssessment a = assessment;
        Indicator ind = a.Indicator;
        int m = a.PeriodsPerYear, k = a.PeriodsPublished;
        double[] months = [.. Enumerable.Range(0, m + 1).Select(j => (double)j)];
        double[] lastYear = [0, .. a.LastYearTotals.Span];
        double[] published = [0, .. a.PublishedTotals.Span];
        double bound = a.Target.Rule(ind).Bound;
        double? goal = a.Target.Kind == TargetKind.Growth
            ? a.LastYearTotal is { } ly ? ly * (1 + bound) : null
            : bound;

        var fan = new List<(double X, double Lo95, double Lo80, double Median, double Hi80, double Hi95)> { (k, a.PublishedTotal, a.PublishedTotal, a.PublishedTotal, a.PublishedTotal, a.PublishedTotal) };
        if (a.Totals is { } totals)
        {
            int first = m - totals.Horizon;
            for (int h = 1; h <= totals.Horizon; h++)
            {
                double[] s = totals.SortedAt(h);
                fan.Add((first + h, FittedModel.Quantile(s, 0.025), FittedModel.Quantile(s, 0.1), FittedModel.Quantile(s, 0.5), FittedModel.Quantile(s, 0.9), FittedModel.Quantile(s, 0.975)));
            }
        }

        double[] all = [.. lastYear, .. published, .. fan.Select(f => f.Hi95), .. goal is { } g0 ? [g0] : Array.Empty<double>()];
        all = [.. all.Where(double.IsFinite)];
        Magnitude mag = Magnitude.Natural(Math.Max(1e-300, all.Max(Math.Abs)), english: false);
        double f = mag.Factor;

        Plot plot = ChartStyle.NewPlot();
        if (fan.Count > 1)
        {
            double[] xs = [.. fan.Select(p => p.X)];
            Band(plot, xs, [.. fan.Select(p => p.Lo95 / f)], [.. fan.Select(p => p.Hi95 / f)], ChartStyle.Band95Opacity, "95% interval");
            Band(plot, xs, [.. fan.Select(p => p.Lo80 / f)], [.. fan.Select(p => p.Hi80 / f)], ChartStyle.Band80Opacity, "80% interval");
            var median = plot.Add.ScatterLine(xs, [.. fan.Select(p => p.Median / f)], ChartStyle.Of(ChartStyle.Median));
            median.LineWidth = 2;
            median.LinePattern = LinePattern.Dashed;
            median.LegendText = $"forecast median ({a.Method})";
        }

        int lastKnown = Array.FindLastIndex(lastYear, double.IsFinite);
        if (lastKnown > 0)
        {
            var before = plot.Add.ScatterLine(months[..(lastKnown + 1)], [.. lastYear[..(lastKnown + 1)].Select(v => v / f)], ChartStyle.Of(ChartStyle.Derived));
            before.LineWidth = 1.5f;
            before.LegendText = $"{a.Year - 1} year to date";
        }

        var now = plot.Add.ScatterLine(months[..(k + 1)], [.. published.Select(v => v / f)], ChartStyle.Of(ChartStyle.History));
        now.LineWidth = 2.5f;
        now.MarkerSize = 7;
        now.LegendText = $"{a.Year} published ({k} of {m})";

        if (a.RequiredGrowth is { } r && a.RequiredTotalAt(m) is not null)
        {
            double[] xs = [.. Enumerable.Range(k, m - k + 1).Select(j => (double)j)];
            double[] ys = [.. Enumerable.Range(k, m - k + 1).Select(j => (j == 0 ? 0 : a.RequiredTotalAt(j)!.Value) / f)];
            var required = plot.Add.ScatterLine(xs, ys, ChartStyle.Of(ChartStyle.Target));
            required.LineWidth = 2;
            required.LinePattern = LinePattern.Dotted;
            double g = double.IsFinite(r.Lower) ? r.Lower : r.Upper;
            required.LegendText = $"required path ({ChartStyle.Percent(g)} on the same months of {a.Year - 1})";
        }

        if (goal is { } gl)
        {
            var marker = plot.Add.Marker(m, gl / f, MarkerShape.FilledDiamond, 16, ChartStyle.Of(ChartStyle.Target));
            marker.LegendText = $"target {a.Target}: P(met) {a.ProbabilityMet:0.00}";
        }

        string unit = ind.Frequency == Frequency.Quarterly ? "quarter" : "month";
        plot.Axes.SetLimitsX(-0.3, m + 0.8);
        plot.Title($"{ind.NameZh} {ind.NameEn} {a.Year}: year to date");
        plot.XLabel($"{unit} of {a.Year}");
        plot.YLabel($"{mag.Symbol}{ind.Unit.Symbol}");
        plot.ShowLegend(Alignment.UpperLeft);
        return new Chart(plot, width, height)
        {
            Description = $"{ind.NameZh} ({ind.Id}) {a.Year} year to date: {k} of {m} {unit}s published to {a.AsOf}, total {Quantity.Of(a.PublishedTotal, ind.Unit).ToString(4)}; "
                + $"target {a.Target}; P(met) {a.ProbabilityMet:0.00} ({a.Likelihood.ToWords()}), forecast by {a.Method}.",
        };
    }

    private static void Band(Plot plot, double[] xs, double[] lo, double[] hi, double opacity, string legend)
    {
        var band = plot.Add.FillY(xs, lo, hi);
        band.FillColor = ChartStyle.Of(ChartStyle.Band, opacity);
        band.LineWidth = 0;
        band.LineColor = Colors.Transparent;
        band.LegendText = legend;
    }
}
