using System.Globalization;
using System.Text;

namespace Zhibiao.Analytics.Tests.Data;

/// <summary>
/// Generated series shaped like M3 yearly (positive, trending, 14 to 41 years from 1950–1980), as long-format CSV, so
/// the streaming tests need no outside data.
/// </summary>
internal static class M3Like
{
    public static string Csv(int series, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder("unique_id,ds,y\n");
        for (int i = 1; i <= series; i++)
        {
            int start = 1950 + random.Next(31), length = 14 + random.Next(28);
            double level = 500 + (5000 * random.NextDouble()), growth = -0.02 + (0.1 * random.NextDouble());
            for (int t = 0; t < length; t++)
            {
                level *= 1 + growth + (0.05 * (random.NextDouble() - 0.5));
                text.Append(CultureInfo.InvariantCulture, $"S{i:D5},{start + t},{level:0.##}\n");
            }
        }

        return text.ToString();
    }
}
