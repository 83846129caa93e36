using System.Globalization;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Tests.Concurrency;

/// <summary>
/// The library used from 8 threads at once gives the same results as used sequentially: one instance of each
/// forecaster shared by all threads over M3-like generated yearly series, and the target pipeline over a dataset.
/// </summary>
public class ConcurrencyTests
{
    private static readonly ParallelOptions EightThreads = new() { MaxDegreeOfParallelism = 8 };

    /// <summary>M3-like yearly series: 14 to 40 values, a level near 1000–6000, a trend, multiplicative noise and a few breaks.</summary>
    private static double[][] GenerateSeries(int count, int seed)
    {
        var random = new Random(seed);
        var series = new double[count][];
        for (int i = 0; i < count; i++)
        {
            int n = random.Next(14, 41);
            double level = 1000 + (5000 * random.NextDouble()), trend = (random.NextDouble() - 0.3) * 0.08;
            series[i] = new double[n];
            for (int t = 0; t < n; t++)
            {
                level *= 1 + trend + (0.04 * (random.NextDouble() - 0.5));
                if (random.NextDouble() < 0.05) level *= 0.85;
                series[i][t] = Math.Round(level, 2);
            }
        }

        return series;
    }

    private static string Run(IForecaster model, double[] y)
    {
        try
        {
            Forecast f = model.Fit(y).Forecast(6, [80, 95]);
            PredictionInterval pi = f.Interval(95);
            return string.Join(',', Enumerable.Range(0, 6).Select(h => string.Create(CultureInfo.InvariantCulture, $"{f.Mean.Span[h]:R}/{pi.Lower.Span[h]:R}/{pi.Upper.Span[h]:R}")));
        }
        catch (ForecastException e)
        {
            return "error: " + e.Message;
        }
    }

    [Fact]
    public void Forecasters_shared_by_8_threads_give_the_sequential_results()
    {
        double[][] series = GenerateSeries(24, seed: 16);
        string[] names = [.. ForecasterCatalogue.Core.Names];
        IForecaster[] models = [.. names.Select(ForecasterCatalogue.Core.Create)];
        var work = (from m in Enumerable.Range(0, models.Length) from s in Enumerable.Range(0, series.Length) select (m, s)).ToArray();

        string[] sequential = [.. work.Select(w => Run(models[w.m], series[w.s]))];
        var parallel = new string[work.Length];
        Parallel.For(0, work.Length, EightThreads, i => parallel[i] = Run(models[work[i].m], series[work[i].s]));

        Assert.Equal(sequential, parallel);
        Assert.True(sequential.Count(r => !r.StartsWith("error", StringComparison.Ordinal)) > work.Length / 2);
    }

    [Fact]
    public void The_target_pipeline_and_a_dataset_shared_by_8_threads_give_the_sequential_results()
    {
        Dataset data = Dataset.Load(RepositoryPaths.XinjiangDataset);
        static string Describe(IReadOnlyList<TargetJudgement> judged) => string.Join('\n', judged.Select(j =>
            string.Create(CultureInfo.InvariantCulture, $"{j.Indicator.Id} {j.Target?.Deadline} {j.Tracking.Status} {j.ProbabilityMet:R} {j.Simulation?.Median:R}")));

        string sequential = Describe(TargetPipeline.Judge(data, new PipelineOptions { Probability = true }));
        var parallel = new string[8];
        Parallel.For(0, parallel.Length, EightThreads, i => parallel[i] = Describe(TargetPipeline.Judge(data, new PipelineOptions { Probability = true })));

        Assert.All(parallel, p => Assert.Equal(sequential, p));
        Assert.Contains("tourist_arrivals", sequential, StringComparison.Ordinal);
    }
}
