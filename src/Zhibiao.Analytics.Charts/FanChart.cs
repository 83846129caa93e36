using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;
using ScottPlot;

namespace Zhibiao.Analytics.Charts;

/// <summary>Settings of <see cref="FanChart"/>.</summary>
public sealed record FanChartOptions
{
    /// <summary>The defaults.</summary>
    public static readonly FanChartOptions Default = new();

    /// <summary>Width in pixels (default 900).</summary>
    public int Width { get; init; } = 900;

    /// <summary>Height in pixels (default 540).</summary>
    public int Height { get; init; } = 540;

    /// <summary>Periods to forecast when there is no target to reach (default: three years' worth).</summary>
    public int? Horizon { get; init; }

    /// <summary>The simulation: model, paths, seed, qualifier widths (default: those of <see cref="TargetAssessor"/>).</summary>
    public AssessmentOptions? Assessment { get; init; }
}

/// <summary>
/// The fan chart of an indicator: its history (qualified figures as open markers with an arrow towards where the
/// truth lies, derived figures as grey diamonds), the forecast median with its 80% and 95% bands from the same
/// simulated paths <see cref="TargetAssessor"/> judges the target with, the target as a marker at its deadline, and
/// the required path at constant growth from the latest value to the target.
/// </summary>
public static class FanChart
{
    /// <summary>The fan chart of an indicator of a dataset with its first target (by deadline), if it has one.</summary>
    /// <exception cref="AnalyticsException">Unknown indicator.</exception>
    public static Chart Create(Dataset data, string indicatorId, FanChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(data.Series(indicatorId), Judge(data, indicatorId, options), options);
    }

    /// <summary>
    /// The fan chart of a series, with a target or without (then the fan runs <see cref="FanChartOptions.Horizon"/>
    /// periods). A series with a single value is drawn without a fan.
    /// </summary>
    /// <exception cref="AnalyticsException">The series is empty, or the target belongs to another indicator.</exception>
    public static Chart Create(IndicatorSeries series, Target? target = null, FanChartOptions? options = null, IEnumerable<Observation>? reported = null) =>
        Create(series, Judge(series, target, options, reported), options);

    /// <summary>The judgement the fan chart of an indicator of a dataset draws: with its first target (by deadline), if it has one.</summary>
    /// <exception cref="AnalyticsException">Unknown indicator.</exception>
    internal static TargetJudgement Judge(Dataset data, string indicatorId, FanChartOptions? options)
    {
        ArgumentNullException.ThrowIfNull(data);
        IndicatorSeries series = data.Series(indicatorId);
        Target? target = data.Targets.Where(t => t.IndicatorId == indicatorId).OrderBy(t => t.Deadline).FirstOrDefault();
        return Judge(series, target, options, data.ChangesOf(indicatorId));
    }

    /// <summary>The judgement the fan chart of a series draws: its probability only when the deadline is ahead and there are two figures.</summary>
    private static TargetJudgement Judge(IndicatorSeries series, Target? target, FanChartOptions? options, IEnumerable<Observation>? reported)
    {
        ArgumentNullException.ThrowIfNull(series);
        Observation latest = series.Latest ?? throw new AnalyticsException($"{series.Indicator.Id}: no observations to chart");
        if (target is not null) Check(series.Indicator, target);
        bool assessable = target is not null && target.Deadline - latest.Period >= 1 && series.Count >= 2;
        var pipeline = new PipelineOptions { Assessment = options?.Assessment, Probability = assessable };
        return TargetPipeline.Judge(series, target, reported, pipeline);
    }

