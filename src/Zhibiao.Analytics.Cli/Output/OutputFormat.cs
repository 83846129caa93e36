using System.CommandLine;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people.</summary>
    Table,

    /// <summary>CSV with stable, documented columns.</summary>
    Csv,

    /// <summary>A JSON array of objects with the CSV's fields.</summary>
    Json,
}

/// <summary>The shared --format option.</summary>
internal static class FormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: table, csv or json.",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "csv", "json");
        return option;
    }

    public static OutputFormat Parse(string value) => value switch
    {
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Table,
    };
}
