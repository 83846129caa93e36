using System.CommandLine;
using System.Globalization;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Probability;
using Spectre.Console;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics track [DIR]</c>: for each indicator of a dataset, the latest value, the target, the growth it requires,
/// the growth observed, their ratio and the status.
/// </summary>
internal static class TrackCommand
{
    /// <summary>The CSV/JSON columns, in order. Growth is a fraction per year (pp per year for basis points_per_year).</summary>
    public static readonly string[] Columns =
    [
        "indicator", "name_zh", "name_en", "latest_period", "latest_value", "latest_qualifier", "unit",
        "target_kind", "target_period", "target_value", "target_direction", "basis",
        "required_growth", "required_qualifier", "observed_growth", "observed_qualifier", "observed_from",
        "ratio", "ratio_qualifier", "status", "time_share", "change_share", "notes",
        "p_met", "likelihood", "forecast_method", "forecast_median", "forecast_lo80", "forecast_hi80", "forecast_lo95", "forecast_hi95",
        "forecast_growth", "expected_shortfall",
    ];

    public static Command Create(CliContext context)
    {
        var dir = DatasetArgument.Create();
        var format = FormatOption.Create();
        var window = new Option<int>("--window") { Description = "Years of history for the observed growth (1 to 1000; at least two points).", DefaultValueFactory = _ => 5 };
        var noProbability = new Option<bool>("--no-probability") { Description = "Skip the forecast-based probability that each target is met." };
        var all = new Option<bool>("--all") { Description = "Table: also list indicators with a single value and no target." };
        var preset = new Option<string>("--preset") { Description = "Status thresholds: un-sdg-2022 or open-sdg.", DefaultValueFactory = _ => "un-sdg-2022" };
        preset.AcceptOnlyFromAmong([.. StatusPreset.Named.Keys]);
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Use only the figures published by the end of this period (2025-09, 2025-Q3 or 2025); annual targets of monthly and quarterly flows are judged from the part of the year published by then.",
        };
        var sensitivity = new Option<bool>("--sensitivity")
        {
            Description = "Also show how each P(met) moves with the margin model's prior strength κ and recency half-life (the same forecast, its weights averaged as the answer averages them given each setting).",
        };
        var command = new Command("track", "Is each indicator on track for its target? Required vs observed growth and a status.")
        {
            dir, format, window, preset, all, noProbability, asOf, sensitivity,
        };
        command.SetAction(parse =>
        {
            int years = parse.GetValue(window);
            if (years is < 1 or > 1000) throw new CliUsageException($"--window must be between 1 and 1000 years, not {years}");
            Period? cut = parse.GetValue(asOf) is { } text ? ParseAsOf(text) : null;
            Dataset data = Dataset.Load(parse.GetValue(dir)!);
            var options = new TrackingOptions { WindowYears = years, Preset = StatusPreset.Named[parse.GetValue(preset)!] };
            DatasetReview review = DatasetReview.Of(data, cut, new PipelineOptions
            {
                Assessment = context.Assessment with { Tracking = options },
                Probability = !parse.GetValue(noProbability),
            });
            IReadOnlyList<TargetJudgement> results = review.Judgements;
            IReadOnlyList<YearToDateAssessment> ytd = review.YearToDate;
            OutputFormat f = FormatOption.Parse(parse.GetValue(format)!);
            if (f == OutputFormat.Table)
            {
                WriteTable(context, results, options, parse.GetValue(all));
                WriteYearToDate(context, ytd);
                if (parse.GetValue(sensitivity)) WriteSensitivity(context, cut is { } c ? data.AsOf(c) : data, results);
            }
            else
            {
                Tabular table = ToTabular(results);
                AddYearToDate(table, ytd);
                table.Write(context.Out, f);
            }

            return AnalyticsCli.Ok;
        });
        return command;
    }

    /// <summary>Each target's P(met) under every setting of the margin model (<see cref="TargetSensitivity"/>).</summary>
    private static void WriteSensitivity(CliContext context, Dataset data, IReadOnlyList<TargetJudgement> results)
    {
        var w = context.Out;
        w.WriteLine("P(met) as the margin model's settings change (rows: prior strength κ; columns: recency half-life in years; the same forecast, its weights averaged as the answer averages them given each setting; the answer is the rows averaged by the settings' posterior):");
        foreach (TargetJudgement j in results)
        {
            IReadOnlyList<SensitivityRow> rows = TargetSensitivity.Of(data, j);
            if (rows.Count == 0) continue;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{j.Target!.IndicatorId} {j.Target.Written} by {j.Target.Deadline}: P(met) {j.ProbabilityMet:0.00}"));
            var halfLives = rows.Select(r => r.Model.HalfLife).Distinct().ToList();
            w.WriteLine("  κ \\ half-life" + string.Concat(halfLives.Select(h => $"{(double.IsPositiveInfinity(h) ? "∞" : h.ToString("0", CultureInfo.InvariantCulture)),8}")));
            foreach (var byStrength in rows.GroupBy(r => r.Model.Strength))
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {byStrength.Key,-14:0.##}") + string.Concat(byStrength.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Pooled ?? r.Record,8:0.00}"))));
            }
        }
    }

    internal static Tabular ToTabular(IEnumerable<TargetJudgement> results)
    {
        var t = new Tabular(Columns);
        foreach (TargetJudgement j in results)
        {
            TrackingResult r = j.Tracking;
            Target? target = r.Target;
            TargetChance? c = j.Chance;
            TargetAssessment? a = j.Simulation;
            t.Add(
                r.Indicator.Id, r.Indicator.NameZh, r.Indicator.NameEn,
                r.Latest?.Period.ToString(), r.Latest?.Value.Value, r.Latest?.Qualifier.ToToken(), r.Indicator.Unit.Symbol,
                target is null ? null : Target.ToToken(target.Kind),
                target is null ? null : target.Plan?.ToString() ?? target.Deadline.ToString(),
                target is null ? null : target.Kind == TargetKind.Growth ? target.Value.Value : target.Value.ConvertTo(r.Indicator.Unit).Value,
                target is null ? null : Target.ToToken(target.Comparison),
                BasisToken(r.Basis),
                r.Required?.Value, r.Required?.Qualifier.ToToken(),
                r.Observed?.Value, r.Observed?.Qualifier.ToToken(), r.ObservedFrom?.ToString(),
                r.Ratio?.Value, r.Ratio?.Qualifier.ToToken(),
                r.Status.ToToken(), r.TimeProgress?.TimeShare, r.TimeProgress?.ChangeShare,
                r.Notes.Count == 0 ? null : string.Join("; ", r.Notes),
                c?.Probability, c?.Likelihood.ToWords(), c?.Method, a?.Median, a?.Interval80.Lower, a?.Interval80.Upper,
                a?.Interval95.Lower, a?.Interval95.Upper, a?.ForecastGrowth, a?.ExpectedShortfall);
        }

        return t;
    }

    /// <summary>The --as-of option's period (2025-09, 2025-Q3 or 2025).</summary>
    internal static Period ParseAsOf(string text) =>
        Period.TryParse(text, out Period p) ? p : throw new CliUsageException($"--as-of '{text}' is not a period (expected 2025-09, 2025-Q3 or 2025)");

    /// <summary>Year-to-date rows in the track columns: latest is the year's published total, required and observed are the remaining and published periods' growth over the same periods last year.</summary>
    internal static void AddYearToDate(Tabular t, IEnumerable<YearToDateAssessment> years)
    {
        foreach (YearToDateAssessment a in years)
        {
            Target target = a.Target;
            double? observed = a.LastYearSamePeriods is { } same && same > 0 ? (a.PublishedTotal / same) - 1 : null;
            Interval? need = a.RequiredGrowth;
            t.Add(
                a.Indicator.Id, a.Indicator.NameZh, a.Indicator.NameEn,
                a.AsOf.ToString(), a.PublishedTotal, "exact", a.Indicator.Unit.Symbol,
                Target.ToToken(target.Kind), target.Deadline.ToString(),
                target.Kind == TargetKind.Growth ? target.Value.Value : target.Value.ConvertTo(a.Indicator.Unit).Value,
                Target.ToToken(target.Comparison),
                "year_to_date",
                need is { } r ? double.IsFinite(r.Lower) ? r.Lower : r.Upper : null, null,
                observed, null, null,
                null, null,
                null, null, null,
                $"{a.PeriodsPublished} of {a.PeriodsPerYear} periods of {a.Year} published by {a.AsOf}" + string.Concat(a.Notes.Select(n => "; " + n)),
                a.ProbabilityMet, a.Likelihood.ToWords(), a.Method, a.Median, a.Interval80.Lower, a.Interval80.Upper,
                a.Interval95.Lower, a.Interval95.Upper, a.ForecastGrowth, null);
        }
    }

    private static void WriteYearToDate(CliContext context, IReadOnlyList<YearToDateAssessment> years)
    {
        if (years.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("annual targets from year-to-date data")
            .AddColumns("indicator", "target", "published", "year to date", "P(met)", "rest of the year needs", "forecast");
        foreach (YearToDateAssessment a in years)
        {
            string need = a.RequiredGrowth is { } r
                ? double.IsFinite(r.Lower) && double.IsFinite(r.Upper) ? $"{Fmt.Percent(r.Lower)} to {Fmt.Percent(r.Upper)}"
                : double.IsFinite(r.Lower) ? $"≥{Fmt.Percent(r.Lower)}" : $"≤{Fmt.Percent(r.Upper)}"
                : "—";
            table.AddRow(
                Markup.Escape($"{a.Indicator.NameZh} ({a.Indicator.Id})"),
                Markup.Escape(a.Target.ToString()),
                Markup.Escape($"{a.PeriodsPublished} of {a.PeriodsPerYear}, to {a.AsOf}"),
                Markup.Escape(Quantity.Of(a.PublishedTotal, a.Indicator.Unit).ToString(4)),
                Markup.Escape($"{a.ProbabilityMet:0.00} {a.Likelihood.ToWords()}"),
                Markup.Escape(need),
                Markup.Escape(a.ForecastGrowth is { } g ? $"{Fmt.Percent(g)} ({a.Method})" : a.Method));
        }

        context.Console.Write(table);
        context.Console.WriteLine("The rest of the year's growth is over the same periods a year before; the year's total is the published part plus simulated remaining periods.");
        foreach (YearToDateAssessment a in years)
            foreach (string note in a.Notes) context.Console.WriteLine($"  {a.Indicator.Id}: note: {note}");
    }

    internal static string BasisToken(GrowthBasis basis) => basis switch
    {
        GrowthBasis.PointsPerYear => "points_per_year",
        GrowthBasis.YearOnYear => "year_on_year",
        _ => "cagr",
    };

    private static void WriteTable(CliContext context, IReadOnlyList<TargetJudgement> results, TrackingOptions options, bool all)
    {
        TargetJudgement[] shown = [.. results.Where(j => all || j.Target is not null || j.Tracking.Observed is not null).OrderBy(j => j.Target is null)];
        // Every target judged from year-to-date data, and nothing else to show: only their table follows.
        if (shown.Length == 0 && results.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("indicator", "latest", "target", "required", "observed", "ratio", "status", "P(met)");
        foreach (TargetJudgement j in shown)
        {
            TrackingResult r = j.Tracking;
            string latest = r.Latest is { } o ? $"{o.Period}: {o.Qualifier.ToSign()}{o.Value}" : "—";
            string observed = r.Observed is { } ob ? $"{Fmt.Growth(ob, r.Basis)} since {r.ObservedFrom}" : "—";
            table.AddRow(
                Markup.Escape($"{r.Indicator.NameZh} ({r.Indicator.Id})"),
                Markup.Escape(latest),
                Markup.Escape(r.Target?.ToString() ?? "—"),
                Markup.Escape(r.Required is { } q ? Fmt.Growth(q, r.Basis) : "—"),
                Markup.Escape(observed),
                Markup.Escape(r.Ratio is { } ratio ? ratio.Qualifier.ToSign() + Fmt.Ratio(ratio.Value) : "—"),
                $"[{Colour(r.Status)}]{Markup.Escape(r.Status.ToWords())}[/]",
                j.Chance is { } c ? Markup.Escape($"{c.Probability:0.00} {c.Likelihood.ToWords()}") : "—");
        }

        context.Console.Write(table);
        int hidden = results.Count - shown.Length;
        if (hidden > 0) context.Console.WriteLine($"{Fmt.Count(hidden, "indicator")} with a single value and no target {(hidden == 1 ? "is" : "are")} not shown (--all shows them).");
        foreach (TargetJudgement j in shown.Where(j => j.Target is not null))
        {
            TrackingResult r = j.Tracking;
            context.Console.WriteLine($"{r.Indicator.Id}: {r.Status.ToWords()} for {r.Target}.");
            if (j.Chance is { } c)
            {
                context.Console.WriteLine($"  P(met) = {c.Probability:0.00}: {c.Likelihood.ToWords()} (IPCC scale); {c.Method}");
                if (j.Simulation is { } a) context.Console.WriteLine($"  forecast for {a.Target.Deadline}: {Describe(a)}");
                foreach (string note in c.Notes) context.Console.WriteLine($"  note: {note}");
            }
            else if (j.Unassessed is { } why)
            {
                context.Console.WriteLine($"  P(met): none, {why}");
            }

            if (r.TimeProgress is { } tp)
                context.Console.WriteLine($"  plan {tp.Plan}: {Fmt.Percent(tp.ChangeShare)} of the change with {Fmt.Percent(tp.TimeShare)} of the time{(tp.OnSchedule ? "" : " (behind schedule)")}");
            foreach (string note in r.Notes) context.Console.WriteLine($"  note: {note}");
        }

        context.Console.WriteLine($"Status thresholds: {options.EffectivePreset.Name}; observed growth over the last {options.WindowYears} years available.");
    }

    private static string Describe(TargetAssessment a)
    {
        if (a.Target.Kind == TargetKind.Growth)
            return $"growth {Fmt.Percent(a.Median)} (80%: {Fmt.Percent(a.Interval80.Lower)} to {Fmt.Percent(a.Interval80.Upper)}; 95%: {Fmt.Percent(a.Interval95.Lower)} to {Fmt.Percent(a.Interval95.Upper)})";
        string Q(double v) => Quantity.Of(v, a.Indicator.Unit).ToString(4);
        string what = a.Target.Kind == TargetKind.Cumulative ? "total " : "";
        return $"{what}{Q(a.Median)} (80%: {Q(a.Interval80.Lower)} to {Q(a.Interval80.Upper)}; 95%: {Q(a.Interval95.Lower)} to {Q(a.Interval95.Upper)})";
    }

    private static string Colour(ProgressStatus status) => status switch
    {
        ProgressStatus.TargetAchieved or ProgressStatus.OnTrack => "green",
        ProgressStatus.FairProgress => "yellow",
        ProgressStatus.LimitedProgress => "darkorange",
        ProgressStatus.Deterioration or ProgressStatus.TargetMissed => "red",
        _ => "grey",
    };
}

/// <summary>The optional dataset argument: a directory, else a bundled dataset's name; default the bundled xinjiang.</summary>
internal static class DatasetArgument
{
    public const string Default = "xinjiang";

    public static Argument<string> Create() => new("dir")
    {
        Description = "Dataset directory with indicators.csv, observations.csv and targets.csv, or the name of a bundled dataset ("
            + string.Join(", ", Dataset.BundledNames) + "); default xinjiang.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => Default,
    };
}
