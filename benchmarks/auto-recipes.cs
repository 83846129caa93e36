#:project ../src/Zhibiao.Analytics.ML/Zhibiao.Analytics.ML.csproj
#:property PublishAot=false

// Chooses auto's members and selection recipe by leave-one-collection-out (LOCO). Two steps:
//
//   dump NAME TRAIN.csv H M DIR [THREADS]  every candidate member's forecasts of every series at the three rolling
//                                          validation origins of the training part (what auto validates on) and at the
//                                          test origin (the test file NAME's TRAIN with -train replaced by -test), with
//                                          the actual values, the MASE scale and the number of values before the origin,
//                                          into DIR/NAME.tsv (one column per member)
//   origins DUMP TRAIN.csv M               auto's calibration on one dumped collection: the 95% quantile of the
//                                          normalised absolute errors at each validation origin and at the test origin
//                                          (and at validation against test by quarter of the training length),
//                                          and the 95% coverage, mean width and MSIS as auto calibrates, with the
//                                          errors scaled by (length at the origin ÷ length at the end)^a for a from
//                                          0.1 to 1, with a from the batch's cross-section (as auto does, and unshrunk),
//                                          with other scales d, and as auto calibrates (a and the recency factors c_k,
//                                          printed per step)
//   calibration TRAIN.csv H M              what auto learns from the training file: its length exponent a, mean recency
//                                          factor c_k and choice of members (the forecast's parameters and method)
//   simulate                               the same calibration on series of one process (a + b·t + noise, as in
//                                          AutoForecasterTests), with drift, 200 series to calibrate and 2000 fresh
//                                          ones to test, for 15, 25 and 60 values: its 95% coverage as auto
//                                          calibrates and with the errors scaled by (length ratio)^a, a = 0.3 and 0.5;
//                                          then one batch of mixed lengths (15–60): the exponent auto learns from the
//                                          batch's cross-section (ErrorCalibration.EstimateLengthExponent), its recency
//                                          factors (ErrorCalibration.RecencyFactor) and its coverage
//   intervals DUMP TRAIN.csv M [OLDER]     auto's interval calibration rebuilt from a dump (its choice, a and c_k) and
//                                          other calibrations (step factors from older origins through the seasonal
//                                          naive, scores pooled over steps, and with OLDER, an ORIGINS=older dump of the
//                                          same collection, the combination's errors at the older origins too), each
//                                          scored at the test origin: RESULT lines of 95% coverage on all series, on
//                                          series with a shock in the test horizon, on the others and from the shock on,
//                                          and MSIS on all and on the shock series (benchmarks/loco-intervals.py reads them)
//   loco DIR                               for every recipe (a pool of members and a selection rule on the validation
//                                          forecasts only), its test accuracy per collection relative to the former
//                                          fixed median (ets, theta, dotm, drift, global); then, for each collection held
//                                          out, the recipe best on the other collections and what it does on the one held out
//
// e.g. dotnet run -c Release benchmarks/auto-recipes.cs -- dump m3-yearly ../shared/datasets/m3/m3-yearly-train.csv 6 1 /tmp/recipes
//      (and the same for the other seven collections: m3 quarterly 8 4, monthly 18 12, other 8 1; tourism quarterly 8 4,
//      monthly 24 12; m1 quarterly 8 4, monthly 18 12), then
//      dotnet run -c Release benchmarks/auto-recipes.cs -- loco /tmp/recipes
// ORIGINS=latest dump … stores instead every origin 1 … h + 2 values before the end of the training part, each with the
// min(h, origin) values after it (the latest origins, partly scored; for the study of validation origins on short series).
// ORIGINS=older dump … stores only the h origins before the validation ones (h + 3 … 2h + 2 values before the end,
// numbered 4 … h + 3, no test origin), the global member trained on the series cut at the earliest of them.
// ORIGINS=near dump … stores only the origins 1, 2 and 3 values before the end (no test origin), numbered as in a latest
// dump; benchmarks/merge-origins.py STD NEAR OUT joins them to a standard dump (its origins renumbered h, h + 1, h + 2).
// VALIDATION=FROM-TO[,FROM-TO…] loco … scores selection only on the validation origins FROM..TO values before the end
// of such a dump (e.g. 1-3 the nearest, 4-99 the standard ones); L stays the values before the earliest origin.
// The dump of all eight takes about 12 minutes on 2 busy cores. SHOW="p7m select c0.3/L" (auto's rule) prints that recipe's choice per collection;
// COMBOS=m3-monthly the combinations best on that collection's test values (what no recipe may know) beside their validation.
// EXTRA=logdrift loco … adds that dump column as an eighth candidate (dumps carry logdrift, the random walk with drift on
// logs) and the pools p8 (all eight), p8m (as p7m, logdrift only on non-seasonal collections), p8x and p8xm (p8 and p8m
// as candidates of the selection, the median kept when none wins being p7m's). MINPREFIX=a,b loco … scores selection
// only on validation origins with at least a·h + b values before them (MINPREFIX=1,2: h + 2).
// ROBUST=1 loco … adds recipes for noisy validation on auto's pool (p7m) and, with EXTRA, p8xm: `evidence z` (the best
// subset kept when its paired t over series against the median is below −z), `topK cC/L` (the mean of the forecasts of
// the K subsets that validate best, kept when it beats the median by C / L) and `set zZ cC/L` (the mean of every subset
// whose paired t against the best one is below Z); and prints each collection's evidence t and the fixed fallbacks for
// the collections where auto keeps the median. WEIGHT=recency|length|length2 loco … weights each validation entry in
// the criterion by 1 / origin, the values before the origin or their square.
using System.Globalization;
using Zhibiao.Analytics;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Arima;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Forecasting.Ensemble;
using Zhibiao.Analytics.Forecasting.Ets;
using Zhibiao.Analytics.Forecasting.Theta;
using Zhibiao.Analytics.ML;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args[0] == "dump") Dump(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture), args[5], args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 2);
else if (args[0] == "origins") Origins.Run(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
else if (args[0] == "simulate") Origins.Simulate();
else if (args[0] == "calibration") Calibration(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
else if (args[0] == "intervals") Intervals.Run(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 ? args[4] : null);
else Loco.Run(args[1]);

// What auto learns from a training file, as the forecast's parameters say it: the length exponent a, the mean recency
// factor c_k and the choice of members.
static void Calibration(string trainPath, int h, int m)
{
    var train = LongFormat.Read(trainPath);
    var auto = (IGlobalForecaster)ForecasterCatalogue.Core.WithGlobalModel().Create("auto");
    IForecaster trained = auto.Train([.. train.Select(s => s.Values.ToArray())], m, h, 2);
    IFittedModel fit = trained.Fit(train[0].Values.ToArray(), m);
    IReadOnlyDictionary<string, double> p = fit.Parameters;
    Console.WriteLine($"{Path.GetFileName(trainPath)}: a = {p["calibration_length_exponent"]:0.00}, mean c_k = {p["calibration_recency"]:0.00}; {fit.Method} (first series)");
}

static void Dump(string name, string trainPath, int h, int m, string dir, int threads)
{
    string testPath = trainPath.Replace("-train", "-test", StringComparison.Ordinal);
    var train = LongFormat.Read(trainPath);
    var test = LongFormat.Read(testPath).ToDictionary(s => s.Id, s => s.Values.ToArray());
    double[][] ys = [.. train.Select(s => s.Values.ToArray())];
    const int origins = 3;
    // every candidate: auto's members and the global model, the naive benchmarks, and members tried and not kept
    (string Name, IForecaster Model)[] members =
    [
        ("ets", new EtsForecaster()), ("theta", new ThetaForecaster()), ("dotm", new OptimizedThetaForecaster(new OptimizedThetaOptions { Dynamic = true })),
        ("drift", new DriftForecaster()), ("global", new GlobalForecaster(GlobalForecaster.EnsembleMember)), ("arima", new AutoArimaForecaster()),
        ("snaive", new SeasonalNaiveForecaster()), ("naive", new NaiveForecaster()), ("naive2", new Naive2Forecaster()),
        ("logdrift", new LogDriftForecaster()),
    ];
    // global: trained on the series cut at the earliest validation origin for validation, on the whole series for the test
    var g = (IGlobalForecaster)members.Single(x => x.Name == "global").Model;
    // ORIGINS=older: only the h origins before the validation ones (h + 3 … 2h + 2 values before the end, numbered 4 … h + 3,
    // no test origin), for calibration on more and older origins; global trained on the series cut at the earliest of them
    bool olderOrigins = Environment.GetEnvironmentVariable("ORIGINS") == "older";
    int cutAt = olderOrigins ? h + origins + h - 1 : h + origins - 1;
    double[][] cut = [.. ys.Select(y => olderOrigins ? y[..Math.Min(y.Length, Math.Max(5, y.Length - cutAt))] : y.Length - cutAt >= 5 ? y[..(y.Length - cutAt)] : y)]; // the earliest origin in both designs
    IForecaster gv = g.Train(cut, m, h, threads), gt = g.Train(ys, m, h, threads);
    var lines = new string[ys.Length];
    Parallel.For(0, ys.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
    {
        var sb = new System.Text.StringBuilder();
        double[] y = ys[i];
        double[] full = [.. y, .. test[train[i].Id].Take(h)];
        // ORIGINS=latest: every origin 1..h + 2 values before the end (o), each scored on the min(h, o) values after it
        // ORIGINS=near: only the origins 1..3 values before the end (no test origin), numbered as in a latest dump
        bool near = Environment.GetEnvironmentVariable("ORIGINS") == "near";
        bool latest = near || Environment.GetEnvironmentVariable("ORIGINS") == "latest";
        for (int o = olderOrigins ? origins + 1 : near ? 1 : 0; o <= (olderOrigins ? origins + h : near ? origins : latest ? h + origins - 1 : origins); o++)
        {
            int n = o == 0 ? y.Length : latest ? y.Length - o : y.Length - h - (o - 1);
            if (n < 5) continue;
            ReadOnlySpan<double> prefix = full.AsSpan(0, n);
            int lag = n > m ? m : 1;
            double scale = 0;
            for (int t = lag; t < n; t++) scale += Math.Abs(full[t] - full[t - lag]);
            scale /= n - lag;
            sb.Append(CultureInfo.InvariantCulture, $"{train[i].Id}\t{o}\t{scale:R}\t{n}\t{string.Join(';', full.Skip(n).Take(o == 0 || !latest ? h : Math.Min(h, o)).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
            foreach ((string memberName, IForecaster model) in members)
            {
                IForecaster f = memberName == "global" ? (o == 0 ? gt : gv) : model;
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
    File.WriteAllText(Path.Combine(dir, name + ".tsv"), "id\torigin\tscale\tlength\tactual\t" + string.Join('\t', members.Select(x => x.Name)) + "\n" + string.Concat(lines));
    Console.WriteLine($"{name}: {ys.Length} series");
}

/// <summary>One series at one origin (0 the test origin, 1–3 the validation ones): the values before it, actual values, MASE scale, the forecasts of each column (null when one failed).</summary>
sealed record Entry(string Id, bool Test, int Origin, double Scale, int Length, double[] Actual, double[]?[] F);

/// <summary>How a set of forecasts is combined step by step.</summary>
enum Rule { Median, Mean, Trimmed }

/// <summary>A collection's dump: per combination (member bit mask over the candidates, rule) its validation criterion and test figures.</summary>
sealed record Table(string Name, Dictionary<(int Mask, Rule Rule), double> Val, Dictionary<(int Mask, Rule Rule), (double S, double M, double P)> Test, double History)
{
    /// <summary>Whether the collection's period m exceeds 1 (its name says quarterly or monthly).</summary>
    public bool Seasonal => Name.Contains("quarterly", StringComparison.Ordinal) || Name.Contains("monthly", StringComparison.Ordinal);

    /// <summary>The validation entries selection is scored on, with their weights (WEIGHT=), and the test entries.</summary>
    public Entry[] ValEntries { get; init; } = [];

    /// <summary>The test entries.</summary>
    public Entry[] TestEntries { get; init; } = [];

    /// <summary>Each candidate's entry column, then the naive forecast's.</summary>
    public int[] Columns { get; init; } = [];

    /// <summary>The naive forecast's entry column.</summary>
    public int Naive { get; init; }

    /// <summary>The naive forecast's validation sMAPE, MASE and MAPE (the criterion's benchmark).</summary>
    public (double S, double M, double P) NaiveVal { get; init; }
}

static class Loco
{
    // candidates in bit order; naive is the validation criterion's benchmark
    // EXTRA=logdrift adds a candidate column of that name (a dump with such a column) and the pools p8, p8m, p8x, p8xm
    static readonly string? Extra = Environment.GetEnvironmentVariable("EXTRA");
    static readonly string[] Candidates = Extra is null ? ["ets", "theta", "dotm", "drift", "global", "arima", "snaive"] : ["ets", "theta", "dotm", "drift", "global", "arima", "snaive", Extra];

    public static void Run(string dir)
    {
        Table[] tables = [.. Directory.GetFiles(dir, "*.tsv").Order().Select(Build)];
        var pools = new (string Name, string[] Members)[]
        {
            ("p5", ["ets", "theta", "dotm", "drift", "global"]),
            ("p6a", ["ets", "theta", "dotm", "drift", "global", "arima"]),
            ("p6s", ["ets", "theta", "dotm", "drift", "global", "snaive"]),
            ("p7", Candidates[..7]),
            ("p7m", Candidates[..7]), // snaive only for seasonal collections (what auto does: for m = 1 it is the naive forecast)
        };
        if (Extra is not null) pools = [.. pools, ("p8", Candidates), ("p8m", Candidates)];
        var recipes = new List<(string Name, Func<Table, (int, Rule)> Choose)>();
        foreach ((string pn, string[] members) in pools)
        {
            string[] Pool(Table t) => (pn == "p7m" || pn == "p8m") && !t.Seasonal ? [.. members.Where(m => m != "snaive")] : pn == "p8m" ? [.. members.Where(m => m != Extra)] : members;
            recipes.Add(($"{pn} fixed", t => (Mask(Pool(t)), Rule.Median)));
            foreach (double d in new[] { 0.0, 0.01, 0.02, 0.03, 0.05 })
            {
                recipes.Add(($"{pn} select d{d}", t => Select(t, Mask(Pool(t)), d, trimmed: false)));
                recipes.Add(($"{pn} select+trim d{d}", t => Select(t, Mask(Pool(t)), d, trimmed: true)));
            }

            // auto's rule: the margin c / L, L the median number of values before the earliest validation origin
            foreach (double c in new[] { 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1.0 })
            {
                recipes.Add(($"{pn} select c{c}/L", t => Select(t, Mask(Pool(t)), c / t.History, trimmed: false)));
                // the extra candidate only as a subset's member: the median kept is p7m's
                if (pn == "p8") recipes.Add(($"p8x select c{c}/L", t => Select(t, Mask(Pool(t)), c / t.History, trimmed: false, Mask(t.Seasonal ? Candidates[..7] : Candidates[..6]))));
                if (pn == "p8") recipes.Add(($"p8xm select c{c}/L", t => Select(t, Mask(t.Seasonal ? Candidates[..7] : [.. Candidates[..6], Extra!]), c / t.History, trimmed: false, Mask(t.Seasonal ? Candidates[..7] : Candidates[..6]))));
            }
            // ROBUST=1: the evidence rule (the best subset kept when its paired t over series is below −z) and the mean of
            // the k best subsets (gated by c / L), on auto's pool (p7m) and with the extra candidate (p8xm)
            if (Environment.GetEnvironmentVariable("ROBUST") == "1" && (pn == "p7m" || pn == "p8"))
            {
                string rn = pn == "p8" ? "p8xm" : "p7m";
                int PoolOf(Table t) => pn == "p8" ? Mask(t.Seasonal ? Candidates[..7] : [.. Candidates[..6], Extra!]) : Mask(Pool(t));
                int FixedOf(Table t) => Mask(t.Seasonal ? Candidates[..7] : Candidates[..6]);
                foreach (double z in new[] { 1.0, 1.5, 2.0, 2.5, 3.0 })
                    recipes.Add(($"{rn} evidence z{z}", t => SelectByEvidence(t, PoolOf(t), FixedOf(t), z)));
                foreach (int k in new[] { 3, 5, 10, 20 })
                    foreach (double c in new[] { 0.0, 0.15, 0.3 })
                        recipes.Add(($"{rn} top{k} c{c}/L", t => TopK(t, PoolOf(t), FixedOf(t), k, c)));
                foreach (double z in new[] { 0.5, 1.0, 1.5, 2.0 })
                    foreach (double c in new[] { 0.0, 0.15 })
                        recipes.Add(($"{rn} set z{z} c{c}/L", t => TopK(t, PoolOf(t), FixedOf(t), 0, c, z)));
            }

            foreach (double tau in new[] { 0.05, 0.1, 0.2 })
                recipes.Add(($"{pn} keep t{tau}", t =>
                {
                    var singles = Pool(t).Select(m => (m, v: t.Val[(Mask([m]), Rule.Median)])).ToArray();
                    double min = singles.Min(x => x.v);
                    return (Mask([.. singles.Where(x => x.v <= min * (1 + tau)).Select(x => x.m)]), Rule.Median);
                }));
        }

        int former = Mask(pools[0].Members);
        int R = recipes.Count, C = tables.Length;
        var rel = new double[R, C];
        var fig = new (double S, double M, double P)[R, C];
        var chosen = new string[R, C];
        var vsBest = new double[R, C];
        Console.WriteLine("members alone (test sMAPE / MASE / MAPE):");
        foreach (Table t in tables)
            Console.WriteLine($"  {t.Name} (L = {t.History}): {string.Join("  ", Candidates.Select(m => { var f = t.Test[(Mask([m]), Rule.Median)]; return $"{m} {f.S:F2}/{f.M:F3}/{f.P:F2}"; }))}");
        for (int c = 0; c < C; c++)
        {
            Table t = tables[c];
            var baseline = t.Test[(former, Rule.Median)];
            double bestMember = Candidates.Min(m => t.Test[(Mask([m]), Rule.Median)].M);
            for (int r = 0; r < R; r++)
            {
                var key = recipes[r].Choose(t);
                var f = t.Test[key];
                rel[r, c] = ((f.S / baseline.S) + (f.M / baseline.M) + (f.P / baseline.P)) / 3;
                fig[r, c] = f;
                chosen[r, c] = Describe(key);
                vsBest[r, c] = f.M / bestMember;
            }
        }

        double Mean(int r, int except)
        {
            double s = 0;
            int n = 0;
            for (int c = 0; c < C; c++)
                if (c != except) { s += rel[r, c]; n++; }
            return s / n;
        }

        Console.WriteLine();
        Console.WriteLine($"recipe: test score relative to the former fixed median per collection ({string.Join(", ", tables.Select(t => t.Name))}), mean, max; worst MASE relative to the best single candidate");
        foreach (int r in Enumerable.Range(0, R).OrderBy(r => Mean(r, -1)))
            Console.WriteLine($"  {recipes[r].Name,-16} {string.Join(' ', Enumerable.Range(0, C).Select(c => rel[r, c].ToString("F3", CultureInfo.InvariantCulture)))}  mean {Mean(r, -1):F4} max {Enumerable.Range(0, C).Max(c => rel[r, c]):F3}  vs best member {Enumerable.Range(0, C).Max(c => vsBest[r, c]):F3}");

        Console.WriteLine();
        Console.WriteLine("leave one collection out: the recipe best on the others, on the one held out");
        double total = 0;
        for (int c = 0; c < C; c++)
        {
            int best = Enumerable.Range(0, R).OrderBy(r => Mean(r, c)).First();
            total += rel[best, c];
            Console.WriteLine($"  {tables[c].Name,-18} {recipes[best].Name,-16} rel {rel[best, c]:F4}  {fig[best, c].S:F2}/{fig[best, c].M:F3}/{fig[best, c].P:F2}  chose {chosen[best, c]}");
        }

        Console.WriteLine($"  mean held-out relative score {total / C:F4} (former fixed median 1)");
        if (Environment.GetEnvironmentVariable("COMBOS") is { } name && tables.FirstOrDefault(t => t.Name == name) is { } table)
        {
            Console.WriteLine($"{name}: the 20 best combinations on the test values (sMAPE), with their validation criterion");
            foreach (var kv in table.Test.OrderBy(kv => kv.Value.S).Take(20))
                Console.WriteLine($"  {Describe(kv.Key),-52} test {kv.Value.S:F2}/{kv.Value.M:F3}/{kv.Value.P:F2}  validation {table.Val[kv.Key]:F4}");
        }

        // ROBUST=1: a fixed fallback for the collections where auto keeps the median (the non-seasonal ones whose best
        // subset misses the margin): every combination without snaive, its relative score on each, the best first by the
        // worst of them, and the one best on each such collection with what it does on the others
        if (Environment.GetEnvironmentVariable("ROBUST") == "1")
        {
            Console.WriteLine();
            Console.WriteLine("the evidence for auto's best subset (p7m, no margin) against the median of the pool: validation criterion ratio, paired t over series, test score relative to the former fixed median of each");
            foreach (Table t in tables)
            {
                int pool = Mask(t.Seasonal ? Candidates[..7] : Candidates[..6]);
                var best = Select(t, pool, 0, trimmed: false);
                var b = t.Test[(former, Rule.Median)];
                double Rel((int, Rule) k) => ((t.Test[k].S / b.S) + (t.Test[k].M / b.M) + (t.Test[k].P / b.P)) / 3;
                Console.WriteLine($"  {t.Name,-18} {Describe(best),-48} validation {t.Val[best] / t.Val[(pool, Rule.Median)]:F3} t {EvidenceOf(t, best, (pool, Rule.Median)):F2}  test {Rel(best):F3} (median {Rel((pool, Rule.Median)):F3})");
            }

            int autoRule = recipes.FindIndex(x => x.Name == "p7m select c0.3/L"), fixedRule = recipes.FindIndex(x => x.Name == "p7m fixed");
            int[] kept = [.. Enumerable.Range(0, C).Where(c => !tables[c].Seasonal && chosen[autoRule, c] == chosen[fixedRule, c])];
            if (kept.Length > 1)
            {
                (int, Rule)[] keys = [.. tables[kept[0]].Test.Keys.Where(k => k.Mask > 0 && k.Rule != Rule.Trimmed && (k.Mask & Mask(["snaive"])) == 0 && (Extra is null || (k.Mask & Mask([Extra])) == 0))];
                double Rel(int c, (int, Rule) k)
                {
                    var f = tables[c].Test[k];
                    var b = tables[c].Test[(former, Rule.Median)];
                    return ((f.S / b.S) + (f.M / b.M) + (f.P / b.P)) / 3;
                }

                Console.WriteLine();
                Console.WriteLine($"fixed fallbacks on the collections where auto keeps the median ({string.Join(", ", kept.Select(c => tables[c].Name))}), the best by the worst of them:");
                foreach (var k in keys.OrderBy(k => kept.Max(c => Rel(c, k))).Take(5))
                    Console.WriteLine($"  {Describe(k),-52} {string.Join(' ', kept.Select(c => $"{Rel(c, k):F3} {tables[c].Test[k].S:F2}/{tables[c].Test[k].M:F3}"))}");
                foreach (int c in kept)
                {
                    var k = keys.MinBy(k => Rel(c, k));
                    Console.WriteLine($"  best on {tables[c].Name}: {Describe(k)} {string.Join(' ', kept.Select(o => $"{tables[o].Name} {Rel(o, k):F3} {tables[o].Test[k].S:F2}/{tables[o].Test[k].M:F3}"))}");
                }
            }
        }

        if (Environment.GetEnvironmentVariable("SHOW") is { } show)
        {
            int r = recipes.FindIndex(x => x.Name == show);
            for (int c = 0; c < C; c++)
                Console.WriteLine($"  {show}: {tables[c].Name,-18} rel {rel[r, c]:F4} {fig[r, c].S:F2}/{fig[r, c].M:F3}/{fig[r, c].P:F2} MASE/best member {vsBest[r, c]:F3} chose {chosen[r, c]}");
        }
    }

    /// <summary>auto's rule: the best subset of the pool (median or mean; also the trimmed mean when asked) by validation criterion, kept only when it beats the pool's median by the margin.</summary>
    static (int, Rule) Select(Table t, int pool, double margin, bool trimmed, int? fixedMask = null)
    {
        int fixedPool = fixedMask ?? pool;
        double baseline = t.Val[(fixedPool, Rule.Median)], best = baseline;
        (int, Rule) key = (fixedPool, Rule.Median);
        foreach (var kv in t.Val)
            if ((trimmed || kv.Key.Rule != Rule.Trimmed) && (kv.Key.Mask & ~pool) == 0 && kv.Value < best - 1e-12) { best = kv.Value; key = kv.Key; }
        return best < baseline * (1 - margin) ? key : (fixedPool, Rule.Median);
    }

    static int Mask(string[] members) => members.Sum(m => 1 << Array.IndexOf(Candidates, m));

    static string Describe((int Mask, Rule Rule) key) => key.Mask < 0 ? (-key.Mask / 1000 >= 100 ? $"set z{((-key.Mask / 1000) - 100) / 10.0}" : $"top{-key.Mask / 1000}") :
        $"{key.Rule.ToString().ToLowerInvariant()}({string.Join('+', Candidates.Where((_, j) => (key.Mask & (1 << j)) != 0))})";

    /// <summary>A dump's entries, with the entry column of each candidate and of the naive forecast.</summary>
    public static (List<Entry> Entries, int[] Columns, int Naive) Read(string path)
    {
        string[] header = File.ReadLines(path).First().Split('\t');
        int first = Array.IndexOf(header, "actual") + 1; // forecasts follow the actual values
        if (Array.IndexOf(header, "length") < 0) throw new InvalidDataException($"{path}: needs the column length (dump it again)");
        int[] columns = [.. Candidates.Select(m => Array.IndexOf(header, m) - first)];
        int naive = Array.IndexOf(header, "naive") - first;
        if (columns.Any(c => c < 0) || naive < 0) throw new InvalidDataException($"{path}: needs columns {string.Join(", ", Candidates)} and naive (dump it again)");
        var entries = new List<Entry>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] p = line.Split('\t');
            static double[] Parse(string t) => t.Length == 0 ? [] : [.. t.Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            double[]?[] f = [.. p.Skip(first).Select(t => t.Length == 0 || Parse(t).Any(v => !double.IsFinite(v)) ? null : Parse(t))];
            entries.Add(new Entry(p[0], p[1] == "0", int.Parse(p[1], CultureInfo.InvariantCulture), double.Parse(p[2], CultureInfo.InvariantCulture), int.Parse(p[3], CultureInfo.InvariantCulture), Parse(p[first - 1]), f));
        }

        return (entries, columns, naive);
    }

    /// <summary>What auto chooses on a dumped collection (p7m, margin 0.3 / L): the candidates' entry columns and the rule.</summary>
    public static (int[] Set, Rule Rule, string Description) AutoChoice(string path)
    {
        Table t = Build(path);
        string[] pool = t.Seasonal ? Candidates : [.. Candidates.Where(m => m != "snaive")];
        (int mask, Rule rule) = Select(t, Mask(pool), 0.3 / t.History, trimmed: false);
        int[] columns = Read(path).Columns;
        return ([.. Enumerable.Range(0, Candidates.Length).Where(j => (mask & (1 << j)) != 0).Select(j => columns[j])], rule, Describe((mask, rule)));
    }

    static Table Build(string path)
    {
        (List<Entry> entries, int[] columns, int naive) = Read(path);
        // VALIDATION=FROM-TO: only the validation origins FROM..TO values before the end (an ORIGINS=latest dump)
        // (or a comma-separated list of such ranges)
        int[][]? ranges = Environment.GetEnvironmentVariable("VALIDATION")?.Split(',').Select(r => r.Split('-').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        // MINPREFIX=a,b: a validation origin counts in selection only with at least a·h + b values before it
        double[]? minPrefix = Environment.GetEnvironmentVariable("MINPREFIX")?.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        bool Kept(Entry e) => (ranges is null || ranges.Any(r => e.Origin >= r[0] && e.Origin <= r[1])) && (minPrefix is null || e.Length >= (minPrefix[0] * e.Actual.Length) + minPrefix[1]);
        Entry[] test = [.. entries.Where(e => e.Test)], val = [.. entries.Where(e => !e.Test && Kept(e))];
        var naiveV = Sum(val, e => e.F[naive]!, ValWeight);
        // L: per series the length before its earliest validation origin, then the median over series
        int[] earliest = [.. entries.Where(e => !e.Test).GroupBy(e => e.Id).Select(g => g.MaxBy(e => e.Origin)!.Length).Order()];
        double history = earliest.Length % 2 == 1 ? earliest[earliest.Length / 2] : (earliest[(earliest.Length / 2) - 1] + earliest[earliest.Length / 2]) / 2.0;
        var table = new Table(Path.GetFileNameWithoutExtension(path), [], [], history) { ValEntries = val, TestEntries = test, Columns = columns, Naive = naive, NaiveVal = naiveV };
        for (int mask = 1; mask < 1 << Candidates.Length; mask++)
        {
            int[] set = [.. Enumerable.Range(0, Candidates.Length).Where(j => (mask & (1 << j)) != 0).Select(j => columns[j])];
            foreach (Rule rule in Enum.GetValues<Rule>())
            {
                if ((rule == Rule.Mean && set.Length <= 2) || (rule == Rule.Trimmed && set.Length <= 3)) continue; // the same as the median
                var v = Sum(val, e => Combine(e, set, rule, naive), ValWeight);
                table.Val[(mask, rule)] = ((v.S / naiveV.S) + (v.M / naiveV.M) + (v.P / naiveV.P)) / 3;
                table.Test[(mask, rule)] = Sum(test, e => Combine(e, set, rule, naive));
            }
        }

        Console.Error.WriteLine($"{table.Name}: {test.Length} series");
        return table;
    }

    public static double[] Combine(Entry e, int[] set, Rule rule, int naive)
    {
        int h = e.Actual.Length;
        var f = new double[h];
        Span<double> values = stackalloc double[set.Length];
        for (int t = 0; t < h; t++)
        {
            int k = 0;
            foreach (int j in set)
                if (e.F[j] is { } fj) values[k++] = fj[t];
            if (k == 0) { f[t] = e.F[naive]![t]; continue; }
            Span<double> v = values[..k];
            v.Sort();
            int from = rule == Rule.Trimmed ? 1 : 0, to = rule == Rule.Trimmed ? k - 1 : k;
            double sum = 0;
            for (int i = from; i < to; i++) sum += v[i];
            f[t] = rule == Rule.Median ? (k % 2 == 1 ? v[k / 2] : (v[(k / 2) - 1] + v[k / 2]) / 2) : sum / (to - from);
        }

        return f;
    }

    /// <summary>Mean sMAPE, MASE (series with a scale) and MAPE over entries, each entry weighted by <paramref name="weight"/> (1 when null).</summary>
    static (double S, double M, double P) Sum(IEnumerable<Entry> entries, Func<Entry, double[]> forecast, Func<Entry, double>? weight = null)
    {
        double s = 0, m = 0, p = 0, n = 0, nm = 0;
        foreach (Entry e in entries)
        {
            (double ss, double mm, double pp) = Metrics(e, forecast(e));
            double w = weight?.Invoke(e) ?? 1;
            s += w * ss;
            p += w * pp;
            n += w;
            if (e.Scale > 0) { m += w * mm; nm += w; }
        }

        return (s / n, m / Math.Max(1e-300, nm), p / n);
    }

    /// <summary>One entry's sMAPE, MASE (NaN without a scale) and MAPE, means over its steps.</summary>
    static (double S, double M, double P) Metrics(Entry e, double[] f)
    {
        double ss = 0, a = 0, pp = 0;
        int steps = Math.Min(f.Length, e.Actual.Length);
        for (int t = 0; t < steps; t++)
        {
            double y = e.Actual[t], d = Math.Abs(y - f[t]);
            if (Math.Abs(y) + Math.Abs(f[t]) > 0) ss += 200 * d / (Math.Abs(y) + Math.Abs(f[t]));
            a += d;
            if (y != 0) pp += 100 * d / Math.Abs(y);
        }

        return (ss / steps, e.Scale > 0 ? a / steps / e.Scale : double.NaN, pp / steps);
    }

    /// <summary>WEIGHT=recency (1 / origin: the latest validation origin counts most), length (the values before the origin) or length2 (their square): the weight of a validation entry in the selection criterion; 1 without.</summary>
    static readonly Func<Entry, double>? ValWeight = Environment.GetEnvironmentVariable("WEIGHT") switch
    {
        null => null,
        "recency" => e => 1.0 / e.Origin,
        "length" => e => e.Length,
        "length2" => e => (double)e.Length * e.Length,
        string w => throw new ArgumentException($"WEIGHT={w}: recency, length or length2"),
    };

    /// <summary>
    /// The paired evidence that a combination beats another on validation: each series' contribution to the criterion
    /// (its entries' sMAPE, MASE and MAPE relative to the naive totals, as the criterion weights them), the difference
    /// per series, and t = sum of the differences ÷ (their standard deviation · √series); below 0 when
    /// <paramref name="a"/> validates better.
    /// </summary>
    static double Evidence(Table t, Func<Entry, double[]> a, Func<Entry, double[]> b)
    {
        double n = 0, nm = 0;
        foreach (Entry e in t.ValEntries)
        {
            double w = ValWeight?.Invoke(e) ?? 1;
            n += w;
            if (e.Scale > 0) nm += w;
        }

        var diff = new Dictionary<string, double>();
        foreach (Entry e in t.ValEntries)
        {
            double w = ValWeight?.Invoke(e) ?? 1;
            var (sa, ma, pa) = Metrics(e, a(e));
            var (sb, mb, pb) = Metrics(e, b(e));
            double d = w * (((sa - sb) / t.NaiveVal.S / n) + (e.Scale > 0 ? (ma - mb) / t.NaiveVal.M / nm : 0) + ((pa - pb) / t.NaiveVal.P / n)) / 3;
            diff[e.Id] = diff.GetValueOrDefault(e.Id) + d;
        }

        double[] x = [.. diff.Values];
        double mean = x.Average(), sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        return sd > 0 ? x.Sum() / (sd * Math.Sqrt(x.Length)) : 0;
    }

    /// <summary>The best subset of the pool by validation criterion (margin 0), kept only when its paired evidence t (<see cref="Evidence"/>) is below −z.</summary>
    static (int, Rule) SelectByEvidence(Table t, int pool, int fixedPool, double z)
    {
        (int, Rule) best = Select(t, pool, 0, trimmed: false, fixedPool), kept = (fixedPool, Rule.Median);
        if (best == kept) return kept;
        return EvidenceOf(t, best, kept) < -z ? best : kept;
    }

    static double EvidenceOf(Table t, (int Mask, Rule Rule) a, (int Mask, Rule Rule) b)
    {
        int[] Set(int mask) => [.. Enumerable.Range(0, Candidates.Length).Where(j => (mask & (1 << j)) != 0).Select(j => t.Columns[j])];
        int[] sa = Set(a.Mask), sb = Set(b.Mask);
        return Evidence(t, e => Combine(e, sa, a.Rule, t.Naive), e => Combine(e, sb, b.Rule, t.Naive));
    }

    /// <summary>
    /// The mean of the forecasts of the k subsets of the pool that validate best (median or mean; selection's variance
    /// averaged away rather than one winner kept), kept only when its validation criterion beats the pool's median by
    /// the margin c / L; stored in the table under the key (−k, Mean).
    /// </summary>
    /// <remarks>With k = 0 and z: every subset whose paired evidence against the best one (<see cref="Evidence"/>) is
    /// below z — those the validation cannot tell from the best at its own standard error, many where histories are
    /// short and the validation noisy, few where it is precise — stored under (−(1000·(100 + 10·z)) − pool, Mean).</remarks>
    static (int, Rule) TopK(Table t, int pool, int fixedPool, int k, double c, double z = 0)
    {
        (int Mask, Rule Rule)[] ranked = [.. t.Val.Where(kv => kv.Key.Rule != Rule.Trimmed && kv.Key.Mask > 0 && (kv.Key.Mask & ~pool) == 0).OrderBy(kv => kv.Value).ThenBy(kv => kv.Key.Mask).ThenBy(kv => kv.Key.Rule).Select(kv => kv.Key)];
        (int Mask, Rule Rule)[] best = k > 0 ? ranked[..Math.Min(k, ranked.Length)] : [.. ranked.Where(key => key == ranked[0] || EvidenceOf(t, key, ranked[0]) < z)];
        if (k == 0) k = 100 + (int)Math.Round(10 * z);
        int[][] sets = [.. best.Select(key => Enumerable.Range(0, Candidates.Length).Where(j => (key.Mask & (1 << j)) != 0).Select(j => t.Columns[j]).ToArray())];
        double[] Forecast(Entry e)
        {
            var f = new double[e.Actual.Length];
            for (int i = 0; i < sets.Length; i++)
            {
                double[] g = Combine(e, sets[i], best[i].Rule, t.Naive);
                for (int s = 0; s < f.Length; s++) f[s] += g[s] / sets.Length;
            }

            return f;
        }

        var key = (-(k * 1000) - pool % 1000, Rule.Mean);
        if (!t.Val.ContainsKey(key))
        {
            var v = Sum(t.ValEntries, Forecast, ValWeight);
            t.Val[key] = ((v.S / t.NaiveVal.S) + (v.M / t.NaiveVal.M) + (v.P / t.NaiveVal.P)) / 3;
            t.Test[key] = Sum(t.TestEntries, Forecast);
        }

        return t.Val[key] < t.Val[(fixedPool, Rule.Median)] * (1 - (c / t.History)) ? key : (fixedPool, Rule.Median);
    }
}

/// <summary>
/// How auto's calibration errors on one collection compare with its test errors: for auto's choice, the 95% quantile
/// of the normalised absolute errors |s| = |y − ŷ| / (d·√h) (<see cref="ErrorCalibration"/>) at each validation origin
/// and at the test origin, then the 95% coverage of the calibrated intervals, their mean width and their MSIS (both in
/// MASE units) as auto makes them, with every validation error scaled by (values before its origin ÷ values in the
/// whole training series)^a, and with other scales d: the mean absolute seasonal change over the last max(6, k·m)
/// values for k = 4 and 6, over the whole history before the origin, and the median instead of the mean.
/// </summary>
// Interval calibrations for short yearly batches under shocks (issue 33 §1): on one dumped collection, auto's choice of
// members, and its calibration as auto makes it and with other step factors c_k, scored at the test origin: 95% coverage
// on all series, on those whose test horizon holds a shock (benchmarks/shock-coverage.py's definition, K = 3), on the
// others, and on the shock series from the shock on; MSIS (MASE units) on all and on the shock series. Older origins
// are seen through the seasonal naive, which needs no fit (as auto's recency factor): c_k from every origin of the
// training part, or from the origins older than the validation ones, against the validation origins.
static class Intervals
{
    public static void Run(string dump, string trainPath, int m, string? olderDump)
    {
        var series = LongFormat.Read(trainPath).ToDictionary(s => s.Id, s => s.Values.ToArray());
        (List<Entry> entries, _, int naive) = Loco.Read(dump);
        (int[] set, Rule rule, string description) = Loco.AutoChoice(dump);
        string name = Path.GetFileNameWithoutExtension(dump);
        int h = entries[0].Actual.Length;
        const int minimumPrefix = 5;
        double[] Scores(Entry e, double d)
        {
            double[] f = Loco.Combine(e, set, rule, naive);
            return [.. Enumerable.Range(1, h).Select(k => ErrorCalibration.Normalise(e.Actual[k - 1], f[k - 1], k, d))];
        }

        // auto's calibration vectors (finite ones), before the step factors, and its length exponent a
        var validation = entries.Where(e => !e.Test).GroupBy(e => e.Id).Select(g => (Id: g.Key, Origins: g.OrderBy(e => e.Origin).ToArray())).ToArray();
        // each series' normalised errors at its origins (finite ones), the length exponent a estimated on them, and the
        // vectors scaled to the series' length, as auto's calibration makes them
        ((string Id, int Length, (int Length, double[] S)[] Origins)[] Scored, double A, double[][] Raw) Calibrate(IEnumerable<(string Id, Entry[] Origins)> groups)
        {
            var sc = groups.Select(v =>
            {
                double[] y = series[v.Id];
                return (v.Id, Length: y.Length, Origins: v.Origins.Select(e => (e.Length, S: Scores(e, ErrorCalibration.Scale(y.AsSpan(0, e.Length), m)))).Where(o => Array.TrueForAll(o.S, double.IsFinite)).ToArray());
            }).Where(s => s.Origins.Length > 0).ToArray();
            double exponent = ErrorCalibration.EstimateLengthExponent([.. sc.Select(s => s.Origins.Average(o => (double)o.Length))], [.. sc.Select(s => s.Origins.SelectMany(o => o.S).Average(Math.Abs))]);
            return (sc, exponent, [.. sc.SelectMany(s => s.Origins.Select(o => o.S.Select(x => x * Math.Pow((double)o.Length / s.Length, exponent)).ToArray()))]);
        }

        (var scored, double a, double[][] raw) = Calibrate(validation);

        // the seasonal naive's normalised errors per step: at the validation origins, the latest (auto's recency), every
        // origin of the training part, and the origins older than the validation ones
        double Q(List<double> x) => x.Count < 30 ? double.NaN : FittedModel.Quantile([.. x.Where(double.IsFinite).Select(Math.Abs).Order()], 0.95);
        double[] recency = new double[h], all = new double[h], older = new double[h];
        for (int k = 1; k <= h; k++)
        {
            List<double> atValidation = [], latest = [], every = [], old = [];
            foreach ((string id, Entry[] origins) in validation)
            {
                double[] y = series[id];
                double Naive(int n) => ErrorCalibration.NaiveScore(y, n, k, m, ErrorCalibration.Scale(y.AsSpan(0, n), m));
                foreach (Entry e in origins) atValidation.Add(Naive(e.Length));
                for (int j = 0; j < origins.Length; j++)
                    if (y.Length - k - j >= minimumPrefix) latest.Add(Naive(y.Length - k - j));
                int earliest = origins.Min(e => e.Length);
                for (int n = minimumPrefix; n <= y.Length - k; n++)
                {
                    every.Add(Naive(n));
                    if (n < earliest) old.Add(Naive(n));
                }
            }

            double v = Q(atValidation);
            double Ratio(List<double> x) => double.IsFinite(Q(x)) && Q(x) > 0 && v > 0 ? Q(x) / v : 1;
            recency[k - 1] = ErrorCalibration.RecencyFactor(latest, atValidation, 30);
            all[k - 1] = Ratio(every);
            older[k - 1] = Ratio(old);
        }

        string F(double[] c) => string.Join(' ', c.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine($"{name}: auto chooses {description}; a = {a:F3}; c_k recency {F(recency)}; every origin {F(all)}; older {F(older)}");
        var variants = new List<(string Name, double[] C, bool Pooled)>
        {
            ("auto", recency, false),
            ("no step factor", [.. recency.Select(_ => 1.0)], false),
            ("every origin", all, false),
            ("max(recency, every origin)", [.. recency.Zip(all, Math.Max)], false),
            ("max(recency, older)", [.. recency.Zip(older, Math.Max)], false),
            ("recency x max(1, older)", [.. recency.Zip(older, (r, o) => r * Math.Max(1, o))], false),
            ("auto, pooled over steps", recency, true),
            ("max(recency, every origin), pooled", [.. recency.Zip(all, Math.Max)], true),
        };
        var vectorSets = new Dictionary<string, double[][]> { ["auto"] = [] };
        if (olderDump is not null)
        {
            // the chosen combination fitted at the h older origins too (an ORIGINS=older dump): auto's calibration on all of them
            List<Entry> olderEntries = Loco.Read(olderDump).Entries;
            var both = validation.Select(v => (v.Id, Origins: v.Origins.Concat(olderEntries.Where(e => e.Id == v.Id)).ToArray())).ToArray();
            (var scoredBoth, double aBoth, double[][] rawBoth) = Calibrate(both);
            double[] recencyBoth = new double[h];
            for (int k = 1; k <= h; k++)
            {
                List<double> atOrigins = [], latest = [];
                foreach ((string id, Entry[] origins) in both)
                {
                    double[] y = series[id];
                    foreach (Entry e in origins) atOrigins.Add(ErrorCalibration.NaiveScore(y, e.Length, k, m, ErrorCalibration.Scale(y.AsSpan(0, e.Length), m)));
                    for (int j = 0; j < validation.First(v => v.Id == id).Origins.Length; j++)
                        if (y.Length - k - j >= minimumPrefix) latest.Add(ErrorCalibration.NaiveScore(y, y.Length - k - j, k, m, ErrorCalibration.Scale(y.AsSpan(0, y.Length - k - j), m)));
                }

                recencyBoth[k - 1] = ErrorCalibration.RecencyFactor(latest, atOrigins, 30);
            }

            // the combination's own 95% quantile of |s| per step at the older origins over that at the validation origins
            var olderOnly = scoredBoth.SelectMany(s => s.Origins.Where(o => o.Length < validation.First(v => v.Id == s.Id).Origins.Min(e => e.Length)).Select(o => o.S)).ToArray();
            double[] ratio = [.. Enumerable.Range(0, h).Select(k => FittedModel.Quantile([.. olderOnly.Select(v => Math.Abs(v[k])).Order()], 0.95) / FittedModel.Quantile([.. scored.SelectMany(s => s.Origins).Select(o => Math.Abs(o.S[k])).Order()], 0.95))];
            Console.WriteLine($"  with {olderEntries.Count} older origins fitted: a = {aBoth:F3}, c_k against all of them {F(recencyBoth)}; the combination's 95% quantile of |s| at the older origins over the validation ones {F(ratio)}");
            vectorSets["fitted older origins too, c_k against them"] = [.. rawBoth.Select(v => v.Select((x, k) => x * recencyBoth[k]).ToArray())];
            vectorSets["fitted older origins too, auto's c_k"] = [.. rawBoth.Select(v => v.Select((x, k) => x * recency[k]).ToArray())];
            vectorSets["fitted older origins too, no step factor"] = rawBoth;
            vectorSets["fitted older origins too, max(c_k against them, auto's)"] = [.. rawBoth.Select(v => v.Select((x, k) => x * Math.Max(recency[k], recencyBoth[k])).ToArray())];
        }

        foreach ((string variant, double[] c, bool pooled) in variants)
        {
            double[][] vectors = [.. raw.Select(v => v.Select((x, k) => x * c[k]).ToArray())];
            if (pooled) // one quantile for every step: the step's scores pooled with the others'
                vectors = [.. vectors.SelectMany(v => Enumerable.Range(0, h).Select(j => Enumerable.Range(0, h).Select(k => v[(j + k) % h]).ToArray()))];
            vectorSets[variant] = vectors;
        }

        // shocks in the test horizon: a one-step change departing from the training mean change by more than 3 mean absolute deviations
        Entry[] test = [.. entries.Where(e => e.Test && e.Scale > 0)];
        var firstShock = new Dictionary<string, int>();
        foreach (Entry e in test)
        {
            double[] y = series[e.Id];
            double[] changes = [.. Enumerable.Range(1, y.Length - 1).Select(t => y[t] - y[t - 1])];
            double mean = changes.Average(), mad = changes.Average(c => Math.Abs(c - mean));
            double[] path = [y[^1], .. e.Actual];
            int first = Enumerable.Range(0, h).FirstOrDefault(k => Math.Abs(path[k + 1] - path[k] - mean) > 3 * mad, -1);
            if (first >= 0) firstShock[e.Id] = first;
        }

        foreach ((string variant, double[][] vectors) in vectorSets)
        {
            var calibration = new ErrorCalibration(vectors, h);
            int[] inside = new int[4], count = new int[4]; // all, shock, calm, from the shock
            double msis = 0, msisShock = 0;
            foreach (Entry e in test)
            {
                double[] y = series[e.Id];
                double d = ErrorCalibration.Scale(y, m);
                double[] f = Loco.Combine(e, set, rule, naive);
                bool shock = firstShock.TryGetValue(e.Id, out int first);
                double score = 0;
                for (int k = 1; k <= h; k++)
                {
                    double lower = ErrorCalibration.Apply(f[k - 1], calibration.Quantile(k, 0.025), k, d), upper = ErrorCalibration.Apply(f[k - 1], calibration.Quantile(k, 0.975), k, d);
                    double actual = e.Actual[k - 1], miss = actual < lower ? lower - actual : actual > upper ? actual - upper : 0;
                    int hit = miss == 0 ? 1 : 0;
                    inside[0] += hit; count[0]++;
                    inside[shock ? 1 : 2] += hit; count[shock ? 1 : 2]++;
                    if (shock && k - 1 >= first) { inside[3] += hit; count[3]++; }
                    score += (upper - lower + (2 / 0.05 * miss)) / e.Scale / h;
                }

                msis += score;
                if (shock) msisShock += score;
            }

            string R(int i) => count[i] == 0 ? "nan" : ((double)inside[i] / count[i]).ToString("F4", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Join('\t', "RESULT", name, variant, R(0), R(1), R(2), R(3), (msis / test.Length).ToString("F3", CultureInfo.InvariantCulture),
                (msisShock / Math.Max(1, firstShock.Count)).ToString("F3", CultureInfo.InvariantCulture), firstShock.Count.ToString(CultureInfo.InvariantCulture), test.Length.ToString(CultureInfo.InvariantCulture)));
        }
    }
}

static class Origins
{
    public static void Run(string dump, string trainPath, int m)
    {
        var series = LongFormat.Read(trainPath).ToDictionary(s => s.Id, s => s.Values.ToArray());
        (List<Entry> entries, _, int naive) = Loco.Read(dump);
        (int[] set, Rule rule, string description) = Loco.AutoChoice(dump);
        int h = entries[0].Actual.Length;
        double[] Scores(Entry e, double d)
        {
            double[] f = Loco.Combine(e, set, rule, naive);
            return [.. Enumerable.Range(1, h).Select(k => ErrorCalibration.Normalise(e.Actual[k - 1], f[k - 1], k, d))];
        }

        Console.WriteLine($"{Path.GetFileNameWithoutExtension(dump)}: auto chooses {description}");
        foreach (var origin in entries.GroupBy(e => e.Origin).OrderBy(g => g.Key))
        {
            double[] sorted = [.. origin.SelectMany(e => Scores(e, ErrorCalibration.Scale(series[e.Id].AsSpan(0, e.Length), m))).Where(double.IsFinite).Select(Math.Abs).Order()];
            Console.WriteLine($"  {(origin.Key == 0 ? "test origin" : $"validation origin {origin.Key}"),-20} 95% quantile of |s| {FittedModel.Quantile(sorted, 0.95):F3}, median {FittedModel.Quantile(sorted, 0.5):F3}");
        }

        // the same by quarter of the series' training length: validation against test errors within each
        int[] lengths = [.. entries.Where(e => e.Test).Select(e => series[e.Id].Length).Order()];
        int[] edges = [.. new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(q => lengths[(int)Math.Round(q * (lengths.Length - 1))])];
        for (int b = 0; b < 4; b++)
        {
            bool InBucket(Entry e) => series[e.Id].Length >= edges[b] && (b == 3 ? series[e.Id].Length <= edges[4] : series[e.Id].Length < edges[b + 1]);
            if (!entries.Any(e => e.Test && InBucket(e))) continue; // lengths tied across a quarter
            double Q(bool test) => FittedModel.Quantile([.. entries.Where(e => e.Test == test && InBucket(e)).SelectMany(e => Scores(e, ErrorCalibration.Scale(series[e.Id].AsSpan(0, e.Length), m))).Where(double.IsFinite).Select(Math.Abs).Order()], 0.95);
            Console.WriteLine($"  training length {edges[b]}–{edges[b + 1]}{(b == 3 ? "" : " (excl.)")}: 95% quantile of |s| at validation {Q(false):F3}, at test {Q(true):F3} ({entries.Count(e => e.Test && InBucket(e))} series)");
        }

        var variants = new List<(string Name, Func<double[], int, double> Scale, double Shrink)>
        {
            ("unscaled", (y, n) => ErrorCalibration.Scale(y.AsSpan(0, n), m), 0),
        };
        foreach (double a in new[] { 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7, 1.0 })
            variants.Add(($"errors scaled by (length ratio)^{a:0.##}", (y, n) => ErrorCalibration.Scale(y.AsSpan(0, n), m), a));
        variants.AddRange(
        [
            ("d over the last max(6, 4m) values", (y, n) => Scale(y.AsSpan(0, n), m, 4, median: false), 0),
            ("d over the last max(6, 6m) values", (y, n) => Scale(y.AsSpan(0, n), m, 6, median: false), 0),
            ("d over the whole history", (y, n) => Scale(y.AsSpan(0, n), m, 0, median: false), 0),
            ("d the median change, last max(6, 2m)", (y, n) => Scale(y.AsSpan(0, n), m, 2, median: true), 0),
        ]);
        double exponent = 0;
        // the length exponent from the batch's cross-section: log of each series' mean |s| at its validation origins
        // against the log of its values before them, least squares; a = −slope, kept in [0, 1]
        {
            var points = entries.Where(e => !e.Test).GroupBy(e => e.Id).Select(g =>
            {
                double[] y = series[g.Key];
                double[] abs = [.. g.SelectMany(e => Scores(e, ErrorCalibration.Scale(y.AsSpan(0, e.Length), m))).Where(double.IsFinite).Select(Math.Abs)];
                return (X: Math.Log(g.Average(e => (double)e.Length)), Y: abs.Length == 0 ? double.NaN : Math.Log(Math.Max(abs.Average(), 1e-9)));
            }).Where(p => double.IsFinite(p.Y)).ToArray();
            double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
            double sxx = points.Sum(p => (p.X - mx) * (p.X - mx)), sxy = points.Sum(p => (p.X - mx) * (p.Y - my));
            double slope = sxx > 0 ? sxy / sxx : 0, se = sxx > 0 ? Math.Sqrt(points.Sum(p => Math.Pow(p.Y - my - (slope * (p.X - mx)), 2)) / (points.Length - 2) / sxx) : 0;
            Console.WriteLine($"  cross-section: slope of log mean |s| on log length {slope:F3} (se {se:F3}, {points.Length} series, sd of log length {Math.Sqrt(sxx / points.Length):F3})");
            variants.Add(($"errors scaled, a = −slope {Math.Clamp(-slope, 0, 1):F2}", (y, n) => ErrorCalibration.Scale(y.AsSpan(0, n), m), Math.Clamp(-slope, 0, 1)));
            double a = ErrorCalibration.EstimateLengthExponent([.. points.Select(p => Math.Exp(p.X))], [.. points.Select(p => Math.Exp(p.Y))]);
            variants.Add(($"errors scaled, auto's a (slope shrunk) {a:F2}", (y, n) => ErrorCalibration.Scale(y.AsSpan(0, n), m), a));
            exponent = a;
        }

        // auto's recency factors: the seasonal naive's 95% error quantile at step k from the latest origins over that from the validation origins
        double[] recency = new double[h];
        for (int k = 1; k <= h; k++)
        {
            List<double> atValidation = [], latest = [];
            foreach (var g in entries.Where(e => !e.Test).GroupBy(e => e.Id))
            {
                double[] y = series[g.Key];
                int j = 0;
                foreach (Entry e in g)
                {
                    atValidation.Add(ErrorCalibration.NaiveScore(y, e.Length, k, m, ErrorCalibration.Scale(y.AsSpan(0, e.Length), m)));
                    int n = y.Length - k - j++;
                    if (n >= 5) latest.Add(ErrorCalibration.NaiveScore(y, n, k, m, ErrorCalibration.Scale(y.AsSpan(0, n), m)));
                }
            }

            recency[k - 1] = ErrorCalibration.RecencyFactor(latest, atValidation, 30);
        }

        Console.WriteLine($"  recency factors c_k, k = 1..{h}: {string.Join(' ', recency.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))}");
        variants.Add(("as auto calibrates (a and c_k)", (y, n) => ErrorCalibration.Scale(y.AsSpan(0, n), m), exponent));
        foreach ((string name, Func<double[], int, double> scale, double shrink) in variants)
        {
            var vectors = new List<double[]>();
            foreach (Entry e in entries.Where(e => !e.Test))
            {
                double[] y = series[e.Id];
                double factor = Math.Pow((double)e.Length / y.Length, shrink);
                double[] v = [.. Scores(e, scale(y, e.Length)).Select((x, k) => x * factor * (name.StartsWith("as auto", StringComparison.Ordinal) ? recency[k] : 1))];
                if (Array.TrueForAll(v, double.IsFinite)) vectors.Add(v);
            }

            var c = new ErrorCalibration(vectors, h);
            int inside = 0, count = 0;
            double width = 0, msis = 0;
            Entry[] test = [.. entries.Where(e => e.Test && e.Scale > 0)];
            foreach (Entry e in test)
            {
                double[] y = series[e.Id];
                double d = scale(y, y.Length);
                double[] f = Loco.Combine(e, set, rule, naive);
                for (int k = 1; k <= h; k++)
                {
                    double lower = ErrorCalibration.Apply(f[k - 1], c.Quantile(k, 0.025), k, d), upper = ErrorCalibration.Apply(f[k - 1], c.Quantile(k, 0.975), k, d);
                    if (e.Actual[k - 1] >= lower && e.Actual[k - 1] <= upper) inside++;
                    count++;
                    width += (upper - lower) / e.Scale / h;
                    double actual = e.Actual[k - 1], miss = actual < lower ? lower - actual : actual > upper ? actual - upper : 0;
                    msis += (upper - lower + (2 / 0.05 * miss)) / e.Scale / h;
                }
            }

            Console.WriteLine($"  95% coverage, {name,-38} {(double)inside / count:F4}, mean width {width / test.Length:F2}, MSIS {msis / test.Length:F2} (MASE units)");
        }
    }

    /// <summary>
    /// Whether scaling validation errors by (L_o / L)^a is right where errors do not depend on the period: series
    /// y_t = a + b·t + e_t (levels 100–1095, slopes 2–6, e_t ~ N(0, 3²)), drift forecasts, auto's three origins and
    /// error scale, calibrated on 200 series and tested on 2000 fresh ones of the same length, h = 4.
    /// </summary>
    public static void Simulate()
    {
        const int h = 4, origins = 3;
        static double[][] Trending(int count, int length, int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, count).Select(i => Enumerable.Range(0, length).Select(t => 100 + (5 * (i % 200)) + ((2 + (i % 5)) * t) + (3 * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))).ToArray())];
        }

        var drift = new DriftForecaster();
        foreach (int length in new[] { 15, 25, 60 })
        {
            double[][] batch = Trending(200, length, 1), fresh = Trending(2000, length + h, 2);
            Console.Write($"{length} values:");
            foreach (double a in new[] { 0, 0.3, 0.5 })
            {
                var vectors = new List<double[]>();
                foreach (double[] y in batch)
                    for (int j = 0; j < origins; j++)
                    {
                        int n = length - h - j;
                        double[] f = drift.Fit(y.AsSpan(0, n)).Forecast(h, []).Mean.ToArray();
                        double d = ErrorCalibration.Scale(y.AsSpan(0, n)), shrink = Math.Pow((double)n / length, a);
                        vectors.Add([.. Enumerable.Range(1, h).Select(k => shrink * ErrorCalibration.Normalise(y[n + k - 1], f[k - 1], k, d))]);
                    }

                var c = new ErrorCalibration(vectors, h);
                int inside = 0;
                foreach (double[] y in fresh)
                {
                    double[] f = drift.Fit(y.AsSpan(0, length)).Forecast(h, []).Mean.ToArray();
                    double d = ErrorCalibration.Scale(y.AsSpan(0, length));
                    for (int k = 1; k <= h; k++)
                        if (Math.Abs(y[length + k - 1] - f[k - 1]) <= ErrorCalibration.Apply(0, c.Quantile(k, 0.975), k, d)) inside++;
                }

                Console.Write($"  a = {a:0.0#}: 95% coverage {(double)inside / (fresh.Length * h):F3}");
            }

            Console.WriteLine();
        }

        // mixed lengths (15–60 values in one batch): the exponent from the cross-section of the batch
        {
            var random = new Random(3);
            int[] Lengths(int count) => [.. Enumerable.Range(0, count).Select(_ => random.Next(15, 61))];
            int[] batchLengths = Lengths(400), freshLengths = Lengths(4000);
            double[][] batch = [.. Trending(400, 60, 1).Select((y, i) => y[..batchLengths[i]])];
            double[][] fresh = [.. Trending(4000, 64, 2).Select((y, i) => y[..(freshLengths[i] + h)])];
            var scores = new List<(int Length, int Origin, double[] S)>();
            foreach (double[] y in batch)
                for (int j = 0; j < origins; j++)
                {
                    int n = y.Length - h - j;
                    double[] f = drift.Fit(y.AsSpan(0, n)).Forecast(h, []).Mean.ToArray();
                    double d = ErrorCalibration.Scale(y.AsSpan(0, n));
                    scores.Add((y.Length, n, [.. Enumerable.Range(1, h).Select(k => ErrorCalibration.Normalise(y[n + k - 1], f[k - 1], k, d))]));
                }

            (double X, double Y)[] points = [.. scores.GroupBy(s => s.Length).SelectMany(g => g).Chunk(origins).Select(c => (Math.Log(c.Average(s => (double)s.Origin)), Math.Log(c.SelectMany(s => s.S).Select(Math.Abs).Average())))];
            double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
            double slope = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
            // auto's recency factors on this batch (the seasonal naive is the naive forecast here)
            double[] recency = new double[h];
            for (int k = 1; k <= h; k++)
            {
                List<double> atValidation = [], latest = [];
                foreach (double[] y in batch)
                    for (int j = 0; j < origins; j++)
                    {
                        int n = y.Length - h - j, m = y.Length - k - j;
                        atValidation.Add(ErrorCalibration.NaiveScore(y, n, k, 1, ErrorCalibration.Scale(y.AsSpan(0, n))));
                        latest.Add(ErrorCalibration.NaiveScore(y, m, k, 1, ErrorCalibration.Scale(y.AsSpan(0, m))));
                    }

                recency[k - 1] = ErrorCalibration.RecencyFactor(latest, atValidation, 30);
            }

            double auto = ErrorCalibration.EstimateLengthExponent([.. points.Select(p => Math.Exp(p.X))], [.. points.Select(p => Math.Exp(p.Y))]);
            Console.Write($"mixed 15–60 values: cross-section slope {slope:F3}, auto's a {auto:F2}, mean c_k {recency.Average():F2};");
            foreach ((double a, bool withRecency) in new[] { (0.0, false), (auto, true), (0.3, false), (0.5, false) })
            {
                var c = new ErrorCalibration([.. scores.Select(s => s.S.Select((x, k) => x * Math.Pow((double)s.Origin / s.Length, a) * (withRecency ? recency[k] : 1)).ToArray())], h);
                int inside = 0, count = 0, shortInside = 0, shortCount = 0;
                foreach (double[] y in fresh)
                {
                    int length = y.Length - h;
                    double[] f = drift.Fit(y.AsSpan(0, length)).Forecast(h, []).Mean.ToArray();
                    double d = ErrorCalibration.Scale(y.AsSpan(0, length));
                    for (int k = 1; k <= h; k++)
                    {
                        bool ok = Math.Abs(y[length + k - 1] - f[k - 1]) <= ErrorCalibration.Apply(0, c.Quantile(k, 0.975), k, d);
                        inside += ok ? 1 : 0;
                        count++;
                        if (length < 25)
                        {
                            shortInside += ok ? 1 : 0;
                            shortCount++;
                        }
                    }
                }

                Console.Write($"  a = {a:0.00}{(withRecency ? " and c_k (auto)" : "")}: 95% coverage {(double)inside / count:F3} (under 25 values {(double)shortInside / shortCount:F3})");
            }

            Console.WriteLine();
        }
    }

    /// <summary>The mean (or median) absolute seasonal change over the last max(6, k·m) values (k = 0: all), floored as <see cref="ErrorCalibration.Scale"/>.</summary>
    static double Scale(ReadOnlySpan<double> y, int m, int k, bool median)
    {
        int lag = y.Length > m ? Math.Max(1, m) : 1;
        int from = k == 0 ? lag : Math.Max(lag, y.Length - Math.Max(6, k * lag));
        var changes = new List<double>();
        for (int t = from; t < y.Length; t++) changes.Add(Math.Abs(y[t] - y[t - lag]));
        double level = 0;
        foreach (double v in y) level += Math.Abs(v);
        double d = changes.Count == 0 ? 0 : median ? FittedModel.Quantile([.. changes.Order()], 0.5) : changes.Average();
        return Math.Max(d, 1e-3 * Math.Max(level / Math.Max(1, y.Length), 1e-12));
    }
}
