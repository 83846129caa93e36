using System.CommandLine;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;
using Spectre.Console;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics extract REPORT.txt [--year YEAR] [--format table|csv|json] [--to-dataset DIR]</c>: the numeric facts of a
/// government work report with their character spans; with <c>--to-dataset</c>, merged into a dataset as observations
/// and targets (conflicts with what the dataset holds are reported and nothing is written).
/// </summary>
internal static class ExtractCommand
{
    /// <summary>The CSV/JSON columns, in order: those of ../shared/peers/extract_score.py plus the text around the figure.</summary>
    public static readonly string[] Columns = ["subject", "period", "kind", "value", "unit", "qualifier", "is_target", "start", "end", "text"];

    public static Command Create(CliContext context)
    {
        var report = new Argument<string>("report") { Description = "The report, a UTF-8 text file." };
        var year = new Option<int?>("--year") { Description = "The report's year (its targets' year; the review is of the year before). Default: from the section headings." };
        var format = FormatOption.Create();
        var toDataset = new Option<string?>("--to-dataset") { Description = "Merge the facts into this dataset directory (observations.csv, targets.csv) instead of printing them." };
        var synonyms = new Option<string?>("--synonyms") { Description = "Subject→indicator table (CSV subject,indicator[,unit]). Default: DIR/synonyms.csv." };
        var source = new Option<string?>("--source") { Description = "The document name recorded as the source. Default: the report's file name." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace figures of the dataset that the report contradicts instead of stopping." };
        var command = new Command("extract", "Read a government work report: indicators, values, growth and targets with their place in the text.")
        {
            report, year, format, toDataset, synonyms, source, overwrite,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(report)!;
            string text = FactExtractor.ReadReport(path);
            IReadOnlyList<Fact> facts = FactExtractor.Extract(text, new ExtractionOptions { Year = parse.GetValue(year) });
            string? dir = parse.GetValue(toDataset);
            if (dir is not null)
            {
                string document = parse.GetValue(source) ?? Path.GetFileNameWithoutExtension(path);
                if (parse.GetValue(source) is { } given && (given.Trim().Length == 0 || given.Any(char.IsControl)))
                    throw new CliUsageException($"--source: {(given.Trim().Length == 0 ? "is empty" : "holds a line break or control character")}; give the document's name on one line");
                return ToDataset(context, facts, dir, parse.GetValue(synonyms), document, parse.GetValue(overwrite));
            }

            OutputFormat f = FormatOption.Parse(parse.GetValue(format)!);
            if (f == OutputFormat.Table) WriteTable(context, facts);
            else ToTabular(facts).Write(context.Out, f);
            return AnalyticsCli.Ok;
        });
        return command;
    }

    internal static Tabular ToTabular(IEnumerable<Fact> facts)
    {
        var t = new Tabular(Columns);
        foreach (Fact f in facts)
        {
            t.Add(f.Subject, f.PeriodText, KindToken(f.Kind), f.Value.Value, f.Value.Unit.Symbol, f.Qualifier.ToToken(),
                f.IsTarget, f.Start, f.End, f.Text);
        }

        return t;
    }

    private static string KindToken(Measure kind) => kind.ToString().ToLowerInvariant();

    private static void WriteTable(CliContext context, IReadOnlyList<Fact> facts)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("subject", "period", "kind", "figure", "target", "chars", "text");
        foreach (Fact f in facts)
        {
            table.AddRow(
                Markup.Escape(f.Subject), f.PeriodText, KindToken(f.Kind),
                Markup.Escape(f.Qualifier.ToSign() + f.Value.ToWrittenString()),
                f.IsTarget ? "target" + (f.Note is null ? "" : $" ({Markup.Escape(f.Note)})") : f.Note is null ? "" : Markup.Escape(f.Note),
                $"{f.Start}-{f.End}", Markup.Escape(f.Text));
        }

        context.Console.Write(table);
        context.Console.WriteLine($"{Fmt.Count(facts.Count, "fact")}; spans are character offsets of the number with its unit.");
    }

    private static int ToDataset(CliContext context, IReadOnlyList<Fact> facts, string dir, string? synonymsPath, string document, bool overwrite)
    {
        Dataset dataset = DatasetMerge.LoadForMerge(dir);
        SynonymTable synonyms = LoadSynonyms(dir, synonymsPath);
        JoinedFacts joined = FactJoin.Join(facts, dataset.Indicators, synonyms, document);
        MergeResult merged = DatasetMerge.Merge(dataset, joined.Observations, joined.Targets, overwrite);
        foreach (Fact f in joined.Unmatched)
            context.Error.WriteLine($"not joined: no indicator for subject '{f.Subject}' ({f}); map it in synonyms.csv");
        foreach (SkippedFact s in joined.Skipped)
            context.Error.WriteLine($"not joined: {s.Fact} ({s.Reason})");
        if (merged.Conflicts.Count > 0)
        {
            foreach (MergeConflict c in merged.Conflicts) context.Error.WriteLine($"conflict: {c}");
            context.Error.WriteLine($"error: {Fmt.Count(merged.Conflicts.Count, "conflict")} with {dir}; nothing written (--overwrite replaces the figures held)");
            return AnalyticsCli.UserError;
        }

        if (merged.Added + merged.Replaced > 0) merged.Dataset.Save(dir);
        context.Out.WriteLine(
            $"{dir}: {merged.Added} added, {merged.Replaced} replaced, {merged.Unchanged} already held " +
            $"({Fmt.Count(joined.Observations.Count, "observation")}, {Fmt.Count(joined.Targets.Count, "target")} from {Fmt.Count(facts.Count, "fact")}; " +
            $"{joined.Unmatched.Count} without indicator, {joined.Skipped.Count} not fitting)");
        foreach (Observation o in joined.Implied)
            context.Out.WriteLine($"implied: {o.IndicatorId} {o.Period} {o.Qualifier.ToSign()}{o.Value} in {o.Derivation!.Bounds} ({o.Derivation.Method})");
        return AnalyticsCli.Ok;
    }

    /// <summary>The synonym table: the file given, else DIR/synonyms.csv if it exists, else none (indicator names only).</summary>
    internal static SynonymTable LoadSynonyms(string dir, string? path)
    {
        if (path is not null) return SynonymTable.Load(path);
        string inDir = Path.Combine(dir, "synonyms.csv");
        return File.Exists(inDir) ? SynonymTable.Load(inDir) : SynonymTable.Empty;
    }
}
