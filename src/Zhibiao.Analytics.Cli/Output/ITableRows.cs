namespace Zhibiao.Analytics.Cli.Output;

/// <summary>
/// Rows a streaming command hands to <see cref="TableOutput"/>, one batch at a time: written as CSV directly, or as a
/// <see cref="Tabular"/> for the other formats. A type with many rows may write its CSV faster than cell by cell
/// (<see cref="Commands.ForecastRows"/>); the bytes are the same.
/// </summary>
internal interface ITableRows
{
    /// <summary>The column names.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Writes the rows as CSV, with the header row or without it (for the batches after the first).</summary>
    void WriteCsv(TextWriter output, bool header);

    /// <summary>The rows as cells.</summary>
    Tabular ToTabular();
}