    /// <summary>
    /// The fan chart of a judged target (<see cref="TargetPipeline"/>): the fan is drawn from the paths its
    /// probability was counted on; without them (no target, or no probability) the series is simulated for
    /// <see cref="FanChartOptions.Horizon"/> periods.
    /// </summary>
    /// <exception cref="AnalyticsException">The series is empty or is not the judgement's indicator.</exception>
    public static Chart Create(IndicatorSeries series, TargetJudgement judgement, FanChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(judgement);
        options ??= FanChartOptions.Default;
        Indicator ind = series.Indicator;
        Observation latest = series.Latest ?? throw new AnalyticsException($"{ind.Id}: no observations to chart");
        Target? target = judgement.Target;
        if (target is not null) Check(ind, target);
        if (!string.Equals(judgement.Indicator.Id, ind.Id, StringComparison.Ordinal))
            throw new AnalyticsException($"judgement of '{judgement.Indicator.Id}' given for indicator '{ind.Id}'");

        int toDeadline = target is null ? 0 : target.Deadline - latest.Period;
        int horizon = toDeadline >= 1 ? toDeadline : options.Horizon ?? (3 * ind.Frequency.PeriodsPerYear());
        IndicatorPaths? paths = judgement.Paths ?? (series.Count >= 2 ? IndicatorPaths.Simulate(series, horizon, options.Assessment) : null);
        TargetChance? assessment = judgement.Chance;

        var fan = paths is null ? null : Fan.Of(paths, latest.Value.Value);
        double? goal = target is null ? null : GoalLevel(ind, target, latest);
        var levels = series.Select(o => o.Value.Value).Concat(fan?.Lo95 ?? []).Concat(fan?.Hi95 ?? []);
        if (goal is { } gl) levels = levels.Append(gl);
        double[] all = [.. levels.Where(double.IsFinite)];
        Magnitude mag = Magnitude.Natural(all.Max(Math.Abs), english: false);
        double f = mag.Factor;
        double span = Math.Max(all.Max() - all.Min(), Math.Abs(all.Max()) * 0.05) / f;

        Plot plot = ChartStyle.NewPlot();
        if (fan is not null)
        {
            double[] xs = [.. fan.Periods.Select(ChartStyle.X)];
            FillBand(plot, xs, fan.Lo95, fan.Hi95, f, ChartStyle.Band95Opacity, "95% interval");
            FillBand(plot, xs, fan.Lo80, fan.Hi80, f, ChartStyle.Band80Opacity, "80% interval");
            var median = plot.Add.ScatterLine(xs, [.. fan.Median.Select(v => v / f)], ChartStyle.Of(ChartStyle.Median));
            median.LineWidth = 2;
            median.LinePattern = LinePattern.Dashed;
            median.LegendText = "forecast median";
        }

        DrawHistory(plot, series, f, span);
        if (target is not null && goal is { } g) DrawTarget(plot, ind, target, latest, g, f, assessment);

        Period first = series.First!.Period;
        Period last = target is not null && target.Deadline > latest.Period ? target.Deadline : fan?.Periods[^1] ?? latest.Period;
        ChartStyle.PeriodTicks(plot, first, last);
        double room = target is not null && goal is not null ? 0.5 + (0.12 * ((last - first) + 1)) : 0.5;
        plot.Axes.SetLimitsX(ChartStyle.X(first) - 0.5, ChartStyle.X(last) + room);
        plot.Title($"{ind.NameZh} {ind.NameEn}");

        string what = assessment is not null
            ? $"P(met) {assessment.Probability:0.00}, {assessment.Likelihood.ToWords()}"
            : target is null ? "no target" : "no forecast to the deadline";
        string model = paths is null ? "a single value: no forecast" : $"forecast by {paths.Method} from {paths.Paths.Count} simulated paths";
        string description = $"{ind.NameZh} ({ind.Id}): history {first}–{latest.Period}, {model}; {(target is null ? "no target" : target.ToString())}; {what}.";
        ChartLayout.Apply(plot, options.Width, ChartStyle.AxisTitle(ind.Frequency), $"{mag.Symbol}{ind.Unit.Symbol}", description);
        return new Chart(plot, options.Width, options.Height) { Description = description, Captioned = true };
    }

    /// <summary>The fan chart of a forecast result: in-sample values (fitted + residual), the mean and every interval.</summary>
    public static Chart Create(Forecast forecast, string title = "", int width = 900, int height = 540)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        Plot plot = ChartStyle.NewPlot();
        int n = forecast.Fitted.Length;
        double origin = forecast.Origin is { } o ? ChartStyle.X(o) : n;
        double step = forecast.Origin is { } p ? 1.0 / p.Frequency.PeriodsPerYear() : 1;
        double[] hx = [.. Enumerable.Range(0, n).Select(i => origin - ((n - 1 - i) * step))];
        double[] hy = [.. Enumerable.Range(0, n).Select(i => forecast.Fitted.Span[i] + forecast.Residuals.Span[i])];
        double last = hy.LastOrDefault(double.IsFinite);
        double[] fx = [origin, .. Enumerable.Range(1, forecast.Horizon).Select(h => origin + (h * step))];
        foreach (PredictionInterval pi in forecast.Intervals.OrderByDescending(i => i.Level))
        {
            double opacity = pi.Level >= 90 ? ChartStyle.Band95Opacity : ChartStyle.Band80Opacity;
            FillBand(plot, fx, [last, .. pi.Lower.Span], [last, .. pi.Upper.Span], 1, opacity, $"{pi.Level:0.#}% interval");
        }

