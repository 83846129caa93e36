using Zhibiao.Analytics.Forecasting.Arima;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Arima;

public class ArmaMathTests
{
    [Fact]
    public void PsiWeightsOfArma11AreHandWorked()
    {
        // φ = 0.5, θ = 0.4: ψ₀ = 1, ψⱼ = φʲ⁻¹(φ + θ).
        var psi = new double[5];
        ArmaMath.Psi([0.5], [0.4], psi);
        for (int j = 0; j < psi.Length; j++)
        {
            (double value, double tolerance) = Golden.Hand("arma11-psi", "psi", j);
            Golden.Near(value, psi[j], tolerance, $"psi[{j}]");
        }
    }

    [Fact]
    public void AutocovariancesOfArma11AreHandWorked()
    {
        // γ₀ = (1 + 2φθ + θ²)/(1 − φ²), γ₁ = (1 + φθ)(φ + θ)/(1 − φ²), γₖ = φγₖ₋₁.
        var psi = new double[5];
        ArmaMath.Psi([0.5], [0.4], psi);
        var gamma = new double[4];
        Assert.True(ArmaMath.Autocovariances([0.5], [0.4], psi, gamma, new double[16]));
        for (int k = 0; k < gamma.Length; k++)
        {
            (double value, double tolerance) = Golden.Hand("arma11-acvf", "gamma", k);
            Golden.Near(value, gamma[k], tolerance, $"gamma[{k}]");
        }
    }

    [Fact]
    public void AutocovariancesOfAUnitRootAreRefused()
    {
        var psi = new double[3];
        ArmaMath.Psi([1.0], [], psi);
        Assert.False(ArmaMath.Autocovariances([1.0], [], psi, new double[3], new double[8]));
    }

    [Fact]
    public void JonesTransformRoundTripsAndIsStationary() =>
        Gen.Double[-2.5, 2.5].Array[1, 6].SamplePinned(z => // |tanh| ≤ 0.987: roots kept clear of the unit circle for a 1e-6 round trip
        {
            var phi = new double[z.Length];
            ArmaMath.ToStationary(z, phi);
            Assert.True(ArmaMath.RootsOutside(phi, 1));
            var back = new double[z.Length];
            Assert.True(ArmaMath.FromStationary(phi, back));
            for (int i = 0; i < z.Length; i++) Assert.Equal(z[i], back[i], 1e-6);
        });

    [Fact]
    public void RootsOutsideComparesTheRootModulusWithTheRadius()
    {
        // 1 − 0.5x has its root at 2.
        Assert.True(ArmaMath.RootsOutside([0.5], 1.9));
        Assert.False(ArmaMath.RootsOutside([0.5], 2.1));
        // 1 + 0.8x (MA) has its root at −1.25.
        Assert.True(ArmaMath.MaRootsOutside([0.8], 1.2));
        Assert.False(ArmaMath.MaRootsOutside([0.8], 1.3));
    }

    [Fact]
    public void SeasonalDifferencingPolynomialIsExpanded()
    {
        // (1 − B)(1 − B⁴) = 1 − B − B⁴ + B⁵, i.e. yₜ = wₜ + yₜ₋₁ + yₜ₋₄ − yₜ₋₅.
        Assert.Equal([1.0, 0, 0, 1, -1], ArmaMath.Differencing(1, 1, 4));
        Assert.Equal([2.0, -1], ArmaMath.Differencing(2, 0, 1));
    }

    [Fact]
    public void DifferencingIsUndoneByTheIntegrationPolynomial() =>
        Gen.Select(Gen.Double[-100, 100].Array[30], Gen.Int[0, 2], Gen.Int[0, 1]).SamplePinned((y, d, seasonalD) =>
        {
            double[] w = ArmaMath.Difference(y, d, seasonalD, 4);
            double[] delta = ArmaMath.Differencing(d, seasonalD, 4);
            int nd = delta.Length;
            Assert.Equal(y.Length - nd, w.Length);
            for (int t = nd; t < y.Length; t++)
            {
                double rebuilt = w[t - nd];
                for (int j = 1; j <= nd; j++) rebuilt += delta[j - 1] * y[t - j];
                Assert.Equal(y[t], rebuilt, 1e-8);
            }
        });

    [Fact]
    public void ExpandedSeasonalPolynomialsAreProducts()
    {
        // (1 − 0.5B)(1 − 0.3B⁴) = 1 − 0.5B − 0.3B⁴ + 0.15B⁵.
        var ar = new double[5];
        ArmaMath.ExpandAr([0.5], [0.3], 4, ar);
        Assert.Equal([0.5, 0, 0, 0.3, -0.15], ar, new ToleranceComparer(1e-15));
        // (1 + 0.4B)(1 + 0.6B⁴) = 1 + 0.4B + 0.6B⁴ + 0.24B⁵.
        var ma = new double[5];
        ArmaMath.ExpandMa([0.4], [0.6], 4, ma);
        Assert.Equal([0.4, 0, 0, 0.6, 0.24], ma, new ToleranceComparer(1e-15));
    }

    [Fact]
    public void NonInvertibleMaRootsAreInverted()
    {
        double[] ma1 = [2.0];
        ArmaMath.InvertMa(ma1);
        Assert.Equal(0.5, ma1[0], 1e-12);

        // (1 − 2x)(1 − 0.25x) = 1 − 2.25x + 0.5x² has a root at 0.5; inverted: (1 − 0.5x)(1 − 0.25x) = 1 − 0.75x + 0.125x².
        double[] ma2 = [-2.25, 0.5];
        ArmaMath.InvertMa(ma2);
        Assert.Equal(-0.75, ma2[0], 1e-10);
        Assert.Equal(0.125, ma2[1], 1e-10);

        double[] invertible = [0.3, 0.2];
        ArmaMath.InvertMa(invertible);
        Assert.Equal([0.3, 0.2], invertible);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
