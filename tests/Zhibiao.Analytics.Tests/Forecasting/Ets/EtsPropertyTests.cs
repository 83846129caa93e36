using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ets;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

/// <summary>Identities every ETS fit must satisfy, on random series (CsCheck).</summary>
public class EtsPropertyTests
{
    private static readonly Gen<double[]> Noisy = Gen.Select(Gen.Int[12, 40], Gen.Double[-3, 3], Gen.Int[0, 100_000]).Select((n, slope, seed) =>
    {
        var rnd = new Random(seed);
        return Enumerable.Range(0, n).Select(t => 100 + (slope * t) + (5 * (rnd.NextDouble() - 0.5))).ToArray();
    });

    private static readonly Gen<double[]> Positive = Gen.Select(Gen.Int[12, 40], Gen.Double[-1.5, 3], Gen.Int[0, 100_000]).Select((n, slope, seed) =>
    {
        var rnd = new Random(seed);
        return Enumerable.Range(0, n).Select(t => 100 + (slope * t) + (5 * (rnd.NextDouble() - 0.5))).ToArray();
    });

    [Fact]
    public void Constant_series_get_flat_finite_forecasts_without_spread()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Double[-1e6, 1e6], Gen.Int[1, 12]).SamplePinned((n, value, m) =>
        {
            double[] y = [.. Enumerable.Repeat(value, n)];
            Forecast f = new EtsForecaster().Fit(y, m).Forecast(8, [80, 95]);
            return f.Mean.ToArray().All(v => v == value) && f.Intervals.All(i => i.Lower.ToArray().All(v => v == value) && i.Upper.ToArray().All(v => v == value));
        }, iter: 200);
    }

    [Fact]
    public void Additive_models_shift_with_the_data()
    {
        // With α and β given, profiled estimation solves the initial states by least squares: adding c to the data
        // adds c to the level and to the forecasts, and leaves the intervals' widths.
        Gen.Select(Noisy, Gen.Double[-1000, 1000], Gen.Double[0.05, 0.95], Gen.Double[0.01, 1]).SamplePinned((y, c, alpha, share) =>
        {
            var options = new EtsOptions { Model = "AAN", Estimation = EtsEstimation.Profiled, Alpha = alpha, Beta = alpha * share };
            Forecast a = new EtsForecaster(options).Fit(y).Forecast(6, [95]);
            Forecast b = new EtsForecaster(options).Fit([.. y.Select(v => v + c)]).Forecast(6, [95]);
            for (int h = 0; h < 6; h++)
            {
                if (Math.Abs(b.Mean.Span[h] - c - a.Mean.Span[h]) > 1e-7 * (1 + Math.Abs(a.Mean.Span[h]) + Math.Abs(c))) return false;
                double wa = a.Intervals[0].Upper.Span[h] - a.Intervals[0].Lower.Span[h], wb = b.Intervals[0].Upper.Span[h] - b.Intervals[0].Lower.Span[h];
                if (Math.Abs(wa - wb) > 1e-6 * (1 + wa)) return false;
            }

            return true;
        }, iter: 100);
    }

    [Fact]
    public void Multiplicative_models_scale_with_the_data()
    {
        // With α and β given, profiled estimation solves the initial states by Gauss–Newton alone: scaling the data
        // by k scales the states and the forecasts by k (the likelihood moves by the constant 2n log k).
        Gen.Select(Positive, Gen.Double[0.01, 100], Gen.Double[0.05, 0.95], Gen.Double[0.01, 1]).SamplePinned((y, k, alpha, share) =>
        {
            var options = new EtsOptions { Model = "MAN", Estimation = EtsEstimation.Profiled, Alpha = alpha, Beta = alpha * share };
            Forecast a = new EtsForecaster(options).Fit(y).Forecast(6, [95]);
            Forecast b = new EtsForecaster(options).Fit([.. y.Select(v => v * k)]).Forecast(6, [95]);
            for (int h = 0; h < 6; h++)
            {
                if (Math.Abs((b.Mean.Span[h] / k) - a.Mean.Span[h]) > 1e-6 * Math.Abs(a.Mean.Span[h])) return false;
                if (Math.Abs((b.Interval(95).Upper.Span[h] / k) - a.Interval(95).Upper.Span[h]) > 1e-6 * Math.Abs(a.Interval(95).Upper.Span[h])) return false;
            }

            return true;
        }, iter: 100);
    }

    [Fact]
    public void Automatic_fits_are_finite_and_intervals_nest()
    {
        Gen.Select(Noisy, Gen.Int[0, 1].Select(i => i == 0 ? 1 : 4)).SamplePinned((y, m) =>
        {
            Forecast f = new EtsForecaster().Fit(y, m).Forecast(10, [80, 95]);
            PredictionInterval i80 = f.Interval(80), i95 = f.Interval(95);
            for (int h = 0; h < 10; h++)
            {
                if (!double.IsFinite(f.Mean.Span[h])) return false;
                if (!(i95.Lower.Span[h] <= i80.Lower.Span[h] && i80.Lower.Span[h] <= f.Mean.Span[h] && f.Mean.Span[h] <= i80.Upper.Span[h] && i80.Upper.Span[h] <= i95.Upper.Span[h])) return false;
            }

            return true;
        }, iter: 40);
    }

    [Fact]
    public void Simulated_paths_centre_on_the_point_forecast_and_match_analytic_intervals()
    {
        double[] y = [.. Enumerable.Range(0, 30).Select(t => 50 + (0.8 * t) + (3 * Math.Sin(t * 1.7)))];
        EtsFittedModel fit = new EtsForecaster(new EtsOptions { Model = "AAN" }).FitEts(y);
        const int horizon = 5, paths = 20_000;
        var buffer = new double[paths * horizon];
        fit.SimulatePaths(horizon, buffer, new Random(7));
        Forecast f = fit.Forecast(horizon, [95]);
        for (int h = 0; h < horizon; h++)
        {
            double[] column = [.. Enumerable.Range(0, paths).Select(p => buffer[(p * horizon) + h]).Order()];
            double sd = (f.Interval(95).Upper.Span[h] - f.Mean.Span[h]) / 1.959963984540054;
            Assert.InRange(column.Average(), f.Mean.Span[h] - (0.05 * sd), f.Mean.Span[h] + (0.05 * sd));
            Assert.InRange(FittedModel.Quantile(column, 0.975), f.Interval(95).Upper.Span[h] - (0.1 * sd), f.Interval(95).Upper.Span[h] + (0.1 * sd));
        }
    }

    [Fact]
    public void Every_model_simulates_paths()
    {
        double[] y = [.. Enumerable.Range(0, 48).Select(t => 100 + t + (20 * Math.Sin(2 * Math.PI * t / 12)) + (t % 5))];
        foreach (string code in new[] { "ANN", "AAdN", "MNN", "MAdN", "ANA", "AAdA", "MNM", "MAdM", "MMN", "MMdM", "AMN", "ANM" })
        {
            EtsFittedModel fit = new EtsForecaster(new EtsOptions { Model = code, Restrict = false }).FitEts(y, 12);
            Assert.Equal(EtsModel.Parse(code).Name, fit.Method);
            var buffer = new double[100 * 14];
            fit.SimulatePaths(14, buffer, new Random(1));
            Assert.All(buffer, v => Assert.True(double.IsFinite(v)));
            Forecast f = fit.Forecast(14, [95]);
            Assert.All(f.Mean.ToArray(), v => Assert.True(double.IsFinite(v)));
        }
    }
}
