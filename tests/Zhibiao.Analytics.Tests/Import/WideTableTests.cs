using MiniExcelLibs;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Import;
using Zhibiao.Analytics.Tests.Cli;

namespace Zhibiao.Analytics.Tests.Import;

/// <summary>
/// Wide tables as analysts download them, made here: a World Bank bulk CSV (metadata rows, a trailing comma, empty
/// cells), a World Bank DataBank CSV ("2019 [YR2019]" columns, ".." for missing, footnotes below), and a statistics
/// office's XLSX (metadata with the indicator and its unit, years descending as 2023年, notes below), written with
/// MiniExcel in the test. Values are checked against the cells by hand.
/// </summary>
public sealed class WideTableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    // The World Bank's bulk download (API_…csv): four metadata lines, a header whose last cell is empty, a trailing comma.
    private const string WorldBankCsv = """
        "Data Source","World Development Indicators",

        "Last Updated Date","2024-06-28",

        "Country Name","Country Code","Indicator Name","Indicator Code","2019","2020","2021","2022",
        "Aruba","ABW","Population, total","SP.POP.TOTL","106442","106585","106537","",
        "China","CHN","Population, total","SP.POP.TOTL","1407745000","1411100000","1412360000","1412175000",
        "Not classified","INX","Population, total","SP.POP.TOTL","","","","",

        """;

    // A DataBank download: series and country columns, "2019 [YR2019]" periods, ".." missing, footnotes after blank rows.
    private const string DataBankCsv = """
        Series Name,Series Code,Country Name,Country Code,2019 [YR2019],2020 [YR2020],2021 [YR2021]
        GDP growth (annual %),NY.GDP.MKTP.KD.ZG,China,CHN,5.95,2.24,8.45
        GDP growth (annual %),NY.GDP.MKTP.KD.ZG,Germany,DEU,0.99,-3.83,..
        "Unemployment, total (% of total labor force)",SL.UEM.TOTL.ZS,China,CHN,4.56,5,4.55
        ,,,,,,


        Data from database: World Development Indicators,,,,,,
        Last Updated: 06/28/2024,,,,,,
        """;

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string content) => _dir.File(name, content.Replace("\r\n", "\n", StringComparison.Ordinal));

    /// <summary>A statistics office's sheet: metadata, 地区 and years descending, an empty cell, notes below.</summary>
    private string Xlsx(string name = "provinces.xlsx", Action<List<Dictionary<string, object?>>>? edit = null)
    {
        static Dictionary<string, object?> R(params object?[] cells) =>
            Enumerable.Range(0, 4).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < cells.Length ? cells[i] : null);
        var rows = new List<Dictionary<string, object?>>
        {
            R("数据库：分省年度数据"),
            R("指标：地区生产总值(亿元)"),
            R("时间：最近3年"),
            R("地区", "2023年", "2022年", "2021年"),
            R("北京市", 43760.7, 41610.9, 41045.6),
            R("天津市", 16737.3, 16311.3, null),
            R("河北省", 43944.1, 42370.4, 40397.1),
            R(),
            R("注：2023年数据为初步核算数。"),
            R("数据来源：国家统计局"),
        };
        edit?.Invoke(rows);
        string path = Path.Combine(_dir.Path, name);
        var sheets = new Dictionary<string, object>
        {
            ["说明"] = new List<Dictionary<string, object?>> { R("分省年度数据") },
            ["GDP"] = rows,
        };
        MiniExcel.SaveAs(path, sheets, printHeader: false);
        return path;
    }

    [Fact]
    public void World_bank_bulk_csv_skips_metadata_empty_cells_and_entities_without_data()
    {
        Dataset data = WideTable.Read(Write("API_SP.POP.TOTL.csv", WorldBankCsv), new WideTableOptions { Unit = "人" });
        Assert.Equal(["SP.POP.TOTL.ABW", "SP.POP.TOTL.CHN"], data.Indicators.Select(i => i.Id));
        Assert.Equal("Population, total — China", data.Get("SP.POP.TOTL.CHN").NameEn);
        Assert.Equal(Frequency.Yearly, data.Get("SP.POP.TOTL.CHN").Frequency);
        Assert.Equal([106442.0, 106585, 106537], data.ObservationsOf("SP.POP.TOTL.ABW").Select(o => o.Value.Value));
        Assert.Equal(1412175000, data.ObservationsOf("SP.POP.TOTL.CHN").Single(o => o.Period == Period.OfYear(2022)).Value.Value);
        Assert.Equal(7, data.Observations.Count);
        Assert.All(data.Observations, o => Assert.Equal("API_SP.POP.TOTL.csv", o.Source.Document));
    }

    [Fact]
    public void Databank_csv_reads_bracketed_years_dots_and_stops_at_footnotes()
    {
        Dataset data = WideTable.Read(Write("databank.csv", DataBankCsv), new WideTableOptions { Unit = "%" });
        Assert.Equal(["NY.GDP.MKTP.KD.ZG.CHN", "NY.GDP.MKTP.KD.ZG.DEU", "SL.UEM.TOTL.ZS.CHN"], data.Indicators.Select(i => i.Id));
        Assert.Equal([0.99, -3.83], data.ObservationsOf("NY.GDP.MKTP.KD.ZG.DEU").Select(o => o.Value.Value));
        Assert.Equal(IndicatorKind.Rate, data.Get("NY.GDP.MKTP.KD.ZG.DEU").Kind); // a % unit: negative values allowed
        Assert.Equal([4.56, 5, 4.55], data.ObservationsOf("SL.UEM.TOTL.ZS.CHN").Select(o => o.Value.Value));
        Assert.Equal("Unemployment, total (% of total labor force) — China", data.Get("SL.UEM.TOTL.ZS.CHN").NameEn);
    }

    [Fact]
    public void Statistics_office_xlsx_takes_indicator_and_unit_from_its_metadata_and_sorts_years()
    {
        string path = Xlsx();
        Dataset data = WideTable.Read(path, new WideTableOptions { Sheet = "GDP", Indicator = "gdp" });
        Assert.Equal(["gdp.北京市", "gdp.天津市", "gdp.河北省"], data.Indicators.Select(i => i.Id));
        Indicator tianjin = data.Get("gdp.天津市");
        Assert.Equal(Units.Yuan, tianjin.Unit);
        Assert.Equal("地区生产总值(亿元) — 天津市", tianjin.NameZh);
        Assert.Equal([(2022, 16311.3e8), (2023, 16737.3e8)], data.ObservationsOf("gdp.天津市").OrderBy(o => o.Period).Select(o => (o.Period.Year, o.Value.Value)));
        Quantity written = data.ObservationsOf("gdp.天津市").Single(o => o.Period.Year == 2023).Value;
        Assert.Equal(("16737.3", "亿元"), (written.WrittenNumber(), written.ScaledUnit.ToString()));

        // Without options the indicator id is the metadata's indicator; the first sheet has no table.
        Assert.Equal("地区生产总值(亿元).北京市", WideTable.Read(path, new WideTableOptions { Sheet = "GDP" }).Indicators[0].Id);
        var e = Assert.Throws<DataFormatException>(() => WideTable.Read(path));
        Assert.Contains("sheet '说明': no header row with period columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_and_long_outputs_round_trip()
    {
        string path = Xlsx();
        var options = new WideTableOptions { Sheet = "GDP", Indicator = "gdp" };
        string dir = Path.Combine(_dir.Path, "out");
        WideTable.Read(path, options).Save(dir);
        Dataset back = Dataset.Load(dir);
        Assert.Equal(8, back.Observations.Count);
        Assert.Equal(43944.1e8, back.ObservationsOf("gdp.河北省").Single(o => o.Period.Year == 2023).Value.Value, 1e-3);

        string longPath = Path.Combine(_dir.Path, "long.csv");
        WideTable.WriteLong(WideTable.ReadLong(path, options), longPath);
        IReadOnlyList<LongSeries> series = LongFormat.Read(longPath);
        Assert.Equal(["gdp.北京市", "gdp.天津市", "gdp.河北省"], series.Select(s => s.Id));
        LongSeries tianjin = series[1];
        Assert.Equal(Period.OfYear(2022), tianjin.Start); // 2021 is empty: the series starts at its first figure
        Assert.Equal([16311.3e8, 16737.3e8], tianjin.Values.ToArray());
    }

    [Theory]
    [InlineData("2019", 2019, 0, 0)]
    [InlineData("2019 [YR2019]", 2019, 0, 0)]
    [InlineData("YR2019", 2019, 0, 0)]
    [InlineData("2019年", 2019, 0, 0)]
    [InlineData("2019.0", 2019, 0, 0)]
    [InlineData("2019-Q3", 2019, 3, 0)]
    [InlineData("2019Q3", 2019, 3, 0)]
    [InlineData("2019年第3季度", 2019, 3, 0)]
    [InlineData("2019-03", 2019, 0, 3)]
    [InlineData("2019M03", 2019, 0, 3)]
    [InlineData("2019年3月", 2019, 0, 3)]
    public void Period_headers(string header, int year, int quarter, int month)
    {
        Period expected = quarter > 0 ? Period.OfQuarter(year, quarter) : month > 0 ? Period.OfMonth(year, month) : Period.OfYear(year);
        Assert.Equal(expected, WideTable.ParsePeriod(header));
    }

    [Theory]
    [InlineData("Country Code")]
    [InlineData("2019-13")]
    [InlineData("2019-Q5")]
    [InlineData("123")]
    [InlineData("2024-06-28")]
    [InlineData("Last Updated: 2019")]
    public void Not_period_headers(string header) => Assert.Null(WideTable.ParsePeriod(header));

    [Fact]
    public void Bad_cells_are_named_by_file_sheet_row_and_column()
    {
        string path = Xlsx("bad.xlsx", rows => rows[5]["C"] = "16311.3*");
        var e = Assert.Throws<DataFormatException>(() => WideTable.Read(path, new WideTableOptions { Sheet = "GDP", Indicator = "gdp" }));
        Assert.Equal($"{path}: sheet 'GDP', row 6, column C (2022年): '16311.3*' is not a number (nor an empty cell, '..' or '-')", e.Message);

        string csv = Write("bad.csv", DataBankCsv.Replace("0.99,-3.83", "0.99,n.a.", StringComparison.Ordinal));
        e = Assert.Throws<DataFormatException>(() => WideTable.Read(csv, new WideTableOptions { Unit = "%" }));
        Assert.Equal($"{csv}: row 3, column F (2020 [YR2020]): 'n.a.' is not a number (nor an empty cell, '..' or '-')", e.Message);
    }

    [Fact]
    public void Bad_tables_are_refused_with_one_line()
    {
        string Refused(string path, WideTableOptions? o = null) => Assert.Throws<DataFormatException>(() => WideTable.Read(path, o)).Message;

        Assert.Contains("no sheet 'Data'; the sheets are '说明', 'GDP'", Refused(Xlsx(), new() { Sheet = "Data" }), StringComparison.Ordinal);
        Assert.Contains("row 6: no unit for SP.POP.TOTL: ", Refused(Write("a.csv", WorldBankCsv)), StringComparison.Ordinal);
        Assert.Contains("unknown unit 'furlongs'", Refused(Write("a.csv", WorldBankCsv), new() { Unit = "furlongs" }), StringComparison.Ordinal);
        Assert.Contains("row 2: no indicator: ", Refused(Write("b.csv", "Country,2019,2020\nChina,1,2\n")), StringComparison.Ordinal);
        Assert.Contains("row 3, column A (Country): values in a row without an entity", Refused(Write("c.csv", "Country,2019,2020\nChina,1,2\n,3,4\n"), new() { Indicator = "x", Unit = "人" }), StringComparison.Ordinal);
        Assert.Contains("row 3, column A (Country): China (x) again; it was on row 2", Refused(Write("d.csv", "Country,2019,2020\nChina,1,2\nChina,3,4\n"), new() { Indicator = "x", Unit = "人" }), StringComparison.Ordinal);
        Assert.Contains("no header row with period columns", Refused(Write("e.csv", "a,b\n1,2\n")), StringComparison.Ordinal);
        Assert.Contains("row 1, column C (2019-03): period columns of different frequencies", Refused(Write("f.csv", "Country,2019,2019-03\nChina,1,2\n"), new() { Indicator = "x", Unit = "人" }), StringComparison.Ordinal);
        Assert.Contains("row 1, column C (2019年): period 2019 is in two columns", Refused(Write("g.csv", "Country,2019,2019年\nChina,1,2\n"), new() { Indicator = "x", Unit = "人" }), StringComparison.Ordinal);
        Assert.Contains("row 2, column B (2019): -1 is negative, but x.China is a flow indicator", Refused(Write("h.csv", "Country,2019\nChina,-1\n"), new() { Indicator = "x", Unit = "人" }), StringComparison.Ordinal);
        Assert.Contains("a quoted field is not closed", Refused(Write("i.csv", "Country,2019\n\"China,1\n")), StringComparison.Ordinal);
        Assert.Contains("Excel 97–2003 (.xls)", Refused(Write("j.xls", "x")), StringComparison.Ordinal);
        Assert.Contains("not a readable .xlsx workbook", Refused(Write("k.xlsx", "not a zip")), StringComparison.Ordinal);
        Assert.Contains("no such file", Refused(Path.Combine(_dir.Path, "missing.csv")), StringComparison.Ordinal);
        Assert.Contains("no figures below the header", Refused(Write("l.csv", "Country,2019\nChina,..\n"), new() { Indicator = "x", Unit = "人" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Gb18030_csv_is_read()
    {
        string path = Path.Combine(_dir.Path, "gbk.csv");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding("GB18030").GetBytes("地区,2022年,2023年\n北京市,41610.9,43760.7\n"));
        Dataset data = WideTable.Read(path, new WideTableOptions { Indicator = "gdp", Unit = "亿元" });
        Assert.Equal("gdp.北京市", data.Indicators.Single().Id);
    }

    [Fact]
    public void Command_writes_a_dataset_or_long_file_and_refuses_bad_input_writing_nothing()
    {
        string path = Xlsx();
        string dir = Path.Combine(_dir.Path, "ds");
        var (exit, stdout, stderr) = CliRunner.Run("import-table", path, "--sheet", "GDP", "--indicator", "gdp", "--to-dataset", dir);
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal($"{path}: 3 series, 8 figures written to {dir}\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(3, Dataset.Load(dir).Indicators.Count);

        string longPath = Path.Combine(_dir.Path, "long.csv");
        (exit, stdout, _) = CliRunner.Run("import-table", path, "--sheet", "GDP", "--indicator", "gdp", "--to-long", longPath);
        Assert.Equal(0, exit);
        Assert.Equal("unique_id,ds,y", File.ReadLines(longPath).First());

        string bad = Xlsx("bad.xlsx", rows => rows[4]["B"] = "n/a!");
        string badDir = Path.Combine(_dir.Path, "bad-ds"), badLong = Path.Combine(_dir.Path, "bad.csv");
        CliRunner.Refused($"{bad}: sheet 'GDP', row 5, column B (2023年): 'n/a!' is not a number", "import-table", bad, "--sheet", "GDP", "--to-dataset", badDir);
        CliRunner.Refused("row 5, column B", "import-table", bad, "--sheet", "GDP", "--to-long", badLong);
        Assert.False(Directory.Exists(badDir));
        Assert.False(File.Exists(badLong));
        Assert.Equal(2, CliRunner.Run("import-table", path, "--to-dataset", dir, "--to-long", longPath).Exit);
        Assert.Equal(2, CliRunner.Run("import-table", path).Exit);
    }
}
