namespace Zhibiao.Analytics.Evaluation;

/// <summary>
/// One model's accuracy over a streamed evaluation (<see cref="StreamedEvaluation"/>), added up batch by batch without
/// keeping the series: the same mean (<see cref="Accuracy.Mean"/>: finite values averaged, summed in series order) and
/// OWA (<see cref="ModelAccuracy.Owa"/>) as one <see cref="ModelAccuracy"/> over all the series.
/// </summary>
/// <param name="model">The model's name.</param>
public sealed class AccuracyTotals(string model)
{
    private Sum _mae, _rmse, _mape, _smape, _mase;
    private double[]? _levels;
    private Sum[] _coverage = [], _msis = [];
    private double _owaSmape, _owaMase, _owaSmape2, _owaMase2;
    private int _owaCount;

    /// <summary>The model's name.</summary>
    public string Model => model;

    /// <summary>Series evaluated.</summary>
    public int Evaluated { get; private set; }

    /// <summary>Series that could not be forecast.</summary>
    public int Failed { get; private set; }

    /// <summary>The mean accuracy over the series evaluated; null when none was.</summary>
    public Accuracy? Mean => Evaluated == 0 ? null : new Accuracy(_mae.Mean, _rmse.Mean, _mape.Mean, _smape.Mean, _mase.Mean,
        [.. _levels!.Select((l, i) => new IntervalAccuracy(l, _coverage[i].Mean, _msis[i].Mean))]);

    /// <summary>The OWA against Naive2 over the series both evaluated with a finite MASE; NaN when none or Naive2 scores 0.</summary>
    public double Owa => _owaCount == 0 || _owaSmape2 == 0 || _owaMase2 == 0
        ? double.NaN
        : Metrics.Owa(_owaSmape / _owaCount, _owaMase / _owaCount, _owaSmape2 / _owaCount, _owaMase2 / _owaCount);

    /// <summary>Adds one batch's result and Naive2's on the same series.</summary>
    /// <exception cref="ArgumentException">The two results are not over the same number of series.</exception>
    public void Add(ModelAccuracy batch, ModelAccuracy naive2)
    {
        if (naive2.Series.Count != batch.Series.Count) throw new ArgumentException($"{batch.Model} has {batch.Series.Count} series, naive2 {naive2.Series.Count}", nameof(naive2));
        for (int i = 0; i < batch.Series.Count; i++)
        {
            if (batch.Series[i].Accuracy is not { } a)
            {
                Failed++;
                continue;
            }

            Evaluated++;
            if (_levels is null)
            {
                _levels = [.. a.Intervals.Select(x => x.Level)];
                _coverage = new Sum[_levels.Length];
                _msis = new Sum[_levels.Length];
            }

            _mae.Add(a.Mae);
            _rmse.Add(a.Rmse);
            _mape.Add(a.Mape);
            _smape.Add(a.Smape);
            _mase.Add(a.Mase);
            for (int k = 0; k < _levels.Length; k++)
            {
                IntervalAccuracy? x = a.Interval(_levels[k]);
                _coverage[k].Add(x?.Coverage ?? double.NaN);
                _msis[k].Add(x?.Msis ?? double.NaN);
            }

            if (naive2.Series[i].Accuracy is not { } b || !double.IsFinite(a.Mase) || !double.IsFinite(b.Mase)) continue;
            _owaSmape += a.Smape;
            _owaMase += a.Mase;
            _owaSmape2 += b.Smape;
            _owaMase2 += b.Mase;
            _owaCount++;
        }
    }

    /// <summary>A running sum of the values that are not NaN.</summary>
    private struct Sum
    {
        private double _total;
        private int _count;

        public readonly double Mean => _count == 0 ? double.NaN : _total / _count;

        public void Add(double value)
        {
            if (double.IsNaN(value)) return;
            _total += value;
            _count++;
        }
    }
}
