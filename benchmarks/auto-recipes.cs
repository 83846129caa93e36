#:project ../src/Zhibiao.Analytics.ML/Zhibiao.Analytics.ML.csproj
#:property PublishAot=false

// Chooses auto's selection recipe by leave-one-collection-out (LOCO). Two steps:
//
//   dump NAME TRAIN.csv TEST.csv H M DIR   every member's forecasts of every series at the three rolling validation
//                                          origins of the training part (what auto validates on) and at the test origin,
//                                          with the actual values and the MASE scale, into DIR/NAME.tsv
//   loco DIR                               for every recipe (selection rules on the validation forecasts only), its
//                                          test accuracy per collection relative to the fixed median; then, for each
//                                          collection held out, the recipe best on the other collections and what it
//                                          does on the one held out
//
// e.g. dotnet run -c Release benchmarks/auto-recipes.cs -- dump m3-yearly ../shared/datasets/m3/m3-yearly-train.csv \
//        ../shared/datasets/m3/m3-yearly-test.csv 6 1 /tmp/recipes     (and the same for the other seven collections:
//      m3 quarterly 8 4, monthly 18 12, other 8 1; tourism quarterly 8 4, monthly 24 12; m1 quarterly 8 4, monthly 18 12)
//      dotnet run -c Release benchmarks/auto-recipes.cs -- loco /tmp/recipes
// The dump of all eight took about 40 minutes on 2 busy cores. RECIPE="select c3 d0.01" prints that recipe's choice per collection.
using System.Globalization;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.ML;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args[0] == "dump") Dump(args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture), int.Parse(args[5], CultureInfo.InvariantCulture), args[6]);
else Loco.Run(args[1]);

