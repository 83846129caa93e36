using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

/// <summary>Reading Parquet files written by DuckDB (Data/Parquet/make-fixtures.mjs), and our own Parquet output.</summary>
public class LongFormatParquetTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Parquet", name);

    [Fact]
    public void String_periods_and_a_null_y_as_a_missing_value()
    {
        IReadOnlyList<LongSeries> series = LongFormat.Read(Fixture("strings.parquet"));
        Assert.Equal(["a", "b"], series.Select(s => s.Id));
        Assert.Equal(Period.OfYear(2001), series[0].Start);
        Assert.Equal([1.5, double.NaN, 3.25], series[0].Values.ToArray());
        Assert.Equal(Period.OfQuarter(2020, 1), series[1].Start);
        Assert.Equal([10.0, 11.0, 12.5, 13.0], series[1].Values.ToArray());
    }

    [Fact]
    public void Integer_years_across_row_groups_of_two_rows()
    {
        SeriesBatch[] batches = [.. LongFormat.ReadBatches(Fixture("integers.parquet"), 1)];
        Assert.Equal(2, batches.Length);
        LongSeries x = batches[0].Series.Single(), y = batches[1].Series.Single();
        Assert.Equal(("x", Period.OfYear(1990)), (x.Id, x.Start));
        Assert.Equal([100.0, 101.0, double.NaN, 104.0], x.Values.ToArray());
        Assert.Equal(("y", Period.OfYear(2000)), (y.Id, y.Start));
        Assert.Equal([5.0, 6.0, 7.0], y.Values.ToArray());
        Assert.Equal(1, batches[1].Fraction);
    }

    [Fact]
    public void Dates_give_yearly_quarterly_and_monthly_series_with_skipped_periods_missing()
    {
        IReadOnlyList<LongSeries> series = LongFormat.Read(Fixture("dates.parquet"));
        Assert.Equal(Period.OfYear(2001), series[0].Start);
        Assert.Equal([1.0, 2.0, double.NaN, 4.0], series[0].Values.ToArray());
        Assert.Equal(Period.OfQuarter(2020, 1), series[1].Start);
        Assert.Equal(3, series[1].Values.Length);
        Assert.Equal(Period.OfMonth(2020, 11), series[2].Start);
        Assert.Equal([1.0, 2.0, double.NaN], series[2].Values.ToArray());
    }

    [Fact]
    public void Timestamps_and_float_values_with_an_extra_column()
    {
        LongSeries t = LongFormat.Read(Fixture("timestamps.parquet")).Single();
        Assert.Equal(Period.OfYear(2010), t.Start);
        Assert.Equal([1.5, 2.5], t.Values.ToArray());
    }

    [Fact]
    public void A_series_that_appears_again_is_an_error_naming_it_and_the_row()
    {
        string path = Fixture("reappearing.parquet");
        var e = Assert.Throws<DataFormatException>(() => LongFormat.Read(path));
        Assert.Equal($"{path}:4: column 'unique_id': rows of series 'a' are not together: it appears again after other series (the rows of a series must be contiguous)", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        string path = dir.File("fake.parquet", "unique_id,ds,y\na,2001,1\n");
        var e = Assert.Throws<DataFormatException>(() => LongFormat.Read(path));
        Assert.StartsWith($"{path}: not a readable Parquet file", e.Message, StringComparison.Ordinal);
    }
}
