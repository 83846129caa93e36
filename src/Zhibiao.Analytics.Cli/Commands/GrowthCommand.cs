using System.CommandLine;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Spectre.Console;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary><c>analytics growth INDICATOR [DIR]</c>: the growth table of one indicator.</summary>
internal static class GrowthCommand
{
    /// <summary>The CSV/JSON columns. Values are in the indicator's unit; growth figures are fractions.</summary>
    public static readonly string[] Columns =
    [
        "indicator", "period", "value", "unit", "qualifier", "derived", "previous", "change", "growth", "annual_growth",
        "log_growth", "index", "reported_measure", "reported_value", "reported_unit", "note",
    ];

    public static Command Create(CliContext context)
    {
        var indicator = new Argument<string>("indicator") { Description = "The indicator id (see indicators.csv)." };
        var dir = DatasetArgument.Create();
        var format = FormatOption.Create();
        var noImplied = new Option<bool>("--no-implied") { Description = "Leave out levels implied by reported changes and growth." };
        var command = new Command("growth", "The growth table of one indicator: change, growth, CAGR over gaps, log growth, index.")
        {
            indicator, dir, format, noImplied,
        };
        command.SetAction(parse =>
        {
            Dataset data = Dataset.Load(parse.GetValue(dir)!);
            string id = parse.GetValue(indicator)!;
            GrowthTable table = GrowthTable.Of(data.Series(id, implied: !parse.GetValue(noImplied)), data.ChangesOf(id));
            OutputFormat f = FormatOption.Parse(parse.GetValue(format)!);
            if (f == OutputFormat.Table) WriteTable(context, table);
            else ToTabular(table).Write(context.Out, f);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    internal static Tabular ToTabular(GrowthTable table)
    {
        var t = new Tabular(Columns);
        foreach (GrowthRow r in table.Rows)
        {
            Observation o = r.Observation;
            t.Add(table.Indicator.Id, o.Period.ToString(), o.Value.Value, table.Indicator.Unit.Symbol, o.Qualifier.ToToken(),
                o.IsDerived ? o.Derivation!.Method : null, r.Previous?.ToString(), r.Change, r.Growth, r.AnnualGrowth, r.LogGrowth, r.Index,
                r.Reported?.Measure.ToString().ToLowerInvariant(), r.Reported?.Value.Written, r.Reported?.Value.ScaledUnit.ToString(), r.Note);
        }

        return t;
    }

    private static void WriteTable(CliContext context, GrowthTable g)
    {
        Indicator ind = g.Indicator;
        bool points = ind.ChangesInPoints;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{ind.NameZh} {ind.NameEn} ({ind.Id})"));
        table.AddColumns("period", "value", points ? "change (pp)" : "change", points ? "" : "growth", points ? "" : "per year", "index", "reported");
        foreach (GrowthRow r in g.Rows)
        {
            Observation o = r.Observation;
            string value = o.Qualifier.ToSign() + o.Value + (o.IsDerived ? " *" : "");
            string change = r.Change is { } c ? (points ? c.ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture) : Quantity.Of(c, ind.Unit).ToString()) : "";
            string span = r.Previous is { } p && o.Period - p > 1 ? $" ({p}–{o.Period})" : "";
            table.AddRow(
                o.Period.ToString(), Markup.Escape(value), Markup.Escape(change),
                r.Growth is { } gr ? Fmt.Percent(gr) + span : "",
                r.AnnualGrowth is { } a ? Fmt.Percent(a) : "",
                r.Index is { } i ? i.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "",
                Markup.Escape(r.Reported is { } rep ? $"{rep.Measure.ToString().ToLowerInvariant()} {rep.Qualifier.ToSign()}{rep.Value.ToWrittenString()}" : ""));
        }

        context.Console.Write(table);
        if (g.IndexBase is { } b) context.Console.WriteLine($"index: {b} = 100.");
        foreach (GrowthRow r in g.Rows.Where(r => r.Observation.IsDerived))
            context.Console.WriteLine($"* {r.Period}: {r.Observation.Derivation!.Method}, within {Quantity.Of(r.Observation.Derivation.Bounds.Lower, ind.Unit)} – {Quantity.Of(r.Observation.Derivation.Bounds.Upper, ind.Unit)}");
        foreach (GrowthRow r in g.Rows.Where(r => r.Note is not null))
            context.Console.WriteLine($"note {r.Period}: {r.Note}");
    }
}
