using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;
using ScottPlot;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The targets overview: one row per target, a bar of the probability that it is met coloured by its IPCC
/// likelihood (or, without a probability, a full bar in the colour of the deterministic status), labelled with the
/// probability, the likelihood words and the status.
/// </summary>
public static class TargetsChart
{
    /// <summary>The overview of every target of a dataset, with probabilities.</summary>
    public static Chart Create(Dataset data, AssessmentOptions? options = null, int width = 900)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(TargetPipeline.Judge(data, new PipelineOptions { Assessment = options }), width);
    }

    /// <summary>The overview of the judged targets (<see cref="TargetPipeline"/>), with their probabilities where assessed.</summary>
    public static Chart Create(IEnumerable<TargetJudgement> judgements, int width = 900)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        return Build([.. judgements.Where(j => j.Target is not null).Select(j => (j.Tracking, j.Chance))], width);
    }

    private static Chart Build(List<(TrackingResult Tracking, TargetChance? Chance)> rows, int width)
    {
        Plot plot = ChartStyle.NewPlot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var right = new ScottPlot.TickGenerators.NumericManual();
        var words = new List<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            (TrackingResult r, TargetChance? a) = rows[i];
            double pos = rows.Count - 1 - i;
            Indicator ind = r.Indicator;
            Target target = r.Target!;
            ProgressStatus status = r.Status;
            double value = a?.Probability ?? 1;
            string colour = a is not null ? ChartStyle.ForLikelihood(a.Likelihood) : ChartStyle.ForStatus(status);
            plot.Add.Bar(new Bar
            {
                Position = pos,
                Value = Math.Max(value, 0.005),
                Size = 0.6,
                FillColor = ChartStyle.Of(colour, a is null ? 0.45 : 1),
                LineColor = ChartStyle.Of(colour),
                Orientation = Orientation.Horizontal,
            });
            ticks.AddMajor(pos, $"{ind.NameZh} {target}");
            string text = a is not null
                ? $"P(met) {a.Probability:0.00} · {a.Likelihood.ToWords()} · {status.ToWords()}"
                : $"{status.ToWords()} (no probability)";
            words.Add(text);
            right.AddMajor(pos, text);
        }

        double top = Math.Max(0.6, rows.Count - 0.4);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Right.TickGenerator = right;
        plot.Axes.Right.TickLabelStyle.FontName = ChartFont.Name;
        plot.Axes.Right.TickLabelStyle.FontSize = 12;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(0, 1, -0.6, top);
        plot.Axes.SetLimitsY(-0.6, top, plot.Axes.Right);
        plot.Add.VerticalLine(0.5, 1, Colors.Gray, LinePattern.Dotted);
        plot.Title(rows.Count == 0 ? "Targets: none in the dataset" : "Targets: probability of being met");
        string description = rows.Count == 0 ? "no targets" : string.Join("; ", rows.Select((r, i) => $"{r.Tracking.Indicator.Id}: {words[i]}"));
        const string Key = "P(met): the setter's record pooled with the forecast; bar colour: IPCC likelihood of being met (the colour of the deterministic status where there is no probability); dotted line: 0.5.";
        ChartLayout.Apply(plot, width, "P(target met)", "", Key, legend: false);
        int height = 190 + (60 * Math.Max(1, rows.Count));
        return new Chart(plot, width, height) { Description = description };
    }
}
