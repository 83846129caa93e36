using Parquet;
using Parquet.Schema;
using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

/// <summary>
/// Damaged binary inputs (issue 32): whatever the Parquet library makes of a damaged file, the reader's failure is one
/// format error naming the file, and a row is named by its place in the file, not in its row group.
/// </summary>
public sealed class DamagedInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_damaged_parquet_fixture_is_a_format_error_naming_the_file()
    {
        // Fixed seed: truncations, flipped bits and overwritten spans of every fixture, each read whole.
        var random = new Random(32);
        string path = Path.Combine(_dir.Path, "damaged.parquet");
        var failures = new List<string>();
        int formatErrors = 0;
        foreach (string fixture in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "Parquet"), "*.parquet"))
        {
            byte[] good = File.ReadAllBytes(fixture);
            for (int k = 0; k < 60; k++)
            {
                byte[] bad = Damage(good, random, k % 4);
                File.WriteAllBytes(path, bad);
                try
                {
                    _ = LongFormat.Read(path);
                }
                catch (DataFormatException e) when (e.File == path && !e.Message.Contains('\n', StringComparison.Ordinal))
                {
                    formatErrors++;
                }
                catch (Exception e)
                {
                    failures.Add($"{Path.GetFileName(fixture)} damage {k}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(formatErrors > 100, $"only {formatErrors} of the damaged files were refused");
    }

    private static byte[] Damage(byte[] good, Random random, int how)
    {
        byte[] bad = (byte[])good.Clone();
        int at = random.Next(bad.Length);
        switch (how)
        {
            case 0:
                return bad[..at];
            case 1:
                bad[at] ^= (byte)(1 << random.Next(8));
                return bad;
            case 2:
                for (int i = at; i < Math.Min(bad.Length, at + 8); i++) bad[i] = 0xFF;
                return bad;
            default:
                // In the footer (the schema and the row groups' places): the last 10% of the file.
                int footer = bad.Length - 1 - random.Next(Math.Max(1, bad.Length / 10));
                bad[footer] = (byte)random.Next(256);
                return bad;
        }
    }

    [Fact]
    public async Task A_bad_value_in_a_later_row_group_is_named_by_its_row_in_the_file()
    {
        string path = Path.Combine(_dir.Path, "groups.parquet");
        var id = new DataField<string>("unique_id");
        var ds = new DataField<int>("ds");
        var y = new DataField<double>("y");
        await using (FileStream stream = File.Create(path))
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, ds, y), stream))
        {
            foreach ((string[] ids, int[] years, double[] values) in new[]
            {
                (new[] { "a", "a", "a" }, new[] { 2000, 2001, 2002 }, new[] { 1.0, 2, 3 }),
                (new[] { "b", "b" }, new[] { 2000, 2001 }, new[] { 1.0, double.PositiveInfinity }),
            })
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync(id, (IReadOnlyCollection<string?>)ids);
                await group.WriteAsync<int>(ds, years);
                await group.WriteAsync<double>(y, values);
            }
        }

        var e = Assert.Throws<DataFormatException>(() => LongFormat.Read(path));
        Assert.Equal($"{path}:5: column 'y': 'Infinity' is not a finite number", e.Message);
    }
}
