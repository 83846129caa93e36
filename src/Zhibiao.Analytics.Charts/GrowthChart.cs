using System.Globalization;
using Zhibiao.Analytics.Data;
using ScottPlot;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The growth chart of an indicator: a bar per observed period with its growth per year since the previous
/// observation (CAGR over gaps; percentage points per year for rates and shares), lighter where a qualified or
/// derived figure enters, the growth the source reported as a marker, and the growth a target requires as a line.
/// </summary>
public static class GrowthChart
{
    /// <summary>The growth chart of an indicator of a dataset, with the required growth of its first target.</summary>
    /// <exception cref="AnalyticsException">Unknown indicator.</exception>
    public static Chart Create(Dataset data, string indicatorId, int width = 900, int height = 420)
    {
        ArgumentNullException.ThrowIfNull(data);
        TrackingResult tracking = TargetPipeline.JudgeFirst(data, indicatorId, new PipelineOptions { Probability = false }).Tracking;
        return Create(data.GrowthTable(indicatorId), tracking, width, height);
    }

    /// <summary>The growth chart of a table, with the required growth of a tracking result when it has one.</summary>
    public static Chart Create(GrowthTable table, TrackingResult? tracking = null, int width = 900, int height = 420)
    {
        ArgumentNullException.ThrowIfNull(table);
        Indicator ind = table.Indicator;
        bool points = ind.ChangesInPoints;
        Plot plot = ChartStyle.NewPlot();
        var bars = new List<Bar>();
        var reported = new List<Coordinates>();
        bool anyQualified = false;
        foreach (GrowthRow r in table.Rows)
        {
            double? perYear = points ? r.Change / Math.Max(1e-9, r.Previous is { } p ? r.Period.YearsSince(p) : 1) : r.AnnualGrowth;
            double x = ChartStyle.X(r.Period);
            if (perYear is { } g)
            {
                bool qualified = r.Note is not null || r.Observation.IsDerived;
                anyQualified |= qualified;
                double y = points ? g : g * 100;
                bars.Add(new Bar
                {
                    Position = x,
                    Value = y,
                    Size = 0.6,
                    FillColor = ChartStyle.Of(ChartStyle.Bars, qualified ? 0.4 : 1),
                    LineColor = ChartStyle.Of(ChartStyle.Bars),
                    LineWidth = 1,
                    Label = (points ? y.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) : y.ToString("0.0", CultureInfo.InvariantCulture) + "%"),
                });
            }

            if (r.Reported is { Measure: Measure.Growth } rep)
                reported.Add(new Coordinates(x, points ? rep.Value.Value : rep.Value.ConvertTo(Units.Percent).Value));
        }

        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontName = ChartFont.Name;
            barPlot.ValueLabelStyle.FontSize = 11;
            barPlot.LegendText = points ? "change per year" : "growth per year";
        }

        if (reported.Count > 0)
        {
            var m = plot.Add.Markers(reported.ToArray(), MarkerShape.FilledDiamond, 9, ChartStyle.Of(ChartStyle.Median));
            m.LegendText = "growth reported by the source";
        }

        if (anyQualified)
        {
            var legend = plot.Add.Marker(double.NaN, double.NaN, MarkerShape.FilledSquare, 10, ChartStyle.Of(ChartStyle.Bars, 0.4));
            legend.LegendText = "uses a qualified or derived figure";
        }

        string? required = null;   // the required growth as the legend and the description write it: "≤6.7%/yr"
        Period first = table.Rows.Count > 0 ? table.Rows[0].Period : default;
        Period last = table.Rows.Count > 0 ? table.Rows[^1].Period : default;
        if (tracking?.Required is { } req && tracking.Target is { } target)
        {
            double y = tracking.Basis == GrowthBasis.PointsPerYear ? req.Value : req.Value * 100;
            var line = plot.Add.HorizontalLine(y, 2, ChartStyle.Of(ChartStyle.Target), LinePattern.Dashed);
            string rate = tracking.Basis == GrowthBasis.PointsPerYear ? $"{y:+0.00;-0.00} pp/yr" : $"{y.ToString("0.0", CultureInfo.InvariantCulture)}%" + (tracking.Basis == GrowthBasis.Cagr ? "/yr" : "");
            required = req.Qualifier.ToSign() + rate;
            line.LegendText = $"required {required} for {target}";
            if (target.Deadline > last && table.Rows.Count > 0)
            {
                // Counted, not compared: a deadline in 9999, the last year a period can have, has no period after it.
                for (int k = 1; k <= target.Deadline - last; k++)
                {
                    Period p = last + k;
                    var need = plot.Add.Bar(new Bar
                    {
                        Position = ChartStyle.X(p),
                        Value = y,
                        Size = 0.6,
                        FillColor = ChartStyle.Of(ChartStyle.Target, 0.15),
                        LineColor = ChartStyle.Of(ChartStyle.Target),
                        LineWidth = 1.5f,
                        LinePattern = LinePattern.Dashed,
                    });
                    need.LegendText = p == last + 1 ? "growth still required" : "";
                }

                last = target.Deadline;
            }
        }

        plot.Add.HorizontalLine(0, 1, Colors.Black);
        if (table.Rows.Count > 0)
        {
            ChartStyle.PeriodTicks(plot, first, last);
            plot.Axes.SetLimitsX(ChartStyle.X(first) - 0.6, ChartStyle.X(last) + 0.6);
        }

        plot.Axes.Margins(bottom: 0.12, top: 0.15);
        plot.Title($"{ind.NameZh} {ind.NameEn}: {(points ? "change" : "growth")} per year");
        string description = $"{ind.NameZh} ({ind.Id}): {(points ? "change in percentage points" : "growth")} per year since the previous observation"
            + (required is not null ? $"; required {required} for {tracking!.Target}" : "") + ".";
        ChartLayout.Apply(plot, width, ChartStyle.AxisTitle(ind.Frequency), points ? "pp per year" : "% per year", description);
        return new Chart(plot, width, height) { Description = description, Captioned = true };
    }
}
