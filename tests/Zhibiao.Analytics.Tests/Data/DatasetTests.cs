using Zhibiao.Analytics.Data;

namespace Zhibiao.Analytics.Tests.Data;

public class DatasetTests
{
    private const string Indicators = "id,name_zh,name_en,unit,frequency,direction,kind\narrivals,接待游客,tourist arrivals,人次,yearly,higher,flow\n";
    private const string ObservationHeader = "indicator,period,measure,value,unit,qualifier,source,address,note\n";
    private const string Targets = "indicator,period,value,unit,kind,direction,source\narrivals,2025,3.2,亿人次,level,at_least,report\n";

    private static TempDirectory Dataset(string observations, string? indicators = null, string? targets = null)
    {
        var dir = new TempDirectory();
        dir.File("indicators.csv", indicators ?? Indicators);
        dir.File("observations.csv", observations);
        dir.File("targets.csv", targets ?? Targets);
        return dir;
    }

    [Fact]
    public void The_shipped_dataset_loads_and_has_the_tourist_target()
    {
        Dataset d = Zhibiao.Analytics.Data.Dataset.Load(RepositoryPaths.XinjiangDataset);
        Target t = Assert.Single(d.Targets);
        Assert.Equal("tourist_arrivals", t.IndicatorId);
        Assert.Equal(3.2e8, t.Value.Value);
        Observation latest = d.Series("tourist_arrivals").Latest!;
        Assert.Equal(Qualifier.MoreThan, latest.Qualifier);
        Assert.Equal(3e8, latest.Value.Value);
    }

