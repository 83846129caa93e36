using CsCheck;

namespace Zhibiao.Analytics.Tests.Periods;

public class PeriodTests
{
    [Theory]
    [InlineData("2024", Frequency.Yearly, 2024, 1)]
    [InlineData("2024-Q1", Frequency.Quarterly, 2024, 1)]
    [InlineData("2024Q4", Frequency.Quarterly, 2024, 4)]
    [InlineData("2024-03", Frequency.Monthly, 2024, 3)]
    [InlineData(" 1990-12 ", Frequency.Monthly, 1990, 12)]
    public void Parses_the_three_forms(string text, Frequency frequency, int year, int sub)
    {
        Period p = Period.Parse(text);
        Assert.Equal(frequency, p.Frequency);
        Assert.Equal(year, p.Year);
        Assert.Equal(sub, p.SubPeriod);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-Q5")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-3")]
    [InlineData("2021-2025")]
    [InlineData("24-01-01")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("97")]
    [InlineData("999-Q1")]
    public void Rejects_what_is_not_a_period(string text)
    {
        Assert.False(Period.TryParse(text, out _));
        FormatException e = Assert.Throws<FormatException>(() => Period.Parse(text));
        Assert.Contains("not a period", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_crosses_year_ends()
    {
        Assert.Equal(Period.OfQuarter(2025, 1), Period.OfQuarter(2024, 4) + 1);
        Assert.Equal(Period.OfMonth(2023, 11), Period.OfMonth(2024, 2) - 3);
        Assert.Equal(14, Period.OfMonth(2025, 3) - Period.OfMonth(2024, 1));
        Assert.Equal(2.5, Period.OfQuarter(2026, 3).YearsSince(Period.OfQuarter(2024, 1)));
    }

    [Fact]
    public void Periods_of_different_frequencies_do_not_compare()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Period.OfYear(2024).CompareTo(Period.OfMonth(2024, 1)));
        Assert.Contains("yearly period 2024", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_round_trips_for_every_frequency() =>
        Gen.Select(Gen.Int[1000, 9990], Gen.Int[1, 12], Gen.Int[0, 2]).SamplePinned((year, sub, f) =>
        {
            Period p = f switch
            {
                0 => Period.OfYear(year),
                1 => Period.OfQuarter(year, ((sub - 1) % 4) + 1),
                _ => Period.OfMonth(year, sub),
            };
            return Period.Parse(p.ToString()) == p && (p + 7) - p == 7;
        });

    [Fact]
    public void Plan_period_has_a_baseline_and_elapsed_share()
    {
        PlanPeriod plan = PlanPeriod.Parse("2021-2025");
        Assert.Equal(Period.OfYear(2020), plan.Baseline);
        Assert.Equal(5, plan.Years);
        Assert.Equal(0.8, plan.ElapsedShare(Period.OfYear(2024)), 12);
        Assert.True(plan.Contains(Period.OfYear(2021)));
        Assert.False(plan.Contains(Period.OfYear(2020)));
        Assert.Equal("2021-2025", plan.ToString());
        Assert.False(PlanPeriod.TryParse("2025-2021", out _));
        Assert.False(PlanPeriod.TryParse("2024-03", out _));
    }
}
