using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Zhibiao.Analytics.Tests.Cli;

/// <summary>
/// The command line started as a process and killed (by its id, SIGKILL) while it writes: the files it was replacing
/// are whole. The killed run's temporary file (NAME.analytics-RANDOM.tmp) stays, since no run removes a file it did not
/// create (issue 32); the next run adds none and removes none.
/// </summary>
public sealed class CrashSafeWriteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Zhibiao.Analytics.Cli.dll"));
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Kills the process as soon as a temporary file appears in <paramref name="directory"/>; true when it was killed while writing.</summary>
    private static bool KillWhileWriting(Process process, string directory)
    {
        while (!process.HasExited)
        {
            if (Directory.EnumerateFiles(directory, "*.tmp").Any())
            {
                process.Kill();
                process.WaitForExit();
                return true;
            }

            Thread.Sleep(1);
        }

        return false;
    }

    [Fact]
    public void Killing_a_forecast_mid_write_leaves_the_old_output_whole_and_the_next_run_adds_no_temporary_file()
    {
        var input = new StringBuilder("unique_id,ds,y\n");
        for (int s = 0; s < 400; s++)
            for (int t = 0; t < 20; t++) input.Append(CultureInfo.InvariantCulture, $"s{s},{1990 + t},{100 + s + (t * 3)}\n");
        string train = Path.Combine(_dir, "train.csv");
        File.WriteAllText(train, input.ToString());
        string output = Path.Combine(_dir, "out.csv");
        File.WriteAllText(output, "the old output\n");

        using Process run = Start("forecast", "--input", train, "--horizon", "2000", "--model", "naive", "--output", output);
        Assert.True(KillWhileWriting(run, _dir), "the forecast ended before its temporary file was seen");
        Assert.Equal("the old output\n", File.ReadAllText(output));
        string[] left = Directory.GetFiles(_dir, "*.tmp");
        Assert.All(left, f => Assert.Matches(@"out\.csv\.analytics-[0-9a-f]{16}\.tmp$", f));

        var (exit, _, _) = CliRunner.Run("forecast", "--input", train, "--horizon", "1", "--model", "naive", "--output", output);
        Assert.Equal(0, exit);
        Assert.StartsWith("unique_id,ds,h,model,mean", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal([output, .. left, train], Directory.GetFiles(_dir).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Killing_an_extract_mid_write_of_a_dataset_leaves_every_file_whole_and_the_next_run_adds_no_temporary_file()
    {
        string data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        var indicators = new StringBuilder("id,name_zh,name_en,unit,frequency,direction,kind\nrail_freight,铁路货物发送量,rail freight,吨,yearly,higher,flow\n");
        var observations = new StringBuilder("indicator,period,measure,value,unit,qualifier,source,address,note\n");
        for (int i = 0; i < 12; i++)
        {
            indicators.Append(CultureInfo.InvariantCulture, $"pad{i},填充{i},padding {i},吨,yearly,higher,flow\n");
            for (int year = 1000; year < 9000; year++) observations.Append(CultureInfo.InvariantCulture, $"pad{i},{year},level,{year},吨,exact,padding,,\n");
        }

        File.WriteAllText(Path.Combine(data, "indicators.csv"), indicators.ToString());
        File.WriteAllText(Path.Combine(data, "observations.csv"), observations.ToString());
        File.WriteAllText(Path.Combine(data, "synonyms.csv"), "subject,indicator\n全年铁路货物发送量,rail_freight\n");
        string report = Path.Combine(_dir, "report.txt");
        File.WriteAllText(report, "2024年工作回顾\n全年铁路货物发送量2.37亿吨、增长10.6%。\n");
        string[] files = ["indicators.csv", "observations.csv", "targets.csv"];
        Dictionary<string, string?> before = files.ToDictionary(f => f, f => Read(data, f));

        using Process run = Start("extract", report, "--to-dataset", data, "--source", "测试报告");
        Assert.True(KillWhileWriting(run, data), "the extract ended before its temporary file was seen");

        // Each file is whole: its old contents, or (if the kill came after it was moved into place) the new ones.
        Dictionary<string, string?> killed = files.ToDictionary(f => f, f => Read(data, f));
        string[] left = Directory.GetFiles(data, "*.tmp");
        var (exit, _, err) = CliRunner.Run("extract", report, "--to-dataset", data, "--source", "测试报告");
        Assert.True(exit == 0, err);
        foreach (string f in files) Assert.True(killed[f] == before[f] || killed[f] == Read(data, f), $"{f} is neither old nor new");
        Assert.Contains("rail_freight,2024,level,2.37,亿吨", Read(data, "observations.csv"), StringComparison.Ordinal);
        Assert.Equal(left, Directory.GetFiles(data, "*.tmp"));
    }

    private static string? Read(string directory, string file) =>
        File.Exists(Path.Combine(directory, file)) ? File.ReadAllText(Path.Combine(directory, file)) : null;
}
