namespace Zhibiao.Analytics.Tests.Periods;

public class PeriodBoundaryTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    [InlineData(2024, 0)]
    [InlineData(2024, 5)]
    public void Quarters_outside_years_1_to_9999_or_1_to_4_are_refused(int year, int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfQuarter(year, quarter));

    [Fact]
    public void The_first_and_last_representable_periods()
    {
        Assert.Equal(1, Period.OfYear(1).Year);
        Assert.Equal((9999, 12), (Period.OfMonth(9999, 12).Year, Period.OfMonth(9999, 12).SubPeriod));
        Assert.Equal(Period.OfYear(9999), Period.OfYear(9998) + 1);
        Assert.Equal(Period.OfQuarter(1, 1), Period.OfQuarter(1, 2) - 1);
        ArgumentOutOfRangeException up = Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfMonth(9999, 12) + 1);
        Assert.Contains("9999-12 + 1 leaves the years 1–9999", up.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfQuarter(1, 1) - 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfYear(2024) + int.MaxValue);
    }

    [Fact]
    public void Ordering_operators_by_hand()
    {
        Period a = Period.OfMonth(2024, 12), b = Period.OfMonth(2025, 1);
        Period a2 = Period.Parse("2024-12");
        Assert.True(a < b && a <= b && b > a && b >= a && a <= a2 && a >= a2);
        Assert.False(a > b || a >= b || b < a || b <= a || a < a2 || a > a2);
        Assert.True(a != b && !(a == b) && a == Period.OfMonth(2024, 12));
        Assert.Equal(-1, ((IComparable)a).CompareTo(b));
        Assert.Throws<ArgumentException>(() => ((IComparable)a).CompareTo("2025-01"));
        Assert.False(Period.OfYear(2024).Equals(Period.OfQuarter(2024, 1)));
        Assert.False(Period.OfYear(2024).Equals((object)"2024"));
        Assert.Equal(Period.OfYear(2024).GetHashCode(), Period.Parse("2024").GetHashCode());
    }

    [Fact]
    public void Formats_into_a_span_only_when_it_fits()
    {
        Span<char> small = stackalloc char[6];
        Assert.False(Period.OfMonth(2024, 3).TryFormat(small, out int n, default, null));
        Assert.Equal(0, n);
        Span<char> enough = stackalloc char[7];
        Assert.True(Period.OfMonth(2024, 3).TryFormat(enough, out n, default, null));
        Assert.Equal("2024-03", enough[..n].ToString());
        Assert.Equal("2024-Q2", $"{Period.OfQuarter(2024, 2)}");
    }

    [Theory]
    [InlineData("2024-q3", Frequency.Quarterly, 3)]
    [InlineData("2024q1", Frequency.Quarterly, 1)]
    [InlineData("1000", Frequency.Yearly, 1)]
    [InlineData("2024-10", Frequency.Monthly, 10)]
    public void More_accepted_forms(string text, Frequency frequency, int sub)
    {
        Period p = Period.Parse(text);
        Assert.Equal((frequency, sub), (p.Frequency, p.SubPeriod));
    }

    [Theory]
    [InlineData("2024-Q0")]
    [InlineData("2024-QQ")]
    [InlineData("2024Q")]
    [InlineData("2024-1a")]
    [InlineData("2024-Q12")]
    [InlineData("20245")]
    public void More_rejected_forms(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Errors_say_why_and_quote_a_short_excerpt()
    {
        Assert.Equal("'19' is not a period: the year 19 is outside 1000–9999 (write the year in full, e.g. 2019)",
            Assert.Throws<FormatException>(() => Period.Parse("19")).Message);
        string longText = "2024-" + new string('x', 100);
        string message = Assert.Throws<FormatException>(() => Period.Parse(longText)).Message;
        Assert.Equal($"'{longText[..60]}…' is not a period (expected 2024, 2024-Q1 or 2024-03)", message);
    }

    [Theory]
    [InlineData("annual", Frequency.Yearly)]
    [InlineData(" Q ", Frequency.Quarterly)]
    [InlineData("month", Frequency.Monthly)]
    public void Frequency_words(string text, Frequency expected) => Assert.Equal(expected, FrequencyExtensions.ParseFrequency(text));

    [Fact]
    public void Frequency_tokens_and_unknown_frequencies()
    {
        Assert.Equal(("yearly", 1), (Frequency.Yearly.ToToken(), Frequency.Yearly.PeriodsPerYear()));
        Assert.Equal(("quarterly", 4), (Frequency.Quarterly.ToToken(), Frequency.Quarterly.PeriodsPerYear()));
        Assert.Equal(("monthly", 12), (Frequency.Monthly.ToToken(), Frequency.Monthly.PeriodsPerYear()));
        Assert.Equal("unknown frequency 'weekly' (known: yearly, quarterly, monthly)",
            Assert.Throws<FormatException>(() => FrequencyExtensions.ParseFrequency("weekly")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Frequency)7).PeriodsPerYear());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Frequency)7).ToToken());
    }

    [Fact]
    public void Plan_period_edges()
    {
        PlanPeriod plan = PlanPeriod.Parse(" 2021–2025 ");
        Assert.Equal(0, plan.ElapsedShare(Period.OfYear(2019)));
        Assert.Equal(1, plan.ElapsedShare(Period.OfYear(2030)));
        Assert.True(plan.Contains(Period.OfYear(2025)));
        Assert.False(plan.Contains(Period.OfYear(2026)));
        Assert.False(plan.Contains(Period.OfQuarter(2023, 1)));
        Assert.Equal(PlanPeriod.Parse("2021~2025"), plan);
        Assert.Equal(1, PlanPeriod.Parse("2025-2025").Years);
        Assert.False(PlanPeriod.TryParse("0000-2025", out _));
        Assert.False(PlanPeriod.TryParse("2021-25", out _));
        Assert.Equal("'2021/2025' is not a plan period (expected e.g. 2021-2025)",
            Assert.Throws<FormatException>(() => PlanPeriod.Parse("2021/2025")).Message);
    }
}
