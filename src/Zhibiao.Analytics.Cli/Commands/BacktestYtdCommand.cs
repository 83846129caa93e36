using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Zhibiao.Analytics.Cli.Output;
using Zhibiao.Analytics.Data;
using Zhibiao.Analytics.Forecasting;
using Zhibiao.Analytics.Probability;

namespace Zhibiao.Analytics.Cli.Commands;

/// <summary>
/// <c>analytics backtest-ytd --train TRAIN.csv --test TEST.csv --growth=G1,G2,… [--model M] [--calibrate]</c>: P(met) of annual
/// targets from year-to-date data scored month by month (<see cref="YearToDateBacktest"/>). Columns
/// months,cases,base_rate,brier,ece,brier_prorata,brier_annual,ece_floor; with <c>--reliability</c> the reliability table of
/// P(met) at each k instead (columns months,lower,upper,cases,mean_probability,observed_frequency).
/// </summary>
internal static class BacktestYtdCommand
{
    public static readonly string[] Columns = ["months", "cases", "base_rate", "brier", "ece", "brier_prorata", "brier_annual", "ece_floor"];

    /// <summary>The columns of <c>--reliability</c>: one row per k and bin of P(met) with cases.</summary>
    public static readonly string[] ReliabilityColumns = ["months", "lower", "upper", "cases", "mean_probability", "observed_frequency"];

    public static Command Create(CliContext context)
    {
        var train = new Option<string>("--train") { Description = "Training series, long format unique_id,ds,y (CSV or Parquet), monthly or quarterly.", Required = true };
        var test = new Option<string>("--test") { Description = "What followed each training series, long format, its series in the training file's order.", Required = true };
        var growth = ListOptions.Growth();
        growth.Description = "Targets as growth over the previous year's total, comma-separated fractions (write --growth=-0.05,0,0.05,0.1).";
        var model = CommonOptions.Model(context.Models);
        model.DefaultValueFactory = _ => YearToDateAssessor.DefaultModel;
        var paths = new Option<int>("--paths") { Description = "Sample paths per series and month.", DefaultValueFactory = _ => 1000 };
        var calibrate = new Option<bool>("--calibrate") { Description = "Calibrate each series' paths on its own two years before the year judged (three times the work)." };
        var reliability = new Option<bool>("--reliability") { Description = "Print the reliability table of P(met) at each k (bins of 0.1: cases, mean P(met), share met) instead of the scores." };
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = FormatOption.Create();
        var command = new Command("backtest-ytd", "Score P(met) of annual targets from year-to-date data, month by month, against the pro-rata rule.")
        {
            train, test, growth, model, paths, calibrate, reliability, seed, threads, format,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(paths), t = parse.GetValue(threads);
            if (n is < 1 or > 1_000_000) throw new CliUsageException($"--paths must be between 1 and 1000000, not {n}");
            if (t < 1) throw new CliUsageException($"--threads must be at least 1, not {t}");
            IForecaster forecaster = context.Models.Create(parse.GetValue(model)!);
            IReadOnlyList<LongSeries> trainSeries = LongFormat.Read(parse.GetValue(train)!);
            IReadOnlyList<LongSeries> testSeries = LongFormat.Read(parse.GetValue(test)!);
            var options = new YearToDateBacktestOptions { Growth = parse.GetValue(growth)!, Forecaster = forecaster, Paths = n, Seed = parse.GetValue(seed), Threads = t, Calibrate = parse.GetValue(calibrate) };
            YearToDateBacktest result = ProgressBar.Run(context, forecaster.Name, trainSeries.Count,
                progress => YearToDateBacktest.Run(trainSeries, testSeries, options, progress));
            foreach (string failure in result.Failures) context.Error.WriteLine($"warning: series {failure}");
            OutputFormat f = FormatOption.Parse(parse.GetValue(format)!);
            if (parse.GetValue(reliability)) WriteReliability(context, result, f);
            else if (f == OutputFormat.Table) WriteTable(context, result, forecaster.Name);
            else ToTabular(result).Write(context.Out, f);
            return result.Failures.Count == 0 ? AnalyticsCli.Ok : ForecastCommand.PartialFailure;
        });
        return command;
    }

    internal static Tabular ToTabular(YearToDateBacktest result)
    {
        var table = new Tabular(Columns);
        foreach (YearToDateScore r in result.Rows)
            table.Add(r.Months, r.Model.Cases, r.Model.BaseRate, r.Model.Brier, r.Model.Ece, r.ProRata.Brier, r.Annual.Brier, r.EceFloor);
        return table;
    }

    internal static Tabular ToReliability(YearToDateBacktest result)
    {
        var table = new Tabular(ReliabilityColumns);
        foreach (YearToDateScore r in result.Rows)
            foreach (ReliabilityBin b in r.Model.Reliability)
                table.Add(r.Months, b.Lower, b.Upper, b.Count, b.MeanProbability, b.ObservedFrequency);
        return table;
    }

    private static void WriteReliability(CliContext context, YearToDateBacktest result, OutputFormat format)
    {
        if (format != OutputFormat.Table)
        {
            ToReliability(result).Write(context.Out, format);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("months known", "P(met) bin", "cases", "mean P(met)", "share met");
        foreach (YearToDateScore r in result.Rows)
            foreach (ReliabilityBin b in r.Model.Reliability)
                table.AddRow(I(r.Months), $"{b.Lower:0.0}–{b.Upper:0.0}", I(b.Count), F(b.MeanProbability), F(b.ObservedFrequency));
        context.Console.Write(table);
    }

    private static void WriteTable(CliContext context, YearToDateBacktest result, string model)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("months known", "cases", "base rate", $"Brier ({Markup.Escape(model)})", "ECE", "Brier pro-rata", "Brier k = 0", "ECE floor");
        foreach (YearToDateScore r in result.Rows)
            table.AddRow(I(r.Months), I(r.Model.Cases), F(r.Model.BaseRate), F(r.Model.Brier), F(r.Model.Ece), F(r.ProRata.Brier), F(r.Annual.Brier), F(r.EceFloor));
        context.Console.Write(table);
        context.Console.WriteLine($"{result.Eligible} of {result.Series} series have a whole test year and the whole year before it; targets are last year's total × (1 + g).");
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
