using System.Globalization;
using CsCheck;

namespace Zhibiao.Analytics.Tests.Growth;

public class GrowthTests
{
    public static TheoryData<string, string, double, double, double, double, double> Reference() =>
        Csv.Theory(RepositoryPaths.TestData("Growth", "growth-reference.csv"), r => (r["case"], r["formula"], r.D("from"), r.D("to"), r.D("years"), r.D("expected"), r.D("tolerance")));

    [Theory]
    [MemberData(nameof(Reference))]
    public void Matches_the_hand_calculated_table(string name, string formula, double from, double to, double years, double expected, double tolerance)
    {
        double actual = formula switch
        {
            "yoy" => Zhibiao.Analytics.Growth.YearOnYear(from, to),
            "cagr" => Zhibiao.Analytics.Growth.Cagr(from, to, years),
            "required" => Zhibiao.Analytics.Growth.Required(from, to, years),
            "log" => Zhibiao.Analytics.Growth.LogGrowth(from, to, years),
            "change" => Zhibiao.Analytics.Growth.AnnualChange(from, to, years),
            _ => throw new InvalidOperationException(name),
        };
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{name}: {actual} vs {expected}");
    }

    public static TheoryData<string, double, double, double, string> Undefined() =>
        Csv.Theory(RepositoryPaths.TestData("Growth", "undefined-growth.csv"), r => (r["case"], r.D("from"), r.D("to"), r.D("years"), r["reason"]));

    [Theory]
    [MemberData(nameof(Undefined))]
    public void Undefined_growth_is_a_clear_error_not_NaN(string name, double from, double to, double years, string reason)
    {
        GrowthUndefinedException e = Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.Cagr(from, to, years));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Constant_growth_has_a_CAGR_equal_to_its_rate() =>
        Gen.Select(Gen.Double[-0.5, 1.0], Gen.Int[2, 40], Gen.Double[0.01, 1e9]).SamplePinned((rate, n, start) =>
        {
            double[] y = new double[n];
            y[0] = start;
            for (int i = 1; i < n; i++) y[i] = y[i - 1] * (1 + rate);
            return Math.Abs(Zhibiao.Analytics.Growth.Cagr(y[0], y[^1], n - 1) - rate) <= 1e-9 * (1 + Math.Abs(rate));
        });

    [Fact]
    public void Compounding_year_on_year_growth_gives_the_total_change() =>
        Gen.Double[0.1, 1000].Array[2, 30].SamplePinned(y =>
        {
            var rates = new double[y.Length - 1];
            for (int i = 1; i < y.Length; i++) rates[i - 1] = Zhibiao.Analytics.Growth.YearOnYear(y[i - 1], y[i]);
            double total = (y[^1] / y[0]) - 1;
            return Math.Abs(Zhibiao.Analytics.Growth.Compound(rates) - total) <= 1e-9 * (1 + Math.Abs(total));
        });

    [Fact]
    public void Log_growth_is_the_log_of_one_plus_CAGR() =>
        Gen.Select(Gen.Double[0.1, 1e6], Gen.Double[0.1, 1e6], Gen.Int[1, 30]).SamplePinned((a, b, n) =>
            Math.Abs(Zhibiao.Analytics.Growth.LogGrowth(a, b, n) - Math.Log(1 + Zhibiao.Analytics.Growth.Cagr(a, b, n))) <= 1e-9);

    [Fact]
    public void Index_sets_the_base_to_one_hundred_and_keeps_gaps()
    {
        double[] index = Zhibiao.Analytics.Growth.Index([50, double.NaN, 75, 100], 0);
        Assert.Equal([100, double.NaN, 150, 200], index);
        Assert.Throws<GrowthUndefinedException>(() => Zhibiao.Analytics.Growth.Index([0, 1], 0));
    }

    public static TheoryData<string, double, string, double, string, double, double, double, double> Implied() =>
        Csv.Theory(RepositoryPaths.TestData("Growth", "implied-reference.csv"), r => (r["case"], r.D("level"), r["level_unit"], r.D("change"), r["change_unit"], r.D("expected"), r.D("lower"), r.D("upper"), r.D("tolerance")));

    [Theory]
    [MemberData(nameof(Implied))]
    public void Implied_previous_values_carry_the_rounding_interval(string name, double level, string levelUnit, double change, string changeUnit, double expected, double lower, double upper, double tolerance)
    {
        string id = "x";
        var source = new Source("test");
        var now = new Observation(id, Period.OfYear(2024), Measure.Level, Quantity.Parse(level.ToString(CultureInfo.InvariantCulture), levelUnit), Qualifier.Exact, source);
        Measure measure = changeUnit is "%" or "倍" or "百分点" ? Measure.Growth : Measure.Change;
        var delta = new Observation(id, Period.OfYear(2024), measure, Quantity.Parse(change.ToString(CultureInfo.InvariantCulture), changeUnit), Qualifier.Exact, source);
        Observation previous = ImpliedValues.Previous(now, delta);
        Assert.Equal(Period.OfYear(2023), previous.Period);
        Assert.True(previous.IsDerived, name);
        Assert.Equal(expected, previous.Value.Value, tolerance);
        Assert.Equal(lower, previous.Derivation!.Bounds.Lower, tolerance);
        Assert.Equal(upper, previous.Derivation.Bounds.Upper, tolerance);
        Assert.Contains("implied from", previous.Derivation.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Implied_value_of_a_qualified_level_is_qualified()
    {
        var source = new Source("test");
        var level = new Observation("t", Period.OfYear(2024), Measure.Level, Quantity.Parse("3亿人次"), Qualifier.MoreThan, source);
        var growth = new Observation("t", Period.OfYear(2024), Measure.Growth, Quantity.Parse("14%"), Qualifier.Approx, source);
        Assert.Equal(Qualifier.Approx, ImpliedValues.Previous(level, growth).Qualifier);
        var exactGrowth = growth with { Qualifier = Qualifier.Exact };
        Assert.Equal(Qualifier.MoreThan, ImpliedValues.Previous(level, exactGrowth).Qualifier);
    }

    [Fact]
    public void A_fall_of_one_hundred_percent_leaves_no_previous_value()
    {
        var source = new Source("test");
        var level = new Observation("t", Period.OfYear(2024), Measure.Level, Quantity.Parse("3吨"), Qualifier.Exact, source);
        var growth = new Observation("t", Period.OfYear(2024), Measure.Growth, Quantity.Parse("-100%"), Qualifier.Exact, source);
        Assert.Throws<GrowthUndefinedException>(() => ImpliedValues.Previous(level, growth));
    }
}
