using System.CommandLine;
using Zhibiao.Analytics.Import;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics import-table FILE [--sheet NAME] [--indicator ID] [--name TEXT] [--unit UNIT] [--kind K] [--direction D]
/// (--to-dataset DIR | --to-long OUT)</c>: a wide table (entities in rows, periods in columns; CSV or XLSX) into a
/// dataset directory or a long-format CSV, by <see cref="WideTable"/>.
/// </summary>
internal static class ImportTableCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The table: .csv or .xlsx, entities in rows and periods (2019, \"2019 [YR2019]\", 2019年, 2019-Q1, 2019-03) in columns." };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet of an .xlsx workbook (default: the first)." };
        var indicator = new Option<string?>("--indicator") { Description = "The indicator id, when the table has no indicator-code column (\"Indicator Code\", \"Series Code\") and no 'Indicator:' line." };
        var name = new Option<string?>("--name") { Description = "The indicator's name (default: the table's indicator-name column, or the id)." };
        var unit = new Option<string?>("--unit") { Description = "The unit of the values with its magnitude (亿元, 万人, %, \"million kWh\"); default: a Unit/单位 column or line, or a unit in brackets ending the indicator's name." };
        var kind = new Option<string?>("--kind") { Description = "level, flow, rate or share (default: rate for %, otherwise flow)." };
        kind.AcceptOnlyFromAmong("level", "flow", "rate", "share");
        var direction = new Option<string?>("--direction") { Description = "higher or lower: which way is better (default: higher)." };
        direction.AcceptOnlyFromAmong("higher", "lower");
        var toDataset = new Option<string?>("--to-dataset") { Description = "Write a dataset (indicators.csv, observations.csv, targets.csv) into this directory." };
        var toLong = new Option<string?>("--to-long") { Description = "Write the series in the long format (unique_id,ds,y) to this CSV file." };
        var command = new Command("import-table", "Import a wide table (entities in rows, periods in columns, CSV or XLSX, as the World Bank's and statistics offices' downloads) into a dataset or the long format.")
        {
            file, sheet, indicator, name, unit, kind, direction, toDataset, toLong,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(toDataset) is null) == (result.GetValue(toLong) is null))
                result.AddError("give one of --to-dataset DIR or --to-long OUT");
        });
        command.SetAction(parse =>
        {
            var options = new WideTableOptions
            {
                Sheet = parse.GetValue(sheet),
                Indicator = parse.GetValue(indicator),
                Name = parse.GetValue(name),
                Unit = parse.GetValue(unit),
                Kind = parse.GetValue(kind) is { } k ? Enum.Parse<IndicatorKind>(k, ignoreCase: true) : null,
                Direction = parse.GetValue(direction) is { } d ? (d == "lower" ? Direction.LowerIsBetter : Direction.HigherIsBetter) : null,
            };
            string path = parse.GetValue(file)!;
            if (parse.GetValue(toDataset) is { } dir)
            {
                Data.Dataset data = WideTable.Read(path, options);
                data.Save(dir);
                context.Out.WriteLine($"{path}: {data.Indicators.Count} series, {data.Observations.Count} figures written to {dir}");
            }
            else
            {
                string output = parse.GetValue(toLong)!;
                IReadOnlyList<LongSeries> series = WideTable.ReadLong(path, options);
                WideTable.WriteLong(series, output);
                context.Out.WriteLine($"{path}: {series.Count} series, {series.Sum(s => s.Values.Length)} rows written to {output}");
            }

            return AnalyticsCli.Ok;
        });
        return command;
    }
}