        var history = plot.Add.Scatter(hx.Where((_, i) => double.IsFinite(hy[i])).ToArray(), hy.Where(double.IsFinite).ToArray(), ChartStyle.Of(ChartStyle.History));
        history.LegendText = "observed";
        var mean = plot.Add.ScatterLine(fx, [last, .. forecast.Mean.Span], ChartStyle.Of(ChartStyle.Median));
        mean.LineWidth = 2;
        mean.LinePattern = LinePattern.Dashed;
        mean.LegendText = "forecast mean";
        plot.Title(title.Length > 0 ? title : forecast.Method);
        string description = $"{forecast.Method}: {forecast.Horizon} steps ahead";
        ChartLayout.Apply(plot, width, forecast.Origin is { } f ? ChartStyle.AxisTitle(f.Frequency) : "step", "value", description);
        return new Chart(plot, width, height) { Description = description, Captioned = true };
    }

    private static void Check(Indicator ind, Target target)
    {
        if (!string.Equals(target.IndicatorId, ind.Id, StringComparison.Ordinal))
            throw new AnalyticsException($"target of '{target.IndicatorId}' given for indicator '{ind.Id}'");
    }

    private static void FillBand(Plot plot, double[] xs, double[] lo, double[] hi, double f, double opacity, string legend)
    {
        var band = plot.Add.FillY(xs, [.. lo.Select(v => v / f)], [.. hi.Select(v => v / f)]);
        band.FillColor = ChartStyle.Of(ChartStyle.Band, opacity);
        band.LineWidth = 0;
        band.LineColor = Colors.Transparent;
        band.LegendText = legend;
    }

    private static void DrawHistory(Plot plot, IndicatorSeries series, double f, double span)
    {
        Color colour = ChartStyle.Of(ChartStyle.History);
        bool legendLine = false;
        for (int i = 1; i < series.Count; i++)
        {
            Observation a = series[i - 1], b = series[i];
            var line = plot.Add.Line(ChartStyle.X(a.Period), a.Value.Value / f, ChartStyle.X(b.Period), b.Value.Value / f);
            line.LineColor = colour;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            if (b.Period - a.Period > 1) line.LinePattern = LinePattern.Dotted;
            if (!legendLine)
            {
                line.LegendText = "observed";
                legendLine = true;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Observation o in series)
        {
            double x = ChartStyle.X(o.Period), y = o.Value.Value / f;
            (MarkerShape shape, Color c, string legend) = o switch
            {
                { IsDerived: true } => (MarkerShape.OpenDiamond, ChartStyle.Of(ChartStyle.Derived), "derived (implied or interpolated)"),
                { Qualifier: Qualifier.AtLeast or Qualifier.MoreThan } => (MarkerShape.OpenCircle, colour, "more than / at least (↑)"),
                { Qualifier: Qualifier.AtMost or Qualifier.Nearly } => (MarkerShape.OpenCircle, colour, "at most / nearly (↓)"),
                { Qualifier: Qualifier.Approx } => (MarkerShape.OpenCircle, colour, "about"),
                _ => (MarkerShape.FilledCircle, colour, "reported"),
            };
            var m = plot.Add.Marker(x, y, shape, shape == MarkerShape.FilledCircle ? 8 : 11, c);
            m.MarkerLineWidth = 2;
            if (seen.Add(legend)) m.LegendText = legend;
            int side = o.IsDerived ? 0 : o.Qualifier.Side();
            if (side != 0)
            {
                var arrow = plot.Add.Arrow(new Coordinates(x, y + (side * span * 0.03)), new Coordinates(x, y + (side * span * 0.12)));
                arrow.ArrowLineColor = colour;
                arrow.ArrowFillColor = colour;
                arrow.ArrowLineWidth = 0;
                arrow.ArrowWidth = 2;
                arrow.ArrowheadWidth = 9;
                arrow.ArrowheadLength = 9;
                arrow.ArrowheadAxisLength = 9;
            }
        }
    }

    private static void DrawTarget(Plot plot, Indicator ind, Target target, Observation latest, double goal, double f, TargetChance? assessment)
    {
        Color colour = ChartStyle.Of(ChartStyle.Target);
        int steps = target.Deadline - latest.Period;
        if (steps >= 1)
        {
            double y0 = latest.Value.Value;
            bool geometric = !ind.ChangesInPoints && y0 > 0 && goal > 0;
            double[] xs = [.. Enumerable.Range(0, steps + 1).Select(h => ChartStyle.X(latest.Period + h))];
            double[] ys = [.. Enumerable.Range(0, steps + 1).Select(h => (geometric ? y0 * Math.Pow(goal / y0, h / (double)steps) : y0 + ((goal - y0) * h / steps)) / f)];
            var path = plot.Add.ScatterLine(xs, ys, colour);
            path.LineWidth = 2;
            path.LinePattern = LinePattern.Dotted;
            string rate = geometric
                ? ChartStyle.Percent((Math.Pow(goal / y0, ind.Frequency.PeriodsPerYear() / (double)steps) - 1)) + "/yr"
                : $"{ChartStyle.Number((goal - y0) * ind.Frequency.PeriodsPerYear() / steps)} {ind.Unit.Symbol}/yr";
            path.LegendText = $"required path ({(latest.Qualifier.Side() > 0 ? "≤" : "")}{rate})";
        }

        var marker = plot.Add.Marker(ChartStyle.X(target.Deadline), goal / f, MarkerShape.FilledDiamond, 16, colour);
        string p = assessment is null ? "" : $": P(met) {assessment.Probability:0.00}";
        marker.LegendText = $"target {target}{p}";
        var label = plot.Add.Text($"目标 {Quantity.Of(goal, ind.Unit)}", ChartStyle.X(target.Deadline), goal / f);
        label.LabelFontColor = colour;
        label.LabelFontSize = 13;
        label.LabelBold = true;
        label.Alignment = Alignment.MiddleLeft;
        label.OffsetX = 12;
    }

    /// <summary>The level a target asks for at its deadline: the level itself, or the latest value grown at a growth target.</summary>
    private static double? GoalLevel(Indicator ind, Target target, Observation latest)
    {
        switch (target.Kind)
        {
            case TargetKind.Growth:
                int steps = Math.Max(1, target.Deadline - latest.Period);
                return latest.Value.Value * Math.Pow(1 + (target.Value.Value / 100), steps / (double)ind.Frequency.PeriodsPerYear());
            case TargetKind.Cumulative:
                return null;
            default:
                return target.Value.Unit.IsCompatibleWith(ind.Unit) ? target.Value.ConvertTo(ind.Unit).Value : null;
        }
    }

    /// <summary>Quantiles of the paths per step, with step 0 the latest observed value.</summary>
    private sealed record Fan(Period[] Periods, double[] Lo95, double[] Lo80, double[] Median, double[] Hi80, double[] Hi95)
    {
        public static Fan Of(IndicatorPaths paths, double latest)
        {
            int n = paths.Horizon + 1;
            var periods = new Period[n];
            double[] lo95 = new double[n], lo80 = new double[n], med = new double[n], hi80 = new double[n], hi95 = new double[n];
            periods[0] = paths.Origin;
            lo95[0] = lo80[0] = med[0] = hi80[0] = hi95[0] = latest;
            for (int h = 1; h < n; h++)
            {
                double[] sorted = paths.Paths.SortedAt(h);
                periods[h] = paths.PeriodOf(h);
                lo95[h] = FittedModel.Quantile(sorted, 0.025);
                lo80[h] = FittedModel.Quantile(sorted, 0.1);
                med[h] = FittedModel.Quantile(sorted, 0.5);
                hi80[h] = FittedModel.Quantile(sorted, 0.9);
                hi95[h] = FittedModel.Quantile(sorted, 0.975);
            }

            return new Fan(periods, lo95, lo80, med, hi80, hi95);
        }
    }
}
