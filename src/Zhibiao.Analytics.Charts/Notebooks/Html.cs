using System.Globalization;
using System.Text;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Charts;

/// <summary>
/// HTML tables of the library's types, for notebooks, reports and web pages: plain &lt;table&gt; markup with classes
/// (analytics-table, status-…) and inline colours, no scripts. Numbers are invariant; values carry their qualifiers.
/// </summary>
public static class Html
{
    /// <summary>Escapes text for HTML (&amp;, &lt;, &gt;, quotes).</summary>
    public static string Encode(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    /// <summary>The colour of a deterministic status: green on track or achieved, amber fair, orange limited, red worse, grey otherwise.</summary>
    public static string ColourOf(ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved or ProgressStatus.OnTrack => "#2DA44E",
        ProgressStatus.FairProgress => "#E3B341",
        ProgressStatus.LimitedProgress => "#F0883E",
        ProgressStatus.Deterioration or ProgressStatus.TargetMissed => "#D1242F",
        _ => "#8C8C8C",
    };

    /// <summary>The colour of a likelihood: dark red (exceptionally unlikely) to dark green (virtually certain).</summary>
    public static string ColourOf(Likelihood likelihood) => likelihood switch
    {
        Likelihood.VirtuallyCertain => "#1A7F37",
        Likelihood.VeryLikely => "#2DA44E",
        Likelihood.Likely => "#7CC46B",
        Likelihood.AboutAsLikelyAsNot => "#E3B341",
        Likelihood.Unlikely => "#F0883E",
        Likelihood.VeryUnlikely => "#D1242F",
        _ => "#8B0000",
    };

    /// <summary>The observations of a series: period, value with its qualifier, how it was derived, source.</summary>
    public static HtmlContent ToHtmlTable(this IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Indicator ind = series.Indicator;
        var t = new TableBuilder($"{ind.NameZh} {ind.NameEn} ({ind.Id}), {ind.Unit.Symbol}", "period", "value", "qualifier", "source");
        foreach (Observation o in series)
            t.Row(o.Period.ToString(), o.Qualifier.ToSign() + o.Value + (o.IsDerived ? " *" : ""), o.Qualifier.ToWords(),
                o.IsDerived ? o.Derivation!.Method : o.Source.ToString());
        return t.Build();
    }

    /// <summary>A growth table: value, change, growth, growth per year, index and the reported figure per period.</summary>
    public static HtmlContent ToHtmlTable(this GrowthTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Indicator ind = table.Indicator;
        bool points = ind.ChangesInPoints;
        var t = new TableBuilder($"{ind.NameZh} {ind.NameEn} ({ind.Id}): growth", "period", "value", points ? "change (pp)" : "change",
            points ? "" : "growth", points ? "" : "per year", "index", "reported", "note");
        foreach (GrowthRow r in table.Rows)
        {
            Observation o = r.Observation;
            string span = r.Previous is { } p && o.Period - p > 1 ? $" ({p}–{o.Period})" : "";
            t.Row(o.Period.ToString(), o.Qualifier.ToSign() + o.Value + (o.IsDerived ? " *" : ""),
                r.Change is { } c ? (points ? c.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : Quantity.Of(c, ind.Unit).ToString()) : "",
                r.Growth is { } g ? Percent(g) + span : "", r.AnnualGrowth is { } a ? Percent(a) : "",
                r.Index is { } i ? i.ToString("0.0", CultureInfo.InvariantCulture) : "",
                r.Reported is { } rep ? $"{rep.Measure.ToString().ToLowerInvariant()} {rep.Qualifier.ToSign()}{rep.Value.ToWrittenString()}" : "",
                r.Note ?? (o.IsDerived ? o.Derivation!.Method : ""));
        }

        return t.Build();
    }

    /// <summary>One tracking result as a one-row table.</summary>
    public static HtmlContent ToHtmlTable(this TrackingResult result) => ToHtmlTable([result]);

    /// <summary>Tracking results: latest value, target, required and observed growth, ratio and the status in its colour.</summary>
    public static HtmlContent ToHtmlTable(this IEnumerable<TrackingResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var t = new TableBuilder("tracking", "indicator", "latest", "target", "required", "observed", "ratio", "status");
        foreach (TrackingResult r in results)
        {
            t.Cells(r.Indicator.NameZh + " (" + r.Indicator.Id + ")",
                r.Latest is { } o ? $"{o.Period}: {o.Qualifier.ToSign()}{o.Value}" : "—",
                r.Target?.ToString() ?? "—",
                r.Required is { } q ? Growth(q, r.Basis) : "—",
                r.Observed is { } ob ? $"{Growth(ob, r.Basis)} since {r.ObservedFrom}" : "—",
                r.Ratio is { } ratio ? ratio.Qualifier.ToSign() + ratio.Value.ToString("0.00", CultureInfo.InvariantCulture) : "—");
            t.Cell(r.Status.ToWords(), ColourOf(r.Status), "status-" + r.Status.ToToken());
            t.EndRow();
        }

        return t.Build();
    }

    /// <summary>One judged target as a one-row table.</summary>
    public static HtmlContent ToHtmlTable(this TargetJudgement judgement) => ToHtmlTable([judgement]);

    /// <summary>
    /// Judged targets with a probability: P(met) in its likelihood colour, how it was made, the simulated forecast at the
    /// deadline with its 80% and 95% intervals (where there is one), the status.
    /// </summary>
    public static HtmlContent ToHtmlTable(this IEnumerable<TargetJudgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        var t = new TableBuilder("targets", "indicator", "target", "P(met)", "likelihood", "median at deadline", "80%", "95%", "method", "status");
        foreach (TargetJudgement j in judgements.Where(j => j.Chance is not null && j.Target is not null))
        {
            TargetChance c = j.Chance!;
            TargetAssessment? a = j.Simulation;
            ProgressStatus status = j.Tracking.Status;
            t.Cells(j.Indicator.NameZh + " (" + j.Indicator.Id + ")", j.Target!.ToString());
            t.Cell(c.Probability.ToString("0.00", CultureInfo.InvariantCulture), ColourOf(c.Likelihood), "p-met");
            t.Cells(c.Likelihood.ToWords(), a is null ? "" : Judged(a, a.Median), a is null ? "" : $"{Judged(a, a.Interval80.Lower)} – {Judged(a, a.Interval80.Upper)}",
                a is null ? "" : $"{Judged(a, a.Interval95.Lower)} – {Judged(a, a.Interval95.Upper)}", c.Method);
            t.Cell(status.ToWords(), ColourOf(status), "status-" + status.ToToken());
            t.EndRow();
        }

        return t.Build();
    }

    /// <summary>
    /// Annual targets judged from year-to-date data (<see cref="YearToDateAssessor"/>): the periods published, the
    /// year-to-date total, P(met) in its likelihood colour, the growth the rest of the year needs over the same periods
    /// a year before, and the median forecast of that growth with the model.
    /// </summary>
    public static HtmlContent ToHtmlTable(this IEnumerable<YearToDateAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        var t = new TableBuilder("annual targets from year-to-date data", "indicator", "target", "published", "year to date", "P(met)", "likelihood", "rest of the year needs", "forecast", "method");
        foreach (YearToDateAssessment a in assessments)
        {
            string need = a.RequiredGrowth is not { } r ? "—"
                : double.IsFinite(r.Lower) && double.IsFinite(r.Upper) ? $"{ChartStyle.Percent(r.Lower)} to {ChartStyle.Percent(r.Upper)}"
                : double.IsFinite(r.Lower) ? "≥" + ChartStyle.Percent(r.Lower) : "≤" + ChartStyle.Percent(r.Upper);
            t.Cells(a.Indicator.NameZh + " (" + a.Indicator.Id + ")", a.Target.ToString(), $"{a.PeriodsPublished} of {a.PeriodsPerYear}, to {a.AsOf}",
                Quantity.Of(a.PublishedTotal, a.Indicator.Unit).ToString(4));
            t.Cell(a.ProbabilityMet.ToString("0.00", CultureInfo.InvariantCulture), ColourOf(a.Likelihood), "p-met");
            t.Cells(a.Likelihood.ToWords(), need, a.ForecastGrowth is { } g ? ChartStyle.Percent(g) : "—", a.Method);
            t.EndRow();
        }

        return t.Build();
    }

    /// <summary>A forecast: mean and interval bounds per step.</summary>
    public static HtmlContent ToHtmlTable(this Forecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        string[] head = ["h", "period", "mean", .. forecast.Intervals.SelectMany(i => new[] { $"lo {i.Level:0.#}", $"hi {i.Level:0.#}" })];
        var t = new TableBuilder($"forecast by {forecast.Method}", head);
        for (int h = 1; h <= forecast.Horizon; h++)
            t.Row([h.ToString(CultureInfo.InvariantCulture), forecast.PeriodOf(h)?.ToString() ?? "", Number(forecast.Mean.Span[h - 1]),
                .. forecast.Intervals.SelectMany(i => new[] { Number(i.Lower.Span[h - 1]), Number(i.Upper.Span[h - 1]) })]);
        return t.Build();
    }

    /// <summary>The table of any of the library's displayable types, or null for another object.</summary>
    public static string? TableOf(object value) => value switch
    {
        IndicatorSeries s => s.ToHtmlTable().Markup,
        GrowthTable g => g.ToHtmlTable().Markup,
        TrackingResult r => r.ToHtmlTable().Markup,
        TargetJudgement j => j.ToHtmlTable().Markup,
        Forecast f => f.ToHtmlTable().Markup,
        IEnumerable<TrackingResult> rs => rs.ToHtmlTable().Markup,
        IEnumerable<TargetJudgement> js => js.ToHtmlTable().Markup,
        HtmlContent c => c.Markup,
        _ => null,
    };

    private static string Judged(TargetAssessment a, double v) =>
        a.Target.Kind == TargetKind.Growth ? Percent(v) : Quantity.Of(v, a.Indicator.Unit).ToString();

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Growth(QualifiedValue value, GrowthBasis basis) => value.Qualifier.ToSign() + basis switch
    {
        GrowthBasis.PointsPerYear => value.Value.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + " pp/yr",
        GrowthBasis.YearOnYear => Percent(value.Value),
        _ => Percent(value.Value) + "/yr",
    };

    /// <summary>Builds a table row by row; cells are encoded.</summary>
    private sealed class TableBuilder
    {
        private readonly StringBuilder _rows = new();
        private readonly string _head;
        private readonly string _caption;
        private bool _open;

        public TableBuilder(string caption, params string[] columns)
        {
            _caption = caption;
            _head = string.Concat(columns.Select(c => $"<th>{Encode(c)}</th>"));
        }

        public void Row(params string[] cells)
        {
            Cells(cells);
            EndRow();
        }

        public void Cells(params string[] cells)
        {
            Open();
            foreach (string c in cells) _rows.Append("<td>").Append(Encode(c)).Append("</td>");
        }

        public void EndRow() => Close();

        public void Cell(string text, string colour, string cssClass)
        {
            Open();
            _rows.Append(CultureInfo.InvariantCulture, $"<td class=\"{cssClass}\" style=\"background:{colour};color:#fff;font-weight:600\">{Encode(text)}</td>");
        }

        public HtmlContent Build()
        {
            Close();
            return new HtmlContent($"<table class=\"analytics-table\"><caption>{Encode(_caption)}</caption><thead><tr>{_head}</tr></thead><tbody>{_rows}</tbody></table>");
        }

        private void Open()
        {
            if (_open) return;
            _rows.Append("<tr>");
            _open = true;
        }

        private void Close()
        {
            if (!_open) return;
            _rows.Append("</tr>");
            _open = false;
        }
    }
}
