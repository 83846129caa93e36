using System.CommandLine;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Extraction;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics import-history FILE... --to-dataset DIR</c>: merges history files (indicator,name,period,value,unit,
/// qualifier,note,source) into a dataset. Figures the dataset already holds from another source win; the history
/// figure goes into their note. Rules in <see cref="HistoryImport"/>.
/// </summary>
internal static class ImportHistoryCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "History CSV files, merged in order.", Arity = ArgumentArity.OneOrMore };
        var toDataset = new Option<string>("--to-dataset") { Description = "The dataset directory to merge into (indicators.csv must exist).", Required = true };
        var synonyms = new Option<string?>("--synonyms") { Description = "Name→indicator table (CSV subject,indicator[,unit]). Default: DIR/synonyms.csv." };
        var command = new Command("import-history", "Merge history files of earlier values into a dataset; held figures from other sources win.")
        {
            files, toDataset, synonyms,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(toDataset)!;
            Dataset dataset = DatasetMerge.LoadForMerge(dir);
            SynonymTable table = ExtractCommand.LoadSynonyms(dir, parse.GetValue(synonyms));
            var rows = new List<HistoryRow>();
            foreach (string f in parse.GetValue(files)!) rows.AddRange(HistoryImport.Read(f));
            HistoryImportResult r = HistoryImport.Merge(dataset, rows, table);
            foreach (string n in r.Notices) context.Error.WriteLine($"note: {n}");
            if (r.Conflicts.Count > 0)
            {
                foreach (MergeConflict c in r.Conflicts) context.Error.WriteLine($"conflict: {c}");
                context.Error.WriteLine($"error: {r.Conflicts.Count} conflicts with {dir}; nothing written");
                return AnalyticsCli.UserError;
            }

            if (r.Added + r.Noted > 0) r.Dataset.Save(dir);
            context.Out.WriteLine($"{dir}: {r.Added} added, {r.Noted} noted on figures held from other sources, {r.Unchanged} already held ({rows.Count} rows)");
            return AnalyticsCli.Ok;
        });
        return command;
    }
}
