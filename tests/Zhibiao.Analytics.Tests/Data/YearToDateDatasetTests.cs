using System.Globalization;
using System.Text;
using CsCheck;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting.Baselines;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Tests.Data;

/// <summary>
/// Year-to-date figures in a dataset (observations.csv basis column): read, written back byte for byte, refused when
/// malformed, turned into period values by <see cref="Dataset.Series"/>, cut by <see cref="Dataset.AsOf"/>, and judged
/// as the equivalent period values are.
/// </summary>
public class YearToDateDatasetTests
{
    private const string Indicators = "id,name_zh,name_en,unit,frequency,direction,kind\narrivals,接待游客,tourist arrivals,人次,monthly,higher,flow\n";
    private const string Header = "indicator,period,measure,value,unit,qualifier,source,address,note,vintage,basis\n";
    private const string Targets = "indicator,period,value,unit,kind,direction,source\narrivals,2025,1500,万人次,level,at_least,plan\n";

    /// <summary>The 2022 pattern by month (total 1500); later years: odd months gain 2 a year, even months lose 2.</summary>
    private static readonly int[] Pattern = [100, 90, 110, 120, 130, 140, 150, 160, 130, 120, 110, 140];

    private static int Value(int year, int month) => Pattern[month - 1] + ((month % 2 == 1 ? 2 : -2) * (year - 2022));

    private static TempDirectory Write(string observations, string? targets = null)
    {
        var dir = new TempDirectory();
        dir.File("indicators.csv", Indicators);
        dir.File("observations.csv", observations);
        dir.File("targets.csv", targets ?? Targets);
        return dir;
    }

    /// <summary>2022-01 … <paramref name="last"/> as period values, or as year-to-date totals (1–N月累计).</summary>
    private static string Monthly(Period last, bool yearToDate)
    {
        var s = new StringBuilder(Header);
        int sum = 0;
        for (Period p = Period.OfMonth(2022, 1); p <= last; p += 1)
        {
            if (p.SubPeriod == 1) sum = 0;
            sum += Value(p.Year, p.SubPeriod);
            int v = yearToDate ? sum : Value(p.Year, p.SubPeriod);
            s.Append(CultureInfo.InvariantCulture, $"arrivals,{p},level,{v},万人次,exact,bulletin-{p},,,{p},{(yearToDate ? "year_to_date" : "period")}\n");
        }

        return s.ToString();
    }

