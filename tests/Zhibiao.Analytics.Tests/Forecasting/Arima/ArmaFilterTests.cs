using Zhibiao.Analytics.Forecasting.Arima;
using CsCheck;
using MathNet.Numerics.LinearAlgebra;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

public class ArmaFilterTests
{
    private static readonly double[] FourPoints = [1, 2, 0.5, -1];

    [Fact]
    public void ExactLikelihoodOfAr1OnFourPointsIsHandWorked()
    {
        // AR(1), φ = 0.5, no mean: S = (1 − φ²)y₁² + Σ(yₜ − φyₜ₋₁)² = 4.8125, σ̂² = S/4, Σ log F = −log(1 − φ²).
        var filter = new ArmaFilter(FourPoints);
        double objective = filter.Exact([0.5], [], mean: false, out FilterResult result);
        Check("objective", objective);
        Check("sigma2", result.Sigma2);
        Check("sum_log_f", result.SumLogF);
        Check("loglik", result.LogLikelihood);
        for (int t = 0; t < 4; t++)
        {
            (double v, double tv) = Golden.Hand("ar1-exact", "innovation", t);
            Golden.Near(v, filter.Innovations[t], tv, $"innovation {t}");
            (double f, double tf) = Golden.Hand("ar1-exact", "variance", t);
            Golden.Near(f, filter.Variances[t], tf, $"variance {t}");
        }
    }

    [Fact]
    public void ConditionalSumOfSquaresOfAr1OnFourPointsIsHandWorked()
    {
        // e = yₜ − 0.5yₜ₋₁ for t = 2..4: 1.5, −0.5, −1.25; ½ log(Σe²/3).
        var filter = new ArmaFilter(FourPoints);
        double objective = filter.ConditionalSumOfSquares([0.5], [], mean: false, out _);
        (double value, double tolerance) = Golden.Hand("ar1-css", "objective");
        Golden.Near(value, objective, tolerance, "CSS objective");
    }

    [Fact]
    public void ExactLikelihoodEqualsTheDenseGaussianLikelihood() =>
        Gen.Select(Gen.Double[-1.5, 1.5].Array[0, 3], Gen.Double[-1.5, 1.5].Array[0, 3], Gen.Double[-5, 5].Array[5, 25], Gen.Bool)
            .SamplePinned((zAr, zMa, y, withMean) =>
            {
                var phi = new double[zAr.Length];
                ArmaMath.ToStationary(zAr, phi);
                var theta = new double[zMa.Length];
                ArmaMath.ToStationary(zMa, theta);
                for (int i = 0; i < theta.Length; i++) theta[i] = -theta[i];

                double objective = new ArmaFilter(y).Exact(phi, theta, withMean, out FilterResult result);

                // The same likelihood from the n×n covariance matrix Σᵢⱼ = γ(|i − j|) and GLS for the mean.
                int n = y.Length;
                var psi = new double[n + 1];
                ArmaMath.Psi(phi, theta, psi);
                var gamma = new double[n];
                Assert.True(ArmaMath.Autocovariances(phi, theta, psi, gamma, new double[(phi.Length + 1) * (phi.Length + 2)]));
                Matrix<double> sigma = Matrix<double>.Build.Dense(n, n, (i, j) => gamma[Math.Abs(i - j)]);
                var cholesky = sigma.Cholesky();
                Vector<double> yv = Vector<double>.Build.DenseOfArray(y);
                Vector<double> ones = Vector<double>.Build.Dense(n, 1);
                double mu = withMean ? ones.DotProduct(cholesky.Solve(yv)) / ones.DotProduct(cholesky.Solve(ones)) : 0;
                Vector<double> centred = yv - (mu * ones);
                double ssq = centred.DotProduct(cholesky.Solve(centred));
                double logDet = cholesky.DeterminantLn;
                double expected = (0.5 * Math.Log(ssq / n)) + (0.5 * logDet / n);

                Assert.Equal(expected, objective, 1e-7 * Math.Max(1, Math.Abs(expected)));
                Assert.Equal(mu, result.Mean, 1e-7 * Math.Max(1, Math.Abs(mu)));
                Assert.Equal(logDet, result.SumLogF, 1e-7 * Math.Max(1, Math.Abs(logDet)));
                Assert.Equal(ssq / n, result.Sigma2, 1e-7 * Math.Max(1, ssq / n));
            }, seed: "0arma0exact0");

    [Fact]
    public void ChandrasekharAndRiccatiRecursionsAgree() =>
        Gen.Select(Gen.Double[-2, 2].Array[0, 4], Gen.Double[-2, 2].Array[0, 4], Gen.Double[-5, 5].Array[3, 40], Gen.Bool, Gen.Int[1, 4])
            .SamplePinned((zAr, zMa, y, withMean, m) =>
            {
                // Seasonal-looking polynomials: coefficients at lags 1 and m.
                var ar = new double[zAr.Length];
                ArmaMath.ToStationary(zAr, ar);
                var theta = new double[zMa.Length];
                ArmaMath.ToStationary(zMa, theta);
                var seasonalAr = ar.Length > 0 ? new[] { ar[0] / 2 } : [];
                var phi = new double[ar.Length + (seasonalAr.Length * m)];
                ArmaMath.ExpandAr(ar, seasonalAr, m, phi);
                var fast = new ArmaFilter(y);
                var slow = new ArmaFilter(y) { UseRiccati = true };
                double a = fast.Exact(phi, theta, withMean, out FilterResult ra);
                double b = slow.Exact(phi, theta, withMean, out FilterResult rb);
                Assert.Equal(b, a, 1e-9 * Math.Max(1, Math.Abs(b)));
                Assert.Equal(rb.Mean, ra.Mean, 1e-8 * Math.Max(1, Math.Abs(rb.Mean)));
                for (int t = 0; t < y.Length; t++)
                {
                    Assert.Equal(slow.Variances[t], fast.Variances[t], 1e-8 * slow.Variances[t]);
                    Assert.Equal(slow.Innovations[t], fast.Innovations[t], 1e-7 * Math.Max(1, Math.Abs(slow.Innovations[t])));
                }
            }, seed: "0arma0chandr");

    [Fact]
    public void NonStationaryArGivesInfiniteObjective()
    {
        var filter = new ArmaFilter(FourPoints);
        Assert.Equal(double.PositiveInfinity, filter.Exact([1.0], [], mean: false, out _));
    }

    private static void Check(string quantity, double actual)
    {
        (double value, double tolerance) = Golden.Hand("ar1-exact", quantity);
        Golden.Near(value, actual, tolerance, quantity);
    }
}
