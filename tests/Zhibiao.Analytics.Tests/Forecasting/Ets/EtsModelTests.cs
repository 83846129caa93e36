using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Forecasting.Ets;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Forecasting.Ets;

public class EtsModelTests
{
    [Theory]
    [InlineData("ANN", "ETS(A,N,N)")]
    [InlineData("MAdN", "ETS(M,Ad,N)")]
    [InlineData("aada", "ETS(A,Ad,A)")]
    [InlineData("ETS(M,A,M)", "ETS(M,A,M)")]
    [InlineData("MMdM", "ETS(M,Md,M)")]
    public void Codes_parse_to_R_s_names(string code, string name) => Assert.Equal(name, EtsModel.Parse(code).Name);

    [Theory]
    [InlineData("ZZZ")]
    [InlineData("AZN")]
    [InlineData("ZAdZ")]
    public void Specs_with_Z_round_trip(string code) => Assert.Equal(code, EtsSpec.Parse(code).ToString());

    [Theory]
    [InlineData("AB")]
    [InlineData("XNN")]
    [InlineData("ANX")]
    [InlineData("ANdN")]
    [InlineData("AZdN")]
    public void Bad_codes_are_rejected(string code) => Assert.Throws<ArgumentException>(() => EtsSpec.Parse(code));

    [Theory]
    [InlineData("AAdN", "ETS(A,Ad,N)")]
    [InlineData("ets(m,n,n)", "ETS(M,N,N)")]
    public void The_public_options_fix_the_model_by_its_code(string code, string method) =>
        Assert.Equal(method, Forecasters.Ets(new EtsOptions { Model = code }).Fit([10, 12, 11, 13, 12, 14, 13, 15, 14, 16]).Method);

    [Fact]
    public void A_bad_code_in_the_public_options_fails_when_the_forecaster_is_made() =>
        Assert.Contains("QQQ", Assert.Throws<ArgumentException>(() => Forecasters.Ets(new EtsOptions { Model = "QQQ" })).Message, StringComparison.Ordinal);

    [Fact]
    public void Complete_models_need_every_letter() => Assert.Throws<ArgumentException>(() => EtsModel.Parse("ZZN"));

    [Theory]
    [InlineData("ANN", 1)]
    [InlineData("AAdA", 1)]
    [InlineData("MAdN", 2)]
    [InlineData("MNA", 2)]
    [InlineData("MAM", 3)]
    [InlineData("MMN", 0)]
    [InlineData("ANM", 0)]
    public void Variance_classes_follow_the_book(string code, int expected) => Assert.Equal(expected, EtsModel.Parse(code).VarianceClass);

    [Fact]
    public void Restricted_models_are_those_with_infinite_variance()
    {
        Assert.True(EtsModel.Parse("ANM").IsRestricted);
        Assert.True(EtsModel.Parse("AMN").IsRestricted);
        Assert.True(EtsModel.Parse("MMA").IsRestricted);
        Assert.False(EtsModel.Parse("MAM").IsRestricted);
    }

    [Theory]
    [InlineData(0.5, 0, false, 1, true)]
    [InlineData(1.5, 0, false, 1, true)]
    [InlineData(2.1, 0, false, 1, false)]
    [InlineData(0.5, 0.2, true, 1, true)]
    [InlineData(0.5, 3.5, true, 1, false)]
    public void Non_seasonal_admissibility_by_hand(double alpha, double beta, bool trend, double phi, bool expected) =>
        Assert.Equal(expected, EtsAdmissibility.IsAdmissible(alpha, beta, 0, phi, trend, 1));

    [Fact]
    public void Schur_Cohn_agrees_with_the_roots_of_the_characteristic_polynomial()
    {
        var gen = Gen.Select(Gen.Double[0.0001, 1.2], Gen.Double[0.0001, 0.6], Gen.Double[0.0001, 1.2], Gen.Double[0.8, 1.0], Gen.Int[2, 12], Gen.Bool);
        gen.SamplePinned((alpha, beta, gamma, phi, m, trend) =>
        {
            int degree = trend ? m + 1 : m;
            var c = new double[degree + 1];
            EtsAdmissibility.Coefficients(alpha, beta, gamma, phi, trend, m, c);
            double largest = MathNet.Numerics.FindRoots.Polynomial(c).Max(r => r.Magnitude);
            if (Math.Abs(largest - 1) < 1e-6) return true;
            return EtsAdmissibility.IsAdmissible(alpha, beta, gamma, phi, trend, m) == largest < 1;
        }, iter: 2000);
    }

    [Fact]
    public void The_four_lane_kernel_agrees_with_the_recursion()
    {
        var gen = Gen.Select(Gen.Double[0.0001, 0.9999].Array[4], Gen.Double[0.0001, 1], Gen.Double[0.8, 0.98].Array[4], Gen.Int[3, 60], Gen.Bool, Gen.Bool);
        gen.SamplePinned((alpha, betaShare, phi, n, trend, multiplicative) =>
        {
            var rnd = new Random(n);
            double[] y = [.. Enumerable.Range(0, n).Select(t => 100 + t + (10 * rnd.NextDouble()))];
            double[] points = new double[20];
            for (int k = 0; k < 4; k++)
            {
                points[k] = alpha[k];
                points[4 + k] = alpha[k] * betaShare;
                points[8 + k] = phi[k];
                points[12 + k] = 95 + k;
                points[16 + k] = 1.5 - k;
            }

            double[] lik = new double[4];
            EtsKernels.NonSeasonal(y, points, [0, 1, 2, 3, 4], [0, 0, 0, 0, 0], trend, multiplicative, 1e-300, lik);
            var model = new EtsModel(multiplicative ? EtsError.Multiplicative : EtsError.Additive, trend ? EtsTrend.Additive : EtsTrend.None, trend, EtsSeason.None);
            for (int k = 0; k < 4; k++)
            {
                double l = points[12 + k], b = trend ? points[16 + k] : 0;
                var p = new EtsParameters(alpha[k], trend ? points[4 + k] : 0, 0, trend ? phi[k] : 1);
                EtsRecursion.Run(model, p, y, 0, ref l, ref b, [], [], out EtsRecursion.Totals t);
                double expected = (n * Math.Log(t.SumSquares)) + (multiplicative ? 2 * t.SumLogMu : 0);
                if (Math.Abs(lik[k] - expected) > 1e-9 * Math.Max(1, Math.Abs(expected))) return false;
            }

            return true;
        }, iter: 500);
    }

    [Fact]
    public void The_catalogue_offers_ets_and_its_special_cases()
    {
        double[] y = [10, 12, 13, 15, 16, 18, 21, 22, 24, 25, 27, 30, 31, 33];
        Assert.Equal("auto", Forecasters.Default);
        Assert.IsType<EtsForecaster>(Forecasters.Create("ets"));
        Assert.IsType<Zhibiao.Analytics.Forecasting.Ensemble.AutoForecaster>(Forecasters.Create("auto"));
        Assert.Equal("ETS(A,N,N)", Forecasters.Create("ses").Fit(y).Method);
        Assert.Equal("ETS(A,A,N)", Forecasters.Create("holt").Fit(y).Method);
        Assert.Equal("ETS(A,Ad,N)", Forecasters.Create("damped").Fit(y).Method);
        Assert.Equal("holt", Forecasters.Create("holt").Name);
    }
}
