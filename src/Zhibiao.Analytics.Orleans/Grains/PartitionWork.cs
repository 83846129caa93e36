using Zhibiao.Analytics.Forecasting;

namespace Zhibiao.Analytics.Orleans.Grains;

/// <summary>What a partition grain is sent: the model by name, the batch settings and the series.</summary>
[GenerateSerializer, Immutable]
internal sealed record PartitionWork
{
    /// <summary>The model's name in the silo's catalogue (<see cref="ForecasterCatalogue"/>).</summary>
    [Id(0)] public required string Model { get; init; }

    /// <summary>Steps to forecast.</summary>
    [Id(1)] public required int Horizon { get; init; }

    /// <summary>Interval levels in percent.</summary>
    [Id(2)] public required double[] Levels { get; init; }

    /// <summary>Season length for every series; null takes it from each series' frequency.</summary>
    [Id(3)] public int? SeasonLength { get; init; }

    /// <summary>The series of the partition, in input order.</summary>
    [Id(4)] public required SeriesData[] Series { get; init; }

    /// <summary>The work for series [start, start + count) of a batch.</summary>
    public static PartitionWork From(string model, BatchOptions options, IReadOnlyList<LongSeries> series, int start, int count) => new()
    {
        Model = model,
        Horizon = options.Horizon,
        Levels = [.. options.Levels],
        SeasonLength = options.SeasonLength,
        Series = [.. Enumerable.Range(start, count).Select(i => SeriesData.From(series[i]))],
    };

    /// <summary>The settings of the batch the grain runs (one thread: a silo's parallelism is its partitions in flight).</summary>
    public BatchOptions Options => new() { Horizon = Horizon, Levels = Levels, SeasonLength = SeasonLength, Threads = 1 };
}

/// <summary>A <see cref="LongSeries"/> on the wire: id, first period (frequency, year, sub-period) and values.</summary>
[GenerateSerializer, Immutable]
internal sealed record SeriesData
{
    /// <summary>The unique_id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Periods per year of the frequency (1, 4, 12).</summary>
    [Id(1)] public required int PeriodsPerYear { get; init; }

    /// <summary>The first period's year.</summary>
    [Id(2)] public required int Year { get; init; }

    /// <summary>The first period's quarter or month (1 for yearly).</summary>
    [Id(3)] public required int SubPeriod { get; init; }

    /// <summary>The values, NaN where missing.</summary>
    [Id(4)] public required double[] Values { get; init; }

    public static SeriesData From(LongSeries s) => new()
    {
        Id = s.Id, PeriodsPerYear = (int)s.Frequency, Year = s.Start.Year, SubPeriod = s.Start.SubPeriod, Values = s.Values.ToArray(),
    };

    public LongSeries ToSeries() => new(Id, Period.Create((Frequency)PeriodsPerYear, Year, SubPeriod), Values);
}

/// <summary>A <see cref="BatchItem"/> on the wire, without its series (the caller has it): the forecast, or the error.</summary>
[GenerateSerializer, Immutable]
internal sealed record ItemData
{
    /// <summary>Why the series has no forecast; null when it has one.</summary>
    [Id(0)] public string? Error { get; init; }

    /// <summary>The fitted method.</summary>
    [Id(1)] public string Method { get; init; } = "";

    /// <summary>Point forecasts per step.</summary>
    [Id(2)] public double[] Mean { get; init; } = [];

    /// <summary>Interval levels, in the order requested.</summary>
    [Id(3)] public double[] Levels { get; init; } = [];

    /// <summary>Lower bounds per level, then per step.</summary>
    [Id(4)] public double[][] Lower { get; init; } = [];

    /// <summary>Upper bounds per level, then per step.</summary>
    [Id(5)] public double[][] Upper { get; init; } = [];

    /// <summary>In-sample fitted values.</summary>
    [Id(6)] public double[] Fitted { get; init; } = [];

    /// <summary>In-sample residuals.</summary>
    [Id(7)] public double[] Residuals { get; init; } = [];

    public static ItemData From(BatchItem item) => item.Forecast is not { } f
        ? new ItemData { Error = item.Error }
        : new ItemData
        {
            Method = f.Method,
            Mean = f.Mean.ToArray(),
            Levels = [.. f.Intervals.Select(i => i.Level)],
            Lower = [.. f.Intervals.Select(i => i.Lower.ToArray())],
            Upper = [.. f.Intervals.Select(i => i.Upper.ToArray())],
            Fitted = f.Fitted.ToArray(),
            Residuals = f.Residuals.ToArray(),
        };

    /// <summary>The batch item of <paramref name="series"/>, its forecast's origin the series' last period (as <see cref="BatchForecaster"/> sets it).</summary>
    public BatchItem ToItem(LongSeries series)
    {
        if (Error is not null) return new BatchItem(series, null, Error);
        PredictionInterval[] intervals = [.. Levels.Select((l, k) => new PredictionInterval(l, Lower[k], Upper[k]))];
        return new BatchItem(series, new Forecast(Method, Mean, intervals, Fitted, Residuals) { Origin = series.End }, null);
    }
}