static void Dump(string name, string trainPath, string testPath, int h, int m, string dir)
{
    var train = LongFormat.Read(trainPath);
    var test = LongFormat.Read(testPath).ToDictionary(s => s.Id, s => s.Values.ToArray());
    double[][] ys = [.. train.Select(s => s.Values.ToArray())];
    const int origins = 3;
    IForecaster[] members = [.. MlCatalogue.MembersWithGlobal(), new NaiveForecaster(), new Naive2Forecaster()];
    string[] names = ["ets", "theta", "dotm", "drift", "global", "naive", "naive2"];
    // global: trained on the series cut at the earliest validation origin for validation, on the whole series for the test
    var g = (IGlobalForecaster)members[4];
    double[][] cut = [.. ys.Select(y => y.Length - h - origins + 1 >= 5 ? y[..(y.Length - h - origins + 1)] : y)];
    IForecaster gv = g.Train(cut, m, h, 2), gt = g.Train(ys, m, h, 2);
    var lines = new string[ys.Length];
    Parallel.For(0, ys.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
    {
        var sb = new System.Text.StringBuilder();
        double[] y = ys[i];
        double[] full = [.. y, .. test[train[i].Id].Take(h)];
        for (int o = 0; o <= origins; o++)
        {
            int n = o == 0 ? y.Length : y.Length - h - (o - 1);
            if (n < 5) continue;
            ReadOnlySpan<double> prefix = full.AsSpan(0, n);
            int lag = n > m ? m : 1;
            double scale = 0;
            for (int t = lag; t < n; t++) scale += Math.Abs(full[t] - full[t - lag]);
            scale /= n - lag;
            sb.Append(CultureInfo.InvariantCulture, $"{train[i].Id}\t{o}\t{scale:R}\t{string.Join(';', full.Skip(n).Take(h).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
            for (int k = 0; k < members.Length; k++)
            {
                IForecaster f = k == 4 ? (o == 0 ? gt : gv) : members[k];
                string text;
                try
                {
                    double[] mean = f.Fit(prefix, m).Forecast(h, []).Mean.ToArray();
                    text = string.Join(';', mean.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
                }
                catch (AnalyticsException)
                {
                    text = "";
                }

                sb.Append('\t').Append(text);
            }

            sb.Append('\n');
        }

        lines[i] = sb.ToString();
    });
    Directory.CreateDirectory(dir);
    File.WriteAllText(Path.Combine(dir, name + ".tsv"), "id\torigin\tscale\tactual\t" + string.Join('\t', names) + "\n" + string.Concat(lines));
    Console.WriteLine($"{name}: {ys.Length} series");
}

/// <summary>A combination of members: a subset combined by median or mean, or a weighted mean.</summary>
sealed record Combo(string Name, bool[] Set, bool Median, double[]? Weights = null);

/// <summary>One series at one origin: actual values, MASE scale, the forecasts of members 0..6 (null when one failed).</summary>
sealed record Entry(bool Test, double Scale, double[] Actual, double[]?[] F);

static class Loco
{
    const int Members = 5; // ets, theta, dotm, drift, global; then naive (5) and naive2 (6)
    static readonly string[] Names = ["ets", "theta", "dotm", "drift", "global"];

    public static void Run(string dir)
    {
        var collections = Directory.GetFiles(dir, "*.tsv").Order().Select(f => (Name: Path.GetFileNameWithoutExtension(f), Entries: Read(f))).ToArray();
        var combos = new List<Combo>();
        for (int mask = 1; mask < 1 << Members; mask++)
        {
            bool[] set = [.. Enumerable.Range(0, Members).Select(j => (mask & (1 << j)) != 0)];
            string name = string.Join('+', Names.Where((_, j) => set[j]));
            combos.Add(new Combo("med(" + name + ")", set, true));
            if (set.Count(b => b) > 2) combos.Add(new Combo("mean(" + name + ")", set, false));
        }

        Combo fixedMedian = combos.First(c => c.Median && c.Set.All(b => b));
        var recipes = new List<(string Name, Func<Entry[], Combo> Choose)>();
        recipes.Add(("fixed", _ => fixedMedian));
        foreach (int crit in new[] { 2, 3 })
        {
            foreach (double delta in new[] { 0.0, 0.01, 0.02, 0.03, 0.05, 0.08 })
                recipes.Add(($"select c{crit} d{delta}", e => Shrunk(e, combos, fixedMedian, crit, delta)));
            foreach (double tau in new[] { 0.02, 0.05, 0.1, 0.2 })
                foreach (double delta in new[] { 0.0, 0.01, 0.02, 0.03, 0.05 })
                    recipes.Add(($"keep c{crit} t{tau} d{delta}", e => Keep(e, fixedMedian, crit, tau, delta)));
            foreach (double p in new[] { 1.0, 2, 4, 8 })
                recipes.Add(($"invw c{crit} p{p}", e => InvWeights(e, crit, p)));
        }

        // test score per recipe per collection, relative to the fixed median: mean of the sMAPE, MASE and MAPE ratios
        var rel = new double[recipes.Count, collections.Length];
        var figures = new (double S, double M, double P)[recipes.Count, collections.Length];
        var chosen = new string[recipes.Count, collections.Length];
        for (int c = 0; c < collections.Length; c++)
        {
            Entry[] e = collections[c].Entries;
            var baseFig = TestFigures(e, fixedMedian);
            for (int r = 0; r < recipes.Count; r++)
            {
                Combo combo = recipes[r].Choose(e);
                var f = TestFigures(e, combo);
                figures[r, c] = f;
                chosen[r, c] = combo.Name;
                rel[r, c] = ((f.S / baseFig.S) + (f.M / baseFig.M) + (f.P / baseFig.P)) / 3;
            }
        }

        Console.WriteLine("members alone (test sMAPE / MASE / MAPE) and best single member:");
        foreach (var (name, entries) in collections)
        {
            var parts = Enumerable.Range(0, Members + 2).Select(j =>
            {
                var f = TestFigures(entries, new Combo(j < Members ? Names[j] : j == 5 ? "naive" : "naive2", [.. Enumerable.Range(0, Members + 2).Select(k => k == j)], true));
                return $"{(j < Members ? Names[j] : j == 5 ? "naive" : "naive2")} {f.S:F2}/{f.M:F3}/{f.P:F2}";
            });
            Console.WriteLine($"  {name}: {string.Join("  ", parts)}");
        }

        Console.WriteLine();
        Console.WriteLine("recipe: relative score per collection (" + string.Join(", ", collections.Select(c => c.Name)) + "), mean, max");
        var order = Enumerable.Range(0, recipes.Count).OrderBy(r => Mean(rel, r, -1)).ToArray();
        foreach (int r in order.Take(40).Append(0))
            Console.WriteLine($"  {recipes[r].Name,-28} {string.Join(' ', Enumerable.Range(0, collections.Length).Select(c => rel[r, c].ToString("F4", CultureInfo.InvariantCulture)))}  mean {Mean(rel, r, -1):F4} max {Enumerable.Range(0, collections.Length).Max(c => rel[r, c]):F4}");

        Console.WriteLine();
        Console.WriteLine("leave one collection out: the recipe best on the other seven, on the one held out");
        double total = 0;
        for (int c = 0; c < collections.Length; c++)
        {
            int best = Enumerable.Range(0, recipes.Count).OrderBy(r => Mean(rel, r, c)).First();
            total += rel[best, c];
            var f = figures[best, c];
            Console.WriteLine($"  {collections[c].Name,-18} {recipes[best].Name,-28} rel {rel[best, c]:F4}  {f.S:F2}/{f.M:F3}/{f.P:F2}  chose {chosen[best, c]}");
        }

        Console.WriteLine($"  mean held-out relative score {total / collections.Length:F4} (fixed median 1)");
        if (Environment.GetEnvironmentVariable("RECIPE") is { } show)
        {
            int r = recipes.FindIndex(x => x.Name == show);
            for (int c = 0; c < collections.Length; c++)
                Console.WriteLine($"  {show}: {collections[c].Name,-18} rel {rel[r, c]:F4} {figures[r, c].S:F2}/{figures[r, c].M:F3}/{figures[r, c].P:F2} chose {chosen[r, c]}");
        }
    }

    static double Mean(double[,] rel, int r, int except)
    {
        double s = 0;
        int n = 0;
        for (int c = 0; c < rel.GetLength(1); c++)
            if (c != except) { s += rel[r, c]; n++; }
        return s / n;
    }

    static Entry[] Read(string path)
    {
        var list = new List<Entry>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] p = line.Split('\t');
            double[] Parse(string t) => t.Length == 0 ? [] : [.. t.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            double[]?[] f = [.. p.Skip(4).Select(t => t.Length == 0 || Parse(t).Any(v => !double.IsFinite(v)) ? null : Parse(t))];
            list.Add(new Entry(p[1] == "0", double.Parse(p[2], CultureInfo.InvariantCulture), Parse(p[3]), f));
        }

        return [.. list];
    }

    static double[] Combine(Entry e, Combo c)
    {
        int h = e.Actual.Length;
        var f = new double[h];
        var values = new List<double>();
        for (int t = 0; t < h; t++)
        {
            values.Clear();
            double wsum = 0, sum = 0;
            for (int j = 0; j < c.Set.Length; j++)
            {
                if (!c.Set[j] || e.F[j] is not { } fj) continue;
                values.Add(fj[t]);
                double w = c.Weights?[j] ?? 1;
                wsum += w;
                sum += w * fj[t];
            }

            if (values.Count == 0) { f[t] = e.F[5]![t]; continue; }
            if (!c.Median) { f[t] = sum / wsum; continue; }
            values.Sort();
            int n = values.Count;
            f[t] = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        }

        return f;
    }

    static (double S, double M, double P) Errors(Entry e, double[] f)
    {
        double s = 0, a = 0, p = 0;
        for (int t = 0; t < f.Length; t++)
        {
            double y = e.Actual[t], d = Math.Abs(y - f[t]);
            if (Math.Abs(y) + Math.Abs(f[t]) > 0) s += 200 * d / (Math.Abs(y) + Math.Abs(f[t]));
            a += d;
            if (y != 0) p += 100 * d / Math.Abs(y);
        }

        int h = f.Length;
        return (s / h, e.Scale > 0 ? a / h / e.Scale : double.NaN, p / h);
    }

    static (double S, double M, double P) Sum(IEnumerable<Entry> entries, Func<Entry, double[]> forecast)
    {
        double s = 0, m = 0, p = 0;
        int n = 0, nm = 0;
        foreach (Entry e in entries)
        {
            var (a, b, c) = Errors(e, forecast(e));
            s += a; p += c; n++;
            if (double.IsFinite(b)) { m += b; nm++; }
        }

        return (s / n, m / Math.Max(1, nm), p / n);
    }

    static (double S, double M, double P) TestFigures(Entry[] entries, Combo c) => Sum(entries.Where(e => e.Test), e => Combine(e, c));

    /// <summary>Validation criterion of a combination relative to the naive forecast: mean of the sMAPE and MASE ratios (crit 2) or also MAPE (crit 3).</summary>
    static double Criterion(Entry[] entries, Combo c, int crit)
    {
        var v = entries.Where(e => !e.Test).ToArray();
        var naive = Sum(v, e => e.F[5]!);
        var f = Sum(v, e => Combine(e, c));
        return crit == 2 ? ((f.S / naive.S) + (f.M / naive.M)) / 2 : ((f.S / naive.S) + (f.M / naive.M) + (f.P / naive.P)) / 3;
    }

    static Combo Shrunk(Entry[] e, List<Combo> combos, Combo fixedMedian, int crit, double delta)
    {
        double baseline = Criterion(e, fixedMedian, crit);
        Combo best = fixedMedian;
        double bestScore = baseline;
        foreach (Combo c in combos)
        {
            double s = Criterion(e, c, crit);
            if (s < bestScore - 1e-12) { best = c; bestScore = s; }
        }

        return bestScore < baseline * (1 - delta) ? best : fixedMedian;
    }

    static Combo Keep(Entry[] e, Combo fixedMedian, int crit, double tau, double delta)
    {
        double[] single = [.. Enumerable.Range(0, Members).Select(j => Criterion(e, new Combo(Names[j], [.. Enumerable.Range(0, Members).Select(k => k == j)], true), crit))];
        double min = single.Min();
        bool[] set = [.. single.Select(s => s <= min * (1 + tau))];
        var combo = new Combo("med(" + string.Join('+', Names.Where((_, j) => set[j])) + ")", set, true);
        return Criterion(e, combo, crit) < Criterion(e, fixedMedian, crit) * (1 - delta) ? combo : fixedMedian;
    }

    static Combo InvWeights(Entry[] e, int crit, double p)
    {
        double[] single = [.. Enumerable.Range(0, Members).Select(j => Criterion(e, new Combo(Names[j], [.. Enumerable.Range(0, Members).Select(k => k == j)], true), crit))];
        double[] w = [.. single.Select(s => Math.Pow(s, -p))];
        return new Combo("w(" + string.Join(',', w.Select(x => (x / w.Sum()).ToString("F2", CultureInfo.InvariantCulture))) + ")", [.. Enumerable.Repeat(true, Members)], false, w);
    }
}
