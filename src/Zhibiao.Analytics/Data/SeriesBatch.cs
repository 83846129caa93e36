namespace Zhibiao.Analytics.Data;

/// <summary>
/// A batch of consecutive series of a long-format file, as <see cref="LongFormat.ReadBatches"/> streams them.
/// </summary>
/// <param name="Series">The series of the batch, in file order.</param>
/// <param name="First">The 0-based position in the file of the batch's first series (batches are numbered by it).</param>
/// <param name="Fraction">The share of the file read once this batch was read, 0 to 1 (bytes for CSV, rows for Parquet), for progress.</param>
public sealed record SeriesBatch(IReadOnlyList<LongSeries> Series, long First, double Fraction);
