// Writes the small long-format sample of samples/long/ (synthetic series made by the project, nothing copied):
//   yearly-train.csv / yearly-test.csv    24 yearly series of 14–30 values, the last 4 of each held out
//   monthly-train.csv / monthly-test.csv  12 monthly series of 6–10 years, the last 12 values held out
// Run from the repository root: dotnet run samples/long/make.cs [DIR]   (default samples/long)
// The random numbers come from SplitMix64 with a fixed seed, so every machine writes the same bytes.
using System.Globalization;
using System.Text;

string dir = args.Length > 0 ? args[0] : "samples/long";
Directory.CreateDirectory(dir);
var rng = new SplitMix64(20261206);

var yearlyTrain = new StringBuilder("unique_id,ds,y\n");
var yearlyTest = new StringBuilder("unique_id,ds,y\n");
for (int s = 1; s <= 24; s++)
{
    int n = 14 + (int)(rng.Next() % 17);                  // 14–30 values
    int start = 2024 - n + 1;
    double level = 100 * Math.Exp(3 * rng.Uniform());      // 100 to about 2000
    double growth = 0.01 + 0.07 * rng.Uniform();           // 1–8% a year
    double damping = s % 3 == 0 ? 0.9 : 1.0;               // a third of them slow down
    double sigma = 0.02 + 0.05 * rng.Uniform();            // 2–7% noise a year
    for (int t = 0; t < n; t++)
    {
        level *= Math.Exp(growth + sigma * rng.Normal());
        growth *= damping;
        (t < n - 4 ? yearlyTrain : yearlyTest).Append(Row($"Y{s:00}", (start + t).ToString(CultureInfo.InvariantCulture), level));
    }
}

var monthlyTrain = new StringBuilder("unique_id,ds,y\n");
var monthlyTest = new StringBuilder("unique_id,ds,y\n");
for (int s = 1; s <= 12; s++)
{
    int years = 6 + (int)(rng.Next() % 5);                 // 6–10 years
    int startYear = 2025 - years;
    double level = 50 * Math.Exp(2 * rng.Uniform());
    double growth = (0.0 + 0.06 * rng.Uniform()) / 12;     // 0–6% a year
    double amplitude = 0.05 + 0.25 * rng.Uniform();        // the season's swing
    double phase = 2 * Math.PI * rng.Uniform();
    double sigma = 0.01 + 0.04 * rng.Uniform();
    int n = 12 * years;
    for (int t = 0; t < n; t++)
    {
        level *= Math.Exp(growth + sigma * rng.Normal());
        double season = 1 + amplitude * Math.Sin(2 * Math.PI * t / 12 + phase);
        string ds = $"{startYear + t / 12}-{t % 12 + 1:00}";
        (t < n - 12 ? monthlyTrain : monthlyTest).Append(Row($"M{s:00}", ds, level * season));
    }
}

File.WriteAllText(Path.Combine(dir, "yearly-train.csv"), yearlyTrain.ToString());
File.WriteAllText(Path.Combine(dir, "yearly-test.csv"), yearlyTest.ToString());
File.WriteAllText(Path.Combine(dir, "monthly-train.csv"), monthlyTrain.ToString());
File.WriteAllText(Path.Combine(dir, "monthly-test.csv"), monthlyTest.ToString());
Console.WriteLine($"wrote {dir}/yearly-train.csv, yearly-test.csv, monthly-train.csv, monthly-test.csv");

static string Row(string id, string ds, double y) => string.Create(CultureInfo.InvariantCulture, $"{id},{ds},{y:F1}\n");

/// <summary>SplitMix64 (Steele, Lea and Flood 2014): the same numbers on every machine and runtime.</summary>
sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double Uniform() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box–Muller (one of the pair).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());
}
