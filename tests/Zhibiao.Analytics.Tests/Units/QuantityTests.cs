using CsCheck;

namespace Zhibiao.Analytics.Tests.UnitsOfMeasure;

public class QuantityTests
{
    [Theory]
    [InlineData("3.2亿人次", 3.2e8, "人次", "亿", 1)]
    [InlineData("4037万千瓦", 4.037e7, "千瓦", "万", 0)]
    [InlineData("4037 万千瓦", 4.037e7, "千瓦", "万", 0)]
    [InlineData("2.37亿吨", 2.37e8, "吨", "亿", 2)]
    [InlineData("1264亿千瓦时", 1.264e11, "千瓦时", "亿", 0)]
    [InlineData("2万亿元", 2e12, "元", "万亿", 0)]
    [InlineData("1.5 million kWh", 1.5e6, "千瓦时", "million", 1)]
    [InlineData("1050斤/亩", 1050, "斤/亩", "", 0)]
    [InlineData("24.8%", 24.8, "%", "", 1)]
    public void Parses_figures_into_base_units(string text, double value, string unit, string magnitude, int decimals)
    {
        Quantity q = Quantity.Parse(text);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit.Symbol);
        Assert.Equal(magnitude, q.Magnitude.Symbol);
        Assert.Equal(decimals, q.Decimals);
    }

    [Theory]
    [InlineData(3.2e8, "人次", "3.2亿人次")]
    [InlineData(4.037e7, "千瓦", "4037万千瓦")]
    [InlineData(1050, "斤", "1050斤")]
    [InlineData(2.654403e8, "人次", "2.6544亿人次")]
    [InlineData(1.2e13, "元", "12万亿元")]
    [InlineData(-5e4, "吨", "-5万吨")]
    public void Display_picks_the_natural_magnitude(double value, string unit, string expected) =>
        Assert.Equal(expected, Quantity.Of(value, Zhibiao.Analytics.Units.Get(unit)).ToString());

    [Fact]
    public void Display_rounds_to_the_digits_asked()
    {
        Assert.Equal("3.313亿人次", Quantity.Of(3.31262e8, Zhibiao.Analytics.Units.PersonTime).ToString(4));
        Assert.Equal("2.5万千瓦", Quantity.Of(24987, Zhibiao.Analytics.Units.Kilowatt).ToString(2));
    }

    [Fact]
    public void Written_form_is_kept()
    {
        Quantity q = Quantity.Parse("26544.03万人次");
        Assert.Equal("26544.03万人次", q.ToWrittenString());
        Assert.Equal(26544.03, q.Written);
        Assert.Equal(2.654403, q.In(Magnitude.Yi), 12);
    }

    [Theory]
    [InlineData("466亿斤", "吨", 2.33e7)]
    [InlineData("1吨", "斤", 2000)]
    [InlineData("1公斤", "斤", 2)]
    [InlineData("15亩", "公顷", 1)]
    [InlineData("1公顷", "亩", 15)]
    [InlineData("1GW", "千瓦", 1e6)]
    [InlineData("4037万千瓦", "GW", 40.37)]
    [InlineData("1264亿千瓦时", "TWh", 126.4)]
    [InlineData("1137.8亿元", "元", 1.1378e11)]
    [InlineData("524.8公斤/亩", "斤/亩", 1049.6)]
    public void Converts_within_a_dimension(string from, string to, double expected) =>
        Assert.Equal(expected, Quantity.Parse(from).ConvertTo(Zhibiao.Analytics.Units.Get(to)).Value, 9);

    [Fact]
    public void Combining_incompatible_units_is_an_error()
    {
        Quantity tonnes = Quantity.Parse("2.37亿吨");
        Quantity kw = Quantity.Parse("4037万千瓦");
        IncompatibleUnitsException e = Assert.Throws<IncompatibleUnitsException>(() => tonnes + kw);
        Assert.Contains("千瓦", e.Message, StringComparison.Ordinal);
        Assert.Throws<IncompatibleUnitsException>(() => tonnes.ConvertTo(Zhibiao.Analytics.Units.Train));
        Assert.Throws<IncompatibleUnitsException>(() => Quantity.Parse("3人次") - Quantity.Parse("3人"));
    }

    [Fact]
    public void Unknown_units_list_the_known_ones()
    {
        UnknownUnitException e = Assert.Throws<UnknownUnitException>(() => Quantity.Parse("3.2亿zz"));
        Assert.Contains("'亿zz'", e.Message, StringComparison.Ordinal);
        Assert.Contains("人次", e.Message, StringComparison.Ordinal);
        Assert.Contains("magnitudes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_unit_wins_over_a_magnitude_split()
    {
        Assert.Equal(Zhibiao.Analytics.Units.Kilowatt, ScaledUnit.Parse("千瓦").Unit);
        Assert.Equal(Magnitude.One, ScaledUnit.Parse("千瓦").Magnitude);
        Assert.Equal(Magnitude.QianWan, ScaledUnit.Parse("千万千瓦").Magnitude);
        Assert.Equal(Magnitude.WanYi, ScaledUnit.Parse("万亿元").Magnitude);
    }

    [Theory]
    [InlineData("0E-99999999999万吨", 0, 15)]
    [InlineData("0e+99999999999999999999吨", 0, 0)]
    [InlineData("0E-99999999999999999999吨", 0, 15)]
    [InlineData("1.5e-3吨", 0.0015, 4)]
    [InlineData("12e2吨", 1200, 0)]
    public void An_exponent_fixes_the_decimals_even_beyond_int(string text, double value, int decimals)
    {
        // AFL crash (issue 16): "2222E-2222222222…" is the finite number 0, and its exponent overflowed int.Parse.
        Quantity q = Quantity.Parse(text);
        Assert.Equal(value, q.Value, 12);
        Assert.Equal(decimals, q.Decimals);
    }

    [Fact]
    public void Fuzz_crash_a_huge_exponent_before_an_unknown_unit_is_an_unknown_unit()
    {
        string afl = System.Text.Encoding.UTF8.GetString([.. "2222E-22222222222"u8, 0x0f, .. "22A2"u8, 0]);
        Assert.Throws<UnknownUnitException>(() => Quantity.Parse(afl));
    }

    [Fact]
    public void Rounding_interval_follows_the_written_decimals()
    {
        Interval r = Quantity.Parse("2.37亿吨").RoundingInterval;
        Assert.Equal(2.365e8, r.Lower, 3);
        Assert.Equal(2.375e8, r.Upper, 3);
        Assert.Equal(0.5e4, Quantity.Parse("4440万亩").HalfWidth, 9);
        Assert.Equal(0, Quantity.Of(3, Zhibiao.Analytics.Units.Tonne).HalfWidth);
    }

    [Fact]
    public void Sums_and_ratios_convert_explicitly()
    {
        Quantity sum = Quantity.Parse("1吨") + Quantity.Parse("500公斤");
        Assert.Equal(1.5, sum.Value, 12);
        Assert.Equal(Zhibiao.Analytics.Units.Tonne, sum.Unit);
        Assert.Equal(2, Quantity.Parse("1吨") / Quantity.Parse("1000斤"), 12);
    }

    [Fact]
    public void Written_text_round_trips() =>
        Gen.Select(Gen.Int[-999_999, 999_999], Gen.Int[0, 3], Gen.Int[0, Magnitude.All.Count], Gen.Int[0, Zhibiao.Analytics.Units.All.Count - 1])
            .SamplePinned((digits, decimals, m, u) =>
            {
                double written = digits / Math.Pow(10, decimals);
                Magnitude magnitude = m == Magnitude.All.Count ? Magnitude.One : Magnitude.All[m];
                Unit unit = Zhibiao.Analytics.Units.All[u];

                // 千 + 米 is written 千米, which is the kilometre: such pairs are a unit of their own.
                if (magnitude != Magnitude.One && Zhibiao.Analytics.Units.Find(magnitude.Symbol + unit.Symbol) is not null) return true;
                Quantity q = Quantity.Reported(written, magnitude, unit, decimals);
                Quantity back = Quantity.Parse(q.WrittenNumber(), q.ScaledUnit.ToString());
                return back == q;
            });

    [Fact]
    public void Normalisation_round_trips_through_every_compatible_unit() =>
        Gen.Select(Gen.Double[1e-3, 1e12], Gen.Int[0, Zhibiao.Analytics.Units.All.Count - 1]).SamplePinned((value, u) =>
        {
            Unit unit = Zhibiao.Analytics.Units.All[u];
            Quantity q = Quantity.Of(value, unit);
            return Zhibiao.Analytics.Units.All.Where(unit.IsCompatibleWith)
                .All(other => Math.Abs(q.ConvertTo(other).ConvertTo(unit).Value - value) <= 1e-12 * value);
        });

    [Fact]
    public void Reported_in_a_magnitude_is_exact()
    {
        Gen.Select(Gen.Int[0, 99_999], Gen.Int[0, 2]).SamplePinned((digits, decimals) =>
        {
            double written = digits / Math.Pow(10, decimals);
            Quantity q = Quantity.Reported(written, Magnitude.Yi, Zhibiao.Analytics.Units.Tonne, decimals);
            return q.In(Magnitude.Yi) == written && q.Written == written;
        });
    }

    [Theory]
    [InlineData("吨")]
    [InlineData("abc")]
    [InlineData("1e400吨")]
    public void Text_without_a_finite_number_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => Quantity.Parse(text));

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Decimals_outside_0_to_15_are_refused(int decimals) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Reported(1, Magnitude.One, Zhibiao.Analytics.Units.Tonne, decimals));

    [Fact]
    public void Non_finite_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(double.NaN, Zhibiao.Analytics.Units.Tonne));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Reported(double.PositiveInfinity, Magnitude.Yi, Zhibiao.Analytics.Units.Tonne));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(1e300, Zhibiao.Analytics.Units.Tonne) * 1e300);
    }

    [Fact]
    public void Default_decimals_are_those_the_number_needs()
    {
        Quantity q = Quantity.Reported(2.375, Magnitude.Yi, Zhibiao.Analytics.Units.Tonne);
        Assert.Equal(3, q.Decimals);
        Assert.Equal(0.5e5, q.HalfWidth, 9);
        Quantity c = Quantity.Parse("1,234.5万吨");
        Assert.Equal((1.2345e7, 1), (c.Value, c.Decimals));
        Quantity e = Quantity.Parse("2.5e3吨");
        Assert.Equal((2500.0, 0), (e.Value, e.Decimals));
    }

    [Fact]
    public void Difference_and_scaling_carry_the_rounding_half_widths()
    {
        // 2.37亿吨 ± 0.005亿, 0.5亿吨 ± 0.05亿: the difference is 1.87亿吨 ± 0.055亿.
        Quantity d = Quantity.Parse("2.37亿吨") - Quantity.Parse("0.5亿吨");
        Assert.Equal(1.87e8, d.Value, 3);
        Assert.Equal(0.055e8, d.HalfWidth, 3);
        Assert.Equal(Magnitude.Yi, d.Magnitude);
        Assert.Null(d.Decimals);

        // × −2: the value changes sign, the half-width doubles and stays positive.
        Quantity m = Quantity.Parse("2.37亿吨") * -2;
        Assert.Equal(-4.74e8, m.Value, 3);
        Assert.Equal(1e6, m.HalfWidth, 6);
        Assert.Equal(m, Quantity.Parse("2.37亿吨").Multiply(-2));
        Assert.Equal(d, Quantity.Parse("2.37亿吨").Subtract(Quantity.Parse("0.5亿吨")));
        Assert.Equal(Quantity.Parse("1吨") + Quantity.Parse("1斤"), Quantity.Parse("1吨").Add(Quantity.Parse("1斤")));
        Assert.Equal(2, Quantity.Parse("1吨").Divide(Quantity.Parse("1000斤")), 12);
    }

    [Fact]
    public void Conversion_carries_the_half_width_and_keeps_the_same_unit_as_written()
    {
        // 1.5吨 stands for [1.45, 1.55] 吨, that is 3000 斤 ± 100 斤.
        Quantity jin = Quantity.Parse("1.5吨").ConvertTo(Zhibiao.Analytics.Units.Jin);
        Assert.Equal(3000, jin.Value, 9);
        Assert.Equal(100, jin.HalfWidth, 9);
        Assert.Null(jin.Decimals);
        Quantity same = Quantity.Parse("2.30亿吨");
        Assert.Equal(same, same.ConvertTo(Zhibiao.Analytics.Units.Tonne));
        // Another unit takes the natural magnitude of its value, in the language it was written in.
        Assert.Equal(Magnitude.Thousand, Quantity.Parse("15000 thousand kWh").ConvertTo(Zhibiao.Analytics.Units.MegawattHour).Magnitude);
        Assert.Equal(Magnitude.Wan, Quantity.Parse("1.5亿千瓦时").ConvertTo(Zhibiao.Analytics.Units.MegawattHour).Magnitude);
    }

    [Fact]
    public void Another_magnitude_changes_only_how_it_is_written()
    {
        Quantity q = Quantity.Parse("26544.03万人次").WithMagnitude(Magnitude.Yi);
        Assert.Equal(2.654403e8, q.Value);
        Assert.Equal(2.654403, q.Written, 12);
        Assert.Equal(50, q.HalfWidth, 9);
        Assert.Null(q.Decimals);
    }

    [Fact]
    public void Display_keeps_written_zeros_only_in_the_natural_magnitude()
    {
        Assert.Equal("2.30亿吨", Quantity.Parse("2.30亿吨").ToString());
        Assert.Equal("2.3亿吨", Quantity.Parse("23000万吨").ToString());
        Assert.Equal("1.5 million 千瓦时", Quantity.Parse("1.5 million kWh").ToString());
        Assert.Equal("0吨", Quantity.Of(0, Zhibiao.Analytics.Units.Tonne).ToString());
        Assert.Equal("1E-20吨", Quantity.Of(1e-20, Zhibiao.Analytics.Units.Tonne).ToString(3));
    }

    [Fact]
    public void Equality_covers_value_unit_and_written_form()
    {
        Quantity a = Quantity.Parse("2.37亿吨");
        Quantity b = Quantity.Reported(2.37, Magnitude.Yi, Zhibiao.Analytics.Units.Tonne, 2);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != Quantity.Parse("2.370亿吨"));
        Assert.True(a != Quantity.Parse("23700万吨"));
        Assert.True(a != Quantity.Parse("2.37亿公斤"));
        Assert.False(a.Equals("2.37亿吨"));
    }

    [Fact]
    public void Unit_factors_and_their_errors()
    {
        Assert.Equal(0.0005, Zhibiao.Analytics.Units.Jin.FactorTo(Zhibiao.Analytics.Units.Tonne), 15);
        Assert.Equal(1, Zhibiao.Analytics.Units.Mu.FactorTo(Zhibiao.Analytics.Units.Mu));
        IncompatibleUnitsException e = Assert.Throws<IncompatibleUnitsException>(() => Zhibiao.Analytics.Units.Tonne.FactorTo(Zhibiao.Analytics.Units.Mu));
        Assert.Equal("cannot convert 吨 (mass) to 亩 (area)", e.Message);
        Assert.Equal("吨", Zhibiao.Analytics.Units.Tonne.ToString());
        Assert.Equal("万千瓦", ScaledUnit.Parse("万千瓦").ToString());
        Assert.Equal("million 千瓦时", ScaledUnit.Parse("million kWh").ToString());
        Assert.Equal(Magnitude.Million, ScaledUnit.Parse(" MILLION kwh ").Magnitude);
        Assert.Throws<UnknownUnitException>(() => Zhibiao.Analytics.Units.Get("zz"));
        Assert.Same(Zhibiao.Analytics.Units.Tonne, Zhibiao.Analytics.Units.Get(" t "));
    }

    [Theory]
    [InlineData("123", "unknown unit ''")]
    [InlineData("5e", "unknown unit 'e'")]
    [InlineData("5E", "unknown unit 'E'")]
    public void A_number_without_a_unit_or_with_a_dangling_exponent_is_an_unknown_unit(string text, string message)
    {
        UnknownUnitException e = Assert.Throws<UnknownUnitException>(() => Quantity.Parse(text));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_begins_with_e_is_not_read_as_an_exponent()
    {
        Quantity q = Quantity.Parse("5events");
        Assert.Equal((5.0, "场次", (int?)0), (q.Value, q.Unit.Symbol, q.Decimals));
        Quantity r = Quantity.Parse("12e2events");
        Assert.Equal((1200.0, "场次"), (r.Value, r.Unit.Symbol));
    }

    [Fact]
    public void A_leading_point_counts_its_decimals()
    {
        Quantity q = Quantity.Parse(".5吨");
        Assert.Equal((0.5, (int?)1), (q.Value, q.Decimals));
        Assert.Equal(0.05, q.HalfWidth, 12);
    }

    [Fact]
    public void A_sum_carries_both_rounding_half_widths()
    {
        // 1.2吨 ± 0.05 and 3.4吨 ± 0.05: 4.6吨 ± 0.1.
        Quantity s = Quantity.Parse("1.2吨") + Quantity.Parse("3.4吨");
        Assert.Equal(4.6, s.Value, 12);
        Assert.Equal(0.1, s.HalfWidth, 12);
    }

    [Fact]
    public void Magnitudes_scale_in_decimal_where_it_fits_and_in_binary_beyond()
    {
        double noisy = 0.1 + 0.2; // 0.30000000000000004
        Assert.Equal(3000, Quantity.Reported(noisy, Magnitude.Wan, Zhibiao.Analytics.Units.Tonne, 1).Value);
        Assert.Equal(3e-5, Quantity.Of(noisy, Zhibiao.Analytics.Units.Tonne).In(Magnitude.Wan));

        // Without a magnitude the number is kept bit for bit.
        Assert.Equal(noisy, Quantity.Reported(noisy, Magnitude.One, Zhibiao.Analytics.Units.Tonne, 15).Value);
        Assert.Equal(noisy, Quantity.Of(noisy, Zhibiao.Analytics.Units.Tonne).In(Magnitude.One));

        // Beyond decimal's range (about 7.9e28) the binary product and quotient are used.
        Golden.Close(1e33, Quantity.Reported(1e25, Magnitude.Yi, Zhibiao.Analytics.Units.Tonne).Value, 1e-12, "1e25亿");
        Golden.Close(1e25, Quantity.Of(1e33, Zhibiao.Analytics.Units.Tonne).In(Magnitude.Yi), 1e-12, "1e33 in 亿");
    }

    [Fact]
    public void A_whole_number_is_written_without_decimals()
    {
        Quantity q = Quantity.Reported(5, Magnitude.One, Zhibiao.Analytics.Units.Tonne);
        Assert.Equal(0, q.Decimals);
        Assert.Equal("5吨", q.ToWrittenString());
        Assert.Equal("-5吨", Quantity.Reported(-5, Magnitude.One, Zhibiao.Analytics.Units.Tonne).ToWrittenString());
    }

    [Fact]
    public void Refusals_say_what_is_wrong()
    {
        ArgumentOutOfRangeException d = Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Reported(1, Magnitude.One, Zhibiao.Analytics.Units.Tonne, 16));
        Assert.StartsWith("decimals must be between 0 and 15", d.Message, StringComparison.Ordinal);
        ArgumentOutOfRangeException f = Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(double.NaN, Zhibiao.Analytics.Units.Tonne));
        Assert.StartsWith("a quantity must be a finite number", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(123.4, 3, "123吨")]
    [InlineData(1234.5, 3, "1230吨")]
    [InlineData(1234.5, 1, "1000吨")]
    [InlineData(-1234.5, 2, "-1200吨")]
    [InlineData(0.0123456, 2, "0.012吨")]
    [InlineData(1.23456789e-13, 3, "1.23E-13吨")]
    [InlineData(1.23456789e-16, 3, "1.23456789E-16吨")]
    public void Display_rounds_to_significant_digits_on_either_side_of_the_point(double value, int digits, string expected) =>
        Assert.Equal(expected, Quantity.Of(value, Zhibiao.Analytics.Units.Tonne).ToString(digits));

    [Fact]
    public void Display_needs_at_least_one_significant_digit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(1234.5, Zhibiao.Analytics.Units.Tonne).ToString(0));
}