    [Fact]
    public void Files_round_trip_byte_for_byte()
    {
        using var dir = new TempDirectory();
        Zhibiao.Analytics.Data.Dataset.Load(RepositoryPaths.XinjiangDataset).Save(dir.Path);
        foreach (string file in (string[])["indicators.csv", "observations.csv", "targets.csv"])
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.XinjiangDataset, file)), File.ReadAllText(Path.Combine(dir.Path, file)));
        Dataset again = Zhibiao.Analytics.Data.Dataset.Load(dir.Path);
        Dataset original = Zhibiao.Analytics.Data.Dataset.Load(RepositoryPaths.XinjiangDataset);
        Assert.Equal(original.Observations, again.Observations);
        Assert.Equal(original.Indicators, again.Indicators);
        Assert.Equal(original.Targets, again.Targets);
    }

    [Theory]
    [InlineData("arrivals,2024,level,3,亿zz,exact,r,,\n", "observations.csv:2: column 'unit': unknown unit '亿zz' (known units:")]
    [InlineData("arrivals,2024,level,3,亿吨,exact,r,,\n", "observations.csv:2: column 'unit': arrivals 2024: a level in 吨 does not fit")]
    [InlineData("visitors,2024,level,3,亿人次,exact,r,,\n", "observations.csv:2: column 'indicator': unknown indicator 'visitors'")]
    [InlineData("arrivals,2024-13,level,3,亿人次,exact,r,,\n", "observations.csv:2: column 'period': '2024-13' is not a period")]
    [InlineData("arrivals,2024-03,level,3,亿人次,exact,r,,\n", "observations.csv:2: column 'period': arrivals 2024-03: monthly period for a yearly indicator")]
    [InlineData("arrivals,2024,level,three,亿人次,exact,r,,\n", "observations.csv:2: column 'value': 'three' is not a number")]
    [InlineData("arrivals,2024,level,1e305,亿人次,exact,r,,\n", "observations.csv:2: column 'value': 1E+305亿人次 is beyond the largest number a value can hold")]
    [InlineData("arrivals,2024,level,1e300,亿人次,exact,r,,\n", "observations.csv:2: column 'value': arrivals 2024: 1E+300亿人次 is 1E+308 人次, beyond the 1E+100")]
    [InlineData("arrivals,2024,level,3,亿人次,roughly,r,,\n", "observations.csv:2: column 'qualifier': unknown qualifier 'roughly'")]
    [InlineData("arrivals,2024,stock,3,亿人次,exact,r,,\n", "observations.csv:2: column 'measure': unknown measure 'stock'")]
    [InlineData("arrivals,2024,level,,亿人次,exact,r,,\n", "observations.csv:2: column 'value': value is missing")]
    [InlineData("arrivals,2024,level,3,亿人次,exact\n", "observations.csv:2: row has 6 fields, the header has 9")]
    [InlineData("arrivals,2024,level,3,亿人次,exact,r,,\narrivals,2024,level,3.1,亿人次,exact,r,,\n", "observations.csv:3: column 'value': arrivals 2024 level disagrees with line 2")]
    [InlineData("arrivals,2024,growth,3,亿人次,exact,r,,\n", "observations.csv:2: column 'unit': arrivals 2024: a growth in 人次 does not fit")]
    public void Bad_rows_name_file_line_column_and_reason(string rows, string expected)
    {
        using TempDirectory dir = Dataset(ObservationHeader + rows);
        DataFormatException e = Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(dir.Path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Identical_repeats_are_kept_once()
    {
        using TempDirectory dir = Dataset(ObservationHeader + "arrivals,2024,level,3,亿人次,exact,r,,\narrivals,2024,level,30000,万人次,exact,s,,\n");
        Assert.Single(Zhibiao.Analytics.Data.Dataset.Load(dir.Path).Observations);
    }

    [Fact]
    public void Headers_must_be_complete_and_known()
    {
        using TempDirectory missing = Dataset("indicator,period,value,unit,qualifier,source\n");
        Assert.Contains("column 'measure': column is missing", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(missing.Path)).Message, StringComparison.Ordinal);
        using TempDirectory extra = Dataset(ObservationHeader.TrimEnd() + ",colour\n");
        Assert.Contains("column 'colour': unknown column", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(extra.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_targets_and_indicators_are_reported()
    {
        using TempDirectory badTarget = Dataset(ObservationHeader, targets: "indicator,period,value,unit,kind,direction,source\narrivals,2025,3.2,亿吨,level,at_least,r\n");
        Assert.Contains("targets.csv:2: column 'unit'", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(badTarget.Path)).Message, StringComparison.Ordinal);
        using TempDirectory badDirection = Dataset(ObservationHeader, targets: "indicator,period,value,unit,kind,direction,source\narrivals,2025,3.2,亿人次,level,upwards,r\n");
        Assert.Contains("column 'direction': unknown target direction 'upwards'", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(badDirection.Path)).Message, StringComparison.Ordinal);
        using TempDirectory cumulative = Dataset(ObservationHeader, targets: "indicator,period,value,unit,kind,direction,source\narrivals,2025,3.2,亿人次,cumulative,at_least,r\n");
        Assert.Contains("needs a plan period", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(cumulative.Path)).Message, StringComparison.Ordinal);
        using TempDirectory badUnit = Dataset(ObservationHeader, indicators: "id,name_zh,name_en,unit,frequency,direction,kind\narrivals,a,b,人次,weekly,higher,flow\n");
        Assert.Contains("indicators.csv:2: column 'frequency': unknown frequency 'weekly'", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(badUnit.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_level_target_of_a_flow_indicator_is_an_error_naming_file_line_and_column()
    {
        // Issue 16: −1.5亿人次 of tourist arrivals was accepted with only a note.
        using TempDirectory dir = Dataset(ObservationHeader, targets: "indicator,period,value,unit,kind,direction,source\narrivals,2026,-1.5,亿人次,level,at_least,x\n");
        DataFormatException e = Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(dir.Path));
        Assert.Contains("targets.csv:2: column 'value': arrivals target 2026: a level target of -1.5亿人次 is negative, but arrivals is a flow indicator", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("level", "亩", "2025,-1,万亩,level")]
    [InlineData("share", "%", "2025,-2,%,share")]
    [InlineData("share", "%", "2025,-2,%,level")]
    [InlineData("flow", "人次", "2021-2025,-12,亿人次,cumulative")]
    public void Stocks_flows_and_shares_refuse_negative_targets(string kind, string unit, string target)
    {
        string indicators = $"id,name_zh,name_en,unit,frequency,direction,kind\nx,x,x,{unit},yearly,higher,{kind}\n";
        using TempDirectory dir = Dataset(ObservationHeader, indicators, $"indicator,period,value,unit,kind,direction,source\nx,{target},at_least,r\n");
        Assert.Contains("targets.csv:2: column 'value'", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(dir.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_may_have_a_negative_level_target_and_any_indicator_a_negative_growth_target()
    {
        // 单位国内生产总值能耗降低3%左右 is the rate −3 %; a growth target of −2 % asks for a decline.
        const string indicators = "id,name_zh,name_en,unit,frequency,direction,kind\nenergy,单位能耗变化,energy intensity change,%,yearly,lower,rate\narrivals,接待游客,tourist arrivals,人次,yearly,higher,flow\n";
        using TempDirectory dir = Dataset(ObservationHeader, indicators, "indicator,period,value,unit,kind,direction,source\nenergy,2025,-3,%,level,at_most,r\narrivals,2025,-2,%,growth,at_least,r\n");
        Dataset d = Zhibiao.Analytics.Data.Dataset.Load(dir.Path);
        Assert.Equal([-3.0, -2.0], d.Targets.Select(t => t.Value.Value));
    }

    [Fact]
    public void A_missing_directory_or_file_is_named()
    {
        Assert.Contains("dataset directory not found", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load("/nonexistent/dir")).Message, StringComparison.Ordinal);
        using var dir = new TempDirectory();
        dir.File("indicators.csv", Indicators);
        Assert.Contains("observations.csv: file not found", Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(dir.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_period_targets_round_trip()
    {
        using TempDirectory dir = Dataset(ObservationHeader, targets: "indicator,period,value,unit,kind,direction,source,tolerance\narrivals,2021-2025,12,亿人次,cumulative,at_least,plan,\narrivals,2025,5,%,growth,about,plan,0.3\n");
        Dataset d = Zhibiao.Analytics.Data.Dataset.Load(dir.Path);
        Assert.Equal(PlanPeriod.Parse("2021-2025"), d.Targets[0].Plan);
        Assert.Equal(Period.OfYear(2025), d.Targets[0].Deadline);
        Assert.Equal(0.3, d.Targets[1].Tolerance);
        using var copy = new TempDirectory();
        d.Save(copy.Path);
        Assert.Equal(d.Targets, Zhibiao.Analytics.Data.Dataset.Load(copy.Path).Targets);
    }

    [Fact]
    public void Verdicts_round_trip_byte_for_byte_and_survive_as_of()
    {
        const string verdicts = "report_year,year,indicator,met,source,address,text\n2025,2024,arrivals,false,r-2025.txt,chars 10-20,游客目标没有完成\n2026,2025,*main*,true,r-2026.txt,,主要目标全面完成\n";
        using TempDirectory dir = Dataset(ObservationHeader);
        dir.File("verdicts.csv", verdicts);
        Dataset d = Zhibiao.Analytics.Data.Dataset.Load(dir.Path);
        Assert.Equal(new ReportVerdict(2025, 2024, "arrivals", false, "r-2025.txt", 10, 20, "游客目标没有完成"), d.Verdicts[0]);
        Assert.Null(d.Verdicts[1].IndicatorId);
        using var copy = new TempDirectory();
        d.Save(copy.Path);
        Assert.Equal(verdicts, File.ReadAllText(Path.Combine(copy.Path, "verdicts.csv")));
        // a verdict is published in its report's year: as of 2025 the 2026 report's is not known yet
        Assert.Single(d.AsOf(Period.OfYear(2025)).Verdicts);
    }

    [Theory]
    [InlineData("2025,2024,visitors,false,r,,\n", "verdicts.csv:2: column 'indicator': unknown indicator 'visitors'")]
    [InlineData("2025,2025,arrivals,false,r,,\n", "verdicts.csv:2: column 'year': the year judged (2025) is not before the report's (2025)")]
    [InlineData("2025,2024,arrivals,maybe,r,,\n", "verdicts.csv:2: column 'met': 'maybe' is not true or false")]
    [InlineData("2025,2024,arrivals,true,r,line 3,\n", "verdicts.csv:2: column 'address': 'line 3' is not an address")]
    [InlineData("25,2024,arrivals,true,r,,\n", "verdicts.csv:2: column 'report_year': '25' is not a year")]
    public void Bad_verdicts_name_file_line_column_and_reason(string rows, string expected)
    {
        using TempDirectory dir = Dataset(ObservationHeader);
        dir.File("verdicts.csv", "report_year,year,indicator,met,source,address,text\n" + rows);
        DataFormatException e = Assert.Throws<DataFormatException>(() => Zhibiao.Analytics.Data.Dataset.Load(dir.Path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_format_reads_gaps_as_missing_and_rejects_disorder()
    {
        using var dir = new TempDirectory();
        string ok = dir.File("ok.csv", "unique_id,ds,y\na,2020,1\na,2022,3\nb,2024-Q1,5\nb,2024-Q2,\n");
        IReadOnlyList<LongSeries> s = LongFormat.Read(ok);
        Assert.Equal(2, s.Count);
        Assert.Equal(3, s[0].Values.Length);
        Assert.True(double.IsNaN(s[0].Values.Span[1]));
        Assert.True(s[1].HasMissing);
        Assert.Equal(Period.OfQuarter(2024, 2), s[1].End);

        string back = dir.File("back.csv", "unique_id,ds,y\na,2020,1\na,2019,3\n");
        Assert.Contains("back.csv:3: column 'ds': series 'a': 2019 does not follow 2020", Assert.Throws<DataFormatException>(() => LongFormat.Read(back)).Message, StringComparison.Ordinal);
        string split = dir.File("split.csv", "unique_id,ds,y\na,2020,1\nb,2020,3\na,2021,3\n");
        Assert.Contains("split.csv:4: column 'unique_id': rows of series 'a' are not together", Assert.Throws<DataFormatException>(() => LongFormat.Read(split)).Message, StringComparison.Ordinal);
        string bad = dir.File("bad.csv", "unique_id,ds,y\na,2020,x\n");
        Assert.Contains("bad.csv:2: column 'y': 'x' is not a finite number", Assert.Throws<DataFormatException>(() => LongFormat.Read(bad)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongFormatReadsTheYearsOfUndatedSeriesAsAnIndex()
    {
        // M1 and M3 number series of unknown start from year 1: "1", "1-Q4, 2-Q1", "1-12, 2-01" (issue 13's collections).
        using var dir = new TempDirectory();
        string path = dir.File("undated.csv", "unique_id,ds,y\no,1,1\no,2,2\nq,1-Q4,3\nq,2-Q1,4\nm,1-12,5\nm,2-01,6\n");
        IReadOnlyList<LongSeries> s = LongFormat.Read(path);
        Assert.Equal([Period.OfYear(2), Period.OfQuarter(2, 1), Period.OfMonth(2, 1)], s.Select(x => x.End));
        Assert.All(s, x => Assert.Equal(2, x.Values.Length));

        // The dataset files keep the plausible years: there "19" is a typo, not an index.
        Assert.Throws<FormatException>(() => Period.Parse("19-Q1"));
        string zero = dir.File("zero.csv", "unique_id,ds,y\na,0-Q1,1\n");
        Assert.Contains("zero.csv:2: column 'ds': '0-Q1' is not a period", Assert.Throws<DataFormatException>(() => LongFormat.Read(zero)).Message, StringComparison.Ordinal);
    }
}
