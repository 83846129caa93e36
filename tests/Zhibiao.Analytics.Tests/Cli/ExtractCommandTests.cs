using System.Text;
using Zhibiao.Analytics.Cli;

namespace Zhibiao.Analytics.Tests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private const string Indicators =
        "id,name_zh,name_en,unit,frequency,direction,kind\n" +
        "rail_freight,铁路货物发送量,rail freight,吨,yearly,higher,flow\n" +
        "tourists,接待游客,tourist arrivals,人次,yearly,higher,flow\n";

    private readonly string _dir = Directory.CreateTempSubdirectory().FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = AnalyticsCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Report(string railFreight) => Write("report.txt",
        $"2024年工作回顾\n全年铁路货物发送量{railFreight}亿吨、增长10.6%，全市8家医院投用。\n2025年工作安排\n力争接待游客3.2亿人次。\n");

    [Fact]
    public void Csv_output_has_the_scorer_columns_and_one_row_per_fact()
    {
        var (code, output, _) = Run("extract", Report("2.37"), "--format", "csv");
        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("subject,period,kind,value,unit,qualifier,is_target,start,end,text", lines[0]);
        Assert.Equal("铁路货物发送量,2024,level,237000000,吨,exact,false,19,25,全年铁路货物发送量2.37亿吨", lines[1]);
        Assert.Equal("接待游客,2025,level,320000000,人次,exact,true,60,66,力争接待游客3.2亿人次", lines[^1]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Json_output_has_the_same_fields()
    {
        var (code, output, _) = Run("extract", Report("2.37"), "--format", "json", "--year", "2025");
        Assert.Equal(0, code);
        Assert.Contains("\"is_target\": true", output, StringComparison.Ordinal);
        Assert.Contains("\"value\": 237000000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_one_line_on_stderr_and_exit_code_2()
    {
        var (code, _, err) = Run("extract", Path.Combine(_dir, "missing.txt"));
        Assert.Equal((2, 1), (code, err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Contains("report not found", err, StringComparison.Ordinal);

        string gbk = Path.Combine(_dir, "gbk.txt");
        File.WriteAllBytes(gbk, [0xC1, 0xB8, 0xCA, 0xB3]);
        (code, _, err) = Run("extract", gbk);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", err, StringComparison.Ordinal);
    }

    [Fact]
    public void To_dataset_merges_and_a_contradiction_writes_nothing_unless_overwrite()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        Write("data/indicators.csv", Indicators);
        Write("data/synonyms.csv", "subject,indicator\n全年铁路货物发送量,rail_freight\n");

        var (code, output, err) = Run("extract", Report("2.37"), "--to-dataset", data, "--source", "测试报告");
        Assert.Equal(0, code);
        Assert.Contains("3 added", output, StringComparison.Ordinal);
        Assert.Contains("implied: rail_freight 2023", output, StringComparison.Ordinal);
        Assert.Contains("no indicator for subject '医院投用'", err, StringComparison.Ordinal);
        string observations = File.ReadAllText(Path.Combine(data, "observations.csv"));
        Assert.Contains("rail_freight,2024,level,2.37,亿吨,exact,测试报告,chars 19-25,", observations, StringComparison.Ordinal);
        Assert.Contains("tourists,2025,3.2,亿人次,level,at_least,测试报告,,chars 60-66,力争", File.ReadAllText(Path.Combine(data, "targets.csv")), StringComparison.Ordinal);

        (code, output, _) = Run("extract", Report("2.37"), "--to-dataset", data, "--source", "测试报告");
        Assert.Equal(0, code);
        Assert.Contains("0 added", output, StringComparison.Ordinal);

        (code, _, err) = Run("extract", Report("2.40"), "--to-dataset", data, "--source", "另一报告");
        Assert.Equal(2, code);
        Assert.Contains("conflict: rail_freight 2024 level", err, StringComparison.Ordinal);
        Assert.Equal(observations, File.ReadAllText(Path.Combine(data, "observations.csv")));

        (code, _, _) = Run("extract", Report("2.40"), "--to-dataset", data, "--source", "另一报告", "--overwrite");
        Assert.Equal(0, code);
        Assert.Contains("rail_freight,2024,level,2.40,亿吨,exact,另一报告", File.ReadAllText(Path.Combine(data, "observations.csv")), StringComparison.Ordinal);
    }

    /// <summary>The main-targets statement of a report, each figure written as 左右 (5%左右) or as 近 (近5%).</summary>
    private string WordedReport(string name, bool nearly)
    {
        string About(string figure) => nearly ? "近" + figure : figure + "左右";
        return Write(name,
            "2025年某某省政府工作报告\n一、2024年工作回顾\n地区生产总值增长5.1%，城镇新增就业52万人。\n二、2025年工作安排\n" +
            $"今年经济社会发展主要预期目标是：地区生产总值增长{About("5%")}，城镇新增就业{About("50万人")}，居民消费价格涨幅{About("2%")}。\n");
    }

    /// <summary>The targets of targets.csv as the rule reads them: indicator, period, value, unit, kind, side, tolerance, wording.</summary>
    private static string[] JudgedTargets(string dataset) =>
    [
        .. Csv.Records(Path.Combine(dataset, "targets.csv"))
            .Select(r => string.Join(' ', r["indicator"], r["period"], r["value"], r["unit"], r["kind"], r["direction"], r["tolerance"], r["wording"]))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void About_written_as_zuoyou_or_jin_is_one_target_through_extract_and_extract_series()
    {
        // Issue 27: 左右 was a two-sided band and 近 a ceiling in extract, both a one-sided "about" in extract-series.
        var got = new List<string[]>();
        foreach (bool nearly in (bool[])[false, true])
        {
            string report = WordedReport(nearly ? "jin-2025.txt" : "zuoyou-2025.txt", nearly);
            string series = Path.Combine(_dir, "series-" + nearly);
            Assert.Equal(0, Run("extract-series", report, "--to-dataset", series).Code);

            string data = Path.Combine(_dir, "extract-" + nearly);
            Directory.CreateDirectory(data);
            File.Copy(Path.Combine(series, "indicators.csv"), Path.Combine(data, "indicators.csv"));
            Write(Path.Combine(data, "synonyms.csv"), "subject,indicator\n地区生产总值,gdp_growth\n城镇新增就业,urban_new_jobs\n居民消费价格,cpi\n");
            var (code, _, err) = Run("extract", report, "--to-dataset", data, "--source", "报告");
            Assert.True(code == 0, err);
            got.Add(JudgedTargets(series));
            got.Add(JudgedTargets(data));
        }

        // GDP and jobs are floors with one published digit of tolerance, CPI a ceiling; a growth figure of an indicator that
        // is itself a growth (国内生产总值增长) is its level, a rate judged in points (share), in both commands.
        string[] want =
        [
            "cpi 2025 2 % share at_most 0.1 about",
            "gdp_growth 2025 5 % share at_least 0.1 about",
            "urban_new_jobs 2025 50 万人 level at_least 0.5 about",
        ];
        Assert.All(got, g => Assert.Equal(want, g));
    }

    [Fact]
    public void A_synonym_to_an_unknown_indicator_stops_with_exit_code_2()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        Write("data/indicators.csv", Indicators);
        Write("data/synonyms.csv", "subject,indicator\n全年铁路货物发送量,rail\n");
        var (code, _, err) = Run("extract", Report("2.37"), "--to-dataset", data);
        Assert.Equal(2, code);
        Assert.Contains("'rail'", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "observations.csv")));
    }

    [Fact]
    public void Import_history_adds_rows_and_notes_them_on_figures_held_from_the_report()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        Write("data/indicators.csv", Indicators);
        Write("data/synonyms.csv", "subject,indicator\n全年铁路货物发送量,rail_freight\n");
        Assert.Equal(0, Run("extract", Report("2.37"), "--to-dataset", data, "--source", "测试报告").Code);
        string history = Write("history.csv",
            "indicator,name,period,value,unit,qualifier,note,source\n" +
            "rail_freight,铁路货物发送量 (rail freight),2018,1,亿吨,more_than,first time,http://example.org/r\n" +
            "rail,铁路货物发送量 (rail freight),2024,2.37,亿吨,exact,+10.6%,http://example.org/s\n");
        var (code, output, _) = Run("import-history", history, "--to-dataset", data);
        Assert.Equal(0, code);
        Assert.Contains("1 added, 1 noted", output, StringComparison.Ordinal);
        string observations = File.ReadAllText(Path.Combine(data, "observations.csv"));
        Assert.Contains("rail_freight,2018,level,1,亿吨,more_than,example.org,http://example.org/r,first time", observations, StringComparison.Ordinal);
        Assert.Contains("chars 19-25,also 2.37亿吨 per http://example.org/s", observations, StringComparison.Ordinal);

        Write("bad.csv", "indicator,name,period,value,unit,qualifier,note,source\nnothing,无,2020,1,吨,exact,,x\n");
        Assert.Equal(2, Run("import-history", Path.Combine(_dir, "bad.csv"), "--to-dataset", data).Code);
    }
}
