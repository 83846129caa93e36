using System.CommandLine;
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
        var command = new Command("track", "Is each indicator on track for its target? Required vs observed growth and a status.")
        {
            dir, format, window, preset, all, noProbability,
        };
        command.SetAction(parse =>
        {
            int years = parse.GetValue(window);
            if (years is < 1 or > 1000) throw new CliUsageException($"--window must be between 1 and 1000 years, not {years}");
            Dataset data = Dataset.Load(parse.GetValue(dir)!);
            var options = new TrackingOptions { WindowYears = years, Preset = StatusPreset.Named[parse.GetValue(preset)!] };
            IReadOnlyList<TargetJudgement> results = TargetPipeline.Judge(data, new PipelineOptions
            {
                Assessment = context.Assessment with { Tracking = options },
                Probability = !parse.GetValue(noProbability),
            });
            OutputFormat f = FormatOption.Parse(parse.GetValue(format)!);
            if (f == OutputFormat.Table) WriteTable(context, results, options, parse.GetValue(all));
            else ToTabular(results).Write(context.Out, f);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    internal static Tabular ToTabular(IEnumerable<TargetJudgement> results)
    {
        var t = new Tabular(Columns);
        foreach (TargetJudgement j in results)
        {
            TrackingResult r = j.Tracking;
            Target? target = r.Target;
            TargetAssessment? a = j.Probability;
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
                a?.ProbabilityMet, a?.Likelihood.ToWords(), a?.Method, a?.Median, a?.Interval80.Lower, a?.Interval80.Upper,
                a?.Interval95.Lower, a?.Interval95.Upper, a?.ForecastGrowth, a?.ExpectedShortfall);
        }

        return t;
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
                j.Probability is { } a ? Markup.Escape($"{a.ProbabilityMet:0.00} {a.Likelihood.ToWords()}") : "—");
        }

        context.Console.Write(table);
        int hidden = results.Count - shown.Length;
        if (hidden > 0) context.Console.WriteLine($"{Fmt.Count(hidden, "indicator")} with a single value and no target {(hidden == 1 ? "is" : "are")} not shown (--all shows them).");
        foreach (TargetJudgement j in shown.Where(j => j.Target is not null))
        {
            TrackingResult r = j.Tracking;
            context.Console.WriteLine($"{r.Indicator.Id}: {r.Status.ToWords()} for {r.Target}.");
            if (j.Probability is { } a)
            {
                context.Console.WriteLine($"  P(met) = {a.ProbabilityMet:0.00}: {a.Likelihood.ToWords()} (IPCC scale); forecast for {a.Target.Deadline} by {a.Method}: {Describe(a)}");
                foreach (string note in a.Notes) context.Console.WriteLine($"  note: {note}");
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
