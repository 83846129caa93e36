using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

public class LongFormatStreamingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Batches_hold_at_most_the_batch_size_and_together_are_the_whole_file_in_order(int size)
    {
        using var dir = new TempDirectory();
        string path = dir.File("m3like.csv", M3Like.Csv(300));
        IReadOnlyList<LongSeries> all = LongFormat.Read(path);
        SeriesBatch[] batches = [.. LongFormat.ReadBatches(path, size)];
        Assert.All(batches, b => Assert.InRange(b.Series.Count, 1, size));
        Assert.All(batches.SkipLast(1), b => Assert.Equal(size, b.Series.Count));
        Assert.Equal(batches.Select(b => b.First), batches.Select((_, i) => (long)i * size));
        LongSeries[] streamed = [.. batches.SelectMany(b => b.Series)];
        Assert.Equal(300, streamed.Length);
        Assert.Equal(all.Select(s => (s.Id, s.Start)), streamed.Select(s => (s.Id, s.Start)));
        Assert.All(all.Zip(streamed), p => Assert.Equal(p.First.Values.ToArray(), p.Second.Values.ToArray()));
        Assert.Equal(1, batches[^1].Fraction);
        Assert.True(batches.Zip(batches.Skip(1)).All(p => p.First.Fraction <= p.Second.Fraction));
    }

    [Fact]
    public void The_first_batch_comes_before_the_file_is_read_whole()
    {
        // 20,000 series (about 4 MB): after the first batch of 100 the reader holds its 64 KB buffer, not the file.
        using var dir = new TempDirectory();
        string path = dir.File("big.csv", M3Like.Csv(20_000));
        using IEnumerator<SeriesBatch> batches = LongFormat.ReadBatches(path, 100).GetEnumerator();
        Assert.True(batches.MoveNext());
        Assert.Equal(100, batches.Current.Series.Count);
        Assert.InRange(batches.Current.Fraction, 0, 0.05);
    }

    [Fact]
    public void A_series_that_appears_again_later_is_an_error_naming_it_and_the_line_after_the_batches_before_it()
    {
        using var dir = new TempDirectory();
        string path = dir.File("again.csv", "unique_id,ds,y\na,2001,1\na,2002,2\nb,2001,1\nc,2001,1\na,2003,3\n");
        using IEnumerator<SeriesBatch> batches = LongFormat.ReadBatches(path, 1).GetEnumerator();
        Assert.True(batches.MoveNext());
        Assert.Equal("a", batches.Current.Series[0].Id);
        Assert.True(batches.MoveNext());
        Assert.Equal("b", batches.Current.Series[0].Id);
        var e = Assert.Throws<DataFormatException>(() => batches.MoveNext());
        Assert.Equal($"{path}:6: column 'unique_id': rows of series 'a' are not together: it appears again after other series (the rows of a series must be contiguous)", e.Message);
    }

    [Theory]
    [InlineData("unique_id,ds,y\na,2001,1\na,2001,2\n", ":3: column 'ds': series 'a': 2001 does not follow 2001")]
    [InlineData("unique_id,ds,y\na,2001,1\na,2002-Q1,2\n", ":3: column 'ds': series 'a' mixes")]
    [InlineData("unique_id,ds,y\n", ": no series in the file")]
    [InlineData("unique_id,ds,y\na,2001,x\n", ":2: column 'y': 'x' is not a finite number")]
    [InlineData("unique_id,ds,y\na,2001,1\n\u00e9\u0001,2001,1\n", ":3: control character U+0001")]
    public void Bad_rows_are_errors_naming_the_line(string csv, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.csv", csv);
        var e = Assert.Throws<DataFormatException>(() => LongFormat.ReadBatches(path, 10).ToList());
        Assert.Contains(path + expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error_naming_the_line_and_byte()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "latin1.csv");
        File.WriteAllBytes(path, [.. "unique_id,ds,y\na,2001,1\n"u8, 0xE9, .. ",2001,1\n"u8]);
        var e = Assert.Throws<DataFormatException>(() => LongFormat.ReadBatches(path).ToList());
        Assert.Equal($"{path}:3: not UTF-8 text (invalid byte 0xE9 at byte 24); convert the file to UTF-8 first", e.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_a_batch_size_below_one_is_refused()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "unique_id,ds,y\na,2001,1\n"u8]);
        Assert.Equal("a", LongFormat.ReadBatches(path).Single().Series.Single().Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => LongFormat.ReadBatches(path, 0));
    }
}