    [Fact]
    public void A_file_with_the_basis_column_round_trips_byte_for_byte()
    {
        string observations = Header
            + "arrivals,2025-08,level,50,万人次,exact,b,,,2025-09,period\n"
            + "arrivals,2025-09,level,1136,万人次,exact,b,chars 10-20,1—9月,2025-10,year_to_date\n"
            + "arrivals,2025-09,level,130,万人次,exact,b,,,2025-10,period\n"
            + "arrivals,2025-09,growth,0.5,%,exact,b,,累计增长,2025-10,year_to_date\n";
        using TempDirectory dir = Write(observations);
        Dataset d = Dataset.Load(dir.Path);
        Assert.Equal([false, true, false, true], d.Observations.Select(o => o.IsYearToDate));
        using var copy = new TempDirectory();
        d.Save(copy.Path);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "observations.csv")), File.ReadAllBytes(Path.Combine(copy.Path, "observations.csv")));
        Assert.Equal(d.Observations, Dataset.Load(copy.Path).Observations);
    }

    [Fact]
    public void A_file_without_the_basis_column_reads_as_period_values_and_is_written_without_it()
    {
        const string old = "indicator,period,measure,value,unit,qualifier,source,address,note\narrivals,2025-09,level,130,万人次,exact,b,,\n";
        using TempDirectory dir = Write(old);
        Dataset d = Dataset.Load(dir.Path);
        Assert.False(Assert.Single(d.Observations).IsYearToDate);
        using var copy = new TempDirectory();
        d.Save(copy.Path);
        Assert.Equal(old, File.ReadAllText(Path.Combine(copy.Path, "observations.csv")));
    }

    [Theory]
    [InlineData("arrivals,2025-09,level,1136,万人次,exact,b,,,,cumulative\n", "observations.csv:2: column 'basis': unknown basis 'cumulative' (known: period, year_to_date)")]
    [InlineData("arrivals,2025-09,change,12,万人次,exact,b,,,,year_to_date\n", "observations.csv:2: column 'basis': arrivals 2025-09: a year-to-date figure is a level (the total so far) or a growth, not a change")]
    [InlineData("arrivals,2025-09,level,1136,万人次,exact,b,,,,year_to_date\narrivals,2025-09,level,1137,万人次,exact,b,,,,year_to_date\n", "observations.csv:3: column 'value': arrivals 2025-09 year-to-date level disagrees with line 2")]
    public void Bad_basis_values_name_file_line_and_column(string rows, string expected)
    {
        using TempDirectory dir = Write(Header + rows);
        DataFormatException e = Assert.Throws<DataFormatException>(() => Dataset.Load(dir.Path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_yearly_year_to_date_figure_is_refused()
    {
        using var dir = new TempDirectory();
        dir.File("indicators.csv", "id,name_zh,name_en,unit,frequency,direction,kind\nx,x,x,人次,yearly,higher,flow\n");
        dir.File("observations.csv", Header + "x,2025,level,1,万人次,exact,b,,,,year_to_date\n");
        dir.File("targets.csv", "indicator,period,value,unit,kind,direction,source\n");
        DataFormatException e = Assert.Throws<DataFormatException>(() => Dataset.Load(dir.Path));
        Assert.Contains("observations.csv:2: column 'basis': x 2025: a year-to-date figure needs a monthly or quarterly period", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Year_to_date_totals_give_the_period_values_worked_by_hand()
    {
        // 1–2月 25 (January never alone), 1–3月 45, 1–4月 70; 2024 January 4, February 6 → 2025 January 25·4/10 = 10, February 15.
        using TempDirectory dir = Write(Header
            + "arrivals,2024-01,level,4,万人次,exact,b,,,,period\narrivals,2024-02,level,6,万人次,exact,b,,,,period\n"
            + "arrivals,2025-02,level,25,万人次,exact,b,,,,year_to_date\narrivals,2025-03,level,45,万人次,exact,b,,,,year_to_date\n"
            + "arrivals,2025-04,level,70,万人次,exact,b,,,,year_to_date\narrivals,2025-04,level,24,万人次,exact,b,,,,period\n");
        IndicatorSeries s = Dataset.Load(dir.Path).Series("arrivals");
        double At(int month) => s.Find(Period.OfMonth(2025, month))!.Value.Value;
        Assert.Equal(10e4, At(1), 6);
        Assert.Equal(15e4, At(2), 6);
        Assert.Equal(20e4, At(3), 6);
        // A reported period value wins over the one the totals give (25).
        Assert.Equal(24e4, At(4), 6);
        Assert.False(s.Find(Period.OfMonth(2025, 4))!.IsDerived);
        Observation march = s.Find(Period.OfMonth(2025, 3))!;
        Assert.True(march.IsDerived);
        Assert.Contains("the year-to-date total of 2025-03 less the year-to-date total of 2025-02", march.Derivation!.Method, StringComparison.Ordinal);
        // Rounding: each total is ±0.5万, so March lies in 20 ± 1万.
        Assert.Equal(new Interval(19e4, 21e4), march.Derivation.Bounds);
    }

    [Fact]
    public void Year_to_date_growth_with_last_years_totals_gives_the_period_values()
    {
        // 1–9月 2024: 1000; 1–10月 2024: 1100; 2025: 1–9月 1050 reported, 1–10月 growth 5% → 1155, October 105.
        using TempDirectory dir = Write(Header
            + "arrivals,2024-09,level,1000,万人次,exact,b,,,,year_to_date\narrivals,2024-10,level,1100,万人次,exact,b,,,,year_to_date\n"
            + "arrivals,2025-09,level,1050,万人次,exact,b,,,,year_to_date\narrivals,2025-10,growth,5,%,exact,b,,,,year_to_date\n");
        Dataset d = Dataset.Load(dir.Path);
        IndicatorSeries s = d.Series("arrivals");
        Assert.Equal(105e4, s.Find(Period.OfMonth(2025, 10))!.Value.Value, 6);
        Assert.Equal(100e4, s.Find(Period.OfMonth(2024, 10))!.Value.Value, 6);
        // The year started before the series: no values for September (its months are unknown).
        Assert.Null(s.Find(Period.OfMonth(2024, 9)));
        // A year-to-date growth is no growth over the month before.
        Assert.Empty(d.ChangesOf("arrivals"));
    }

    [Theory]
    [InlineData("arrivals,2025-02,level,25,万人次,exact,b,,,,year_to_date\narrivals,2025-03,level,24,万人次,exact,b,,,,year_to_date\n", "arrivals 2025-03: the year-to-date total 240000 is below 250000 of 2025-02")]
    [InlineData("arrivals,2025-02,level,25,万人次,exact,b,,,,year_to_date\narrivals,2025-04,level,70,万人次,exact,b,,,,year_to_date\n", "arrivals 2025-03: no year-to-date value between 2025-02 and 2025-04")]
    public void Falling_or_gapped_totals_are_errors_naming_the_indicator_and_period(string rows, string expected)
    {
        using TempDirectory dir = Write(Header + rows);
        Dataset d = Dataset.Load(dir.Path);
        AnalyticsException e = Assert.Throws<AnalyticsException>(() => d.Series("arrivals"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_of_year_to_date_totals_is_judged_as_the_dataset_of_period_values()
    {
        Period september = Period.OfMonth(2025, 9);
        using TempDirectory periods = Write(Monthly(september, yearToDate: false));
        using TempDirectory totals = Write(Monthly(september, yearToDate: true));
        Dataset a = Dataset.Load(periods.Path), b = Dataset.Load(totals.Path);
        Assert.Equal(a.Series("arrivals").Select(o => o.Value.Value), b.Series("arrivals").Select(o => o.Value.Value));

        // The library's default (ets) through DatasetReview, as track --as-of judges.
        YearToDateAssessment x = Assert.Single(DatasetReview.Of(a, september).YearToDate);
        YearToDateAssessment y = Assert.Single(DatasetReview.Of(b, september).YearToDate);
        Assert.Equal(9, y.PeriodsPublished);
        Assert.Equal(1136e4, y.PublishedTotal, 3);
        Assert.Equal(x.PublishedTotal, y.PublishedTotal);
        Assert.Equal(x.ProbabilityMet, y.ProbabilityMet);
        Assert.Equal(x.Median, y.Median);
        Assert.Equal(x.RequiredGrowth, y.RequiredGrowth);

        // And the seasonal naive model, whose P(met) is worked by hand in YearToDateAssessorTests (0.718).
        var snaive = new AssessmentOptions { Forecaster = new SeasonalNaiveForecaster(), Paths = 20_000, Seed = 7 };
        Target target = Assert.Single(b.Targets);
        double pa = YearToDateAssessor.Assess(a.Series("arrivals"), target, september, snaive).ProbabilityMet;
        double pb = YearToDateAssessor.Assess(b.Series("arrivals"), target, september, snaive).ProbabilityMet;
        Assert.Equal(pa, pb);
        Assert.Equal(0.7181, pb, 0.015);
    }

    [Fact]
    public void Any_whole_number_monthly_flow_written_as_year_to_date_totals_reads_back_as_its_months()
    {
        // Whole numbers: the totals and their differences are exact, so the series must be the months themselves.
        Gen.Int[1, 3].SelectMany(years => Gen.Int[0, 100_000].Array[12 * years]).SamplePinned(x =>
        {
            Period start = Period.OfMonth(2020, 1);
            var rows = new StringBuilder(Header);
            int sum = 0;
            for (int i = 0; i < x.Length; i++)
            {
                Period p = start + i;
                if (p.SubPeriod == 1) sum = 0;
                sum += x[i];
                rows.Append(CultureInfo.InvariantCulture, $"arrivals,{p},level,{sum},人次,exact,b,,,,year_to_date\n");
            }

            using TempDirectory dir = Write(rows.ToString());
            IndicatorSeries s = Dataset.Load(dir.Path).Series("arrivals");
            Assert.Equal(x.Select(v => (double)v), s.Select(o => o.Value.Value));
            Assert.All(s, o => Assert.True(o.IsDerived));
        }, iter: 25, seed: "0ytd0dataset1");
    }

    [Fact]
    public void As_of_cuts_year_to_date_figures_by_their_period_and_vintage()
    {
        using TempDirectory later = Write(Monthly(Period.OfMonth(2025, 12), yearToDate: true));
        using TempDirectory then = Write(Monthly(Period.OfMonth(2025, 9), yearToDate: true));
        Dataset cut = Dataset.Load(later.Path).AsOf(Period.OfMonth(2025, 9));
        Assert.Equal(Dataset.Load(then.Path).Observations, cut.Observations);
        Assert.Equal(Period.OfMonth(2025, 9), cut.Series("arrivals").Latest!.Period);
    }
}
