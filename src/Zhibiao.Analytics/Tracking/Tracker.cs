namespace Zhibiao.Analytics;

/// <summary>
/// Deterministic target tracking (the UN SDG growth-ratio method): the growth a target requires from the latest value,
/// the growth observed over a recent window, their ratio CR and a status from a <see cref="StatusPreset"/>, plus the
/// plan-period time-progress check. Qualified values are honoured: a latest value "more than 3亿" gives a required
/// growth "at most" its face value, and the notes say so.
/// </summary>
public static class Tracker
{
    /// <summary>Tracks one indicator against its target, or classifies its growth when it has none.</summary>
    /// <param name="series">The levels of the indicator.</param>
    /// <param name="target">The target, or null.</param>
    /// <param name="reported">Reported change and growth figures of the indicator (growth targets use them).</param>
    /// <param name="options">Window and preset; default <see cref="TrackingOptions.Default"/>.</param>
    /// <exception cref="AnalyticsException">The target belongs to another indicator or its unit does not fit.</exception>
    public static TrackingResult Track(IndicatorSeries series, Target? target = null, IEnumerable<Observation>? reported = null, TrackingOptions? options = null)
    {
        options ??= TrackingOptions.Default;
        if (options.WindowYears < 1) throw new ArgumentOutOfRangeException(nameof(options), options.WindowYears, "the window must be at least one year");
        Indicator ind = series.Indicator;
        if (target is not null) TargetRules.CheckBelongsTo(ind, target);
        var ctx = new Context(series, target, options, [.. reported ?? []]);
        return target?.Kind switch
        {
            null => ctx.WithoutTarget(),
            TargetKind.Growth => ctx.GrowthTarget(target),
            TargetKind.Cumulative => ctx.CumulativeTarget(target),
            _ => ctx.LevelTarget(target),
        };
    }

    private sealed class Context(IndicatorSeries series, Target? target, TrackingOptions options, Observation[] reported)
    {
        private readonly List<string> _notes = [];
        private readonly Indicator _ind = series.Indicator;
        private readonly TargetRule _rule = target?.Rule(series.Indicator) ?? default;
        private readonly StatusPreset _preset = options.EffectivePreset;

        private GrowthBasis LevelBasis => _ind.ChangesInPoints || target?.Kind == TargetKind.Share ? GrowthBasis.PointsPerYear : GrowthBasis.Cagr;

        public TrackingResult WithoutTarget()
        {
            // Rates and shares change in percentage points per year, not by a CAGR of a percentage.
            GrowthBasis basis = LevelBasis;
            Observation? latest = series.Latest;
            (Observation from, QualifiedValue observed)? w = latest is null ? null : Observed(latest, basis);
            if (w is null) return Result(latest, basis, null, null, null, null, ProgressStatus.InsufficientData, null);
            NoteQualified(latest!, w.Value.from);
            ProgressStatus status = _preset.ClassifyWithoutTarget(w.Value.observed.Value, _ind.Direction);
            return Result(latest, basis, null, w.Value.observed, w.Value.from.Period, null, status, null);
        }

        public TrackingResult LevelTarget(Target t)
        {
            double goal = _rule.Threshold;
            GrowthBasis basis = LevelBasis;
            Observation? latest = series.Latest;
            if (latest is null) return Result(null, basis, null, null, null, null, ProgressStatus.InsufficientData, null);

            if (YearsTo(t, latest) <= 0)
            {
                Observation? atDeadline = t.Deadline.Frequency == _ind.Frequency ? series.Find(t.Deadline) : null;
                if (atDeadline is not null)
                {
                    _notes.Add($"the deadline {t.Deadline} has passed; judged on its value {atDeadline.Qualifier.ToSign()}{atDeadline.Value}");
                    return Result(atDeadline, basis, null, null, null, null, Met(atDeadline) ? ProgressStatus.TargetAchieved : ProgressStatus.TargetMissed, null);
                }

                _notes.Add($"the deadline {t.Deadline} is not after the latest observation {latest.Period}");
            }

            TimeProgress? progress = Progress(t, latest.Value.Value, goal);
            if (Met(latest))
            {
                if (YearsTo(t, latest) <= 0) return Result(latest, basis, null, null, null, null, ProgressStatus.TargetAchieved, progress);

                // The target's period is not yet observed: on track, never achieved before its outcome is published.
                _notes.Add($"already at the target level ({latest.Period}: {latest.Qualifier.ToSign()}{latest.Value})");
                return Result(latest, basis, null, null, null, null, ProgressStatus.OnTrack, progress);
            }

            double years = YearsTo(t, latest);
            if (years <= 0) return Result(latest, basis, null, null, null, null, ProgressStatus.TargetMissed, progress);

            QualifiedValue required;
            try
            {
                required = basis == GrowthBasis.Cagr
                    ? new(Growth.Required(latest.Value.Value, goal, years), latest.Qualifier.Flip())
                    : new(Growth.AnnualChange(latest.Value.Value, goal, years), latest.Qualifier.Flip());
            }
            catch (GrowthUndefinedException e)
            {
                _notes.Add(e.Message);
                return Result(latest, basis, null, null, null, null, ProgressStatus.InsufficientData, progress);
            }

            return Judge(latest, basis, required, progress);
        }

        public TrackingResult GrowthTarget(Target t)
        {
            double goal = _rule.Threshold;
            QualifiedValue required = new(goal, Qualifier.Exact);
            (Period period, QualifiedValue growth)? latest = LatestYearOnYear();
            if (latest is null) return Result(series.Latest, GrowthBasis.YearOnYear, required, null, null, null, ProgressStatus.InsufficientData, null);
            (Period period, QualifiedValue g) = latest.Value;
            Observation? level = series.Find(period);
            if (period >= t.Deadline)
            {
                bool met = _rule.IsMetBy(g.Value, g.Qualifier);
                _notes.Add($"the deadline {t.Deadline} has passed; growth in {period} was {g.Value:P1}");
                return Result(level, GrowthBasis.YearOnYear, required, g, period - 1, null, met ? ProgressStatus.TargetAchieved : ProgressStatus.TargetMissed, null);
            }

            bool atMost = t.Comparison == TargetComparison.AtMost;
            if (goal == 0)
            {
                _notes.Add("a growth target of 0% has no ratio; status from the sign of the latest growth");
                bool kept = atMost ? g.Value <= 0 : g.Value >= 0;
                return Result(level, GrowthBasis.YearOnYear, required, g, period - 1, null, kept ? ProgressStatus.OnTrack : ProgressStatus.Deterioration, null);
            }

            if (atMost ? goal > 0 : goal < 0) return WithinAllowance(level, GrowthBasis.YearOnYear, required, g, period - 1, atMost, null);

            QualifiedValue ratio = new(g.Value / goal, goal > 0 ? g.Qualifier : g.Qualifier.Flip());
            return Result(level, GrowthBasis.YearOnYear, required, g, period - 1, ratio, _preset.Classify(ratio.Value), null);
        }

        public TrackingResult CumulativeTarget(Target t)
        {
            PlanPeriod plan = TargetRules.RequirePlan(_ind, t);
            double goal = _rule.Threshold;
            Observation? latest = series.AtOrBefore(plan.End);
            if (latest is null || !plan.Contains(latest.Period))
                return Result(latest, GrowthBasis.Cagr, null, null, null, null, ProgressStatus.InsufficientData, null);

            double sum = 0;
            var missing = new List<Period>();
            for (Period p = plan.Start; p <= latest.Period; p += 1)
            {
                if (series.Find(p) is { } o) sum += o.Value.Value;
                else missing.Add(p);
            }

            if (missing.Count > 0)
            {
                _notes.Add($"no values for {string.Join(", ", missing)}: the total so far cannot be formed");
                return Result(latest, GrowthBasis.Cagr, null, null, null, null, ProgressStatus.InsufficientData, null);
            }

            var progress = new TimeProgress(plan, sum / goal, plan.ElapsedShare(latest.Period));
            if (t.Comparison == TargetComparison.AtLeast && _rule.IsMetBy(sum))
                return Result(latest, GrowthBasis.Cagr, null, null, null, null, ProgressStatus.TargetAchieved, progress);
            if (t.Comparison != TargetComparison.AtLeast && sum > _rule.Bound + _rule.Tolerance && !_rule.IsMetBy(sum))
                return Result(latest, GrowthBasis.Cagr, null, null, null, null, ProgressStatus.TargetMissed, progress);
            int remaining = plan.End - latest.Period;
            if (remaining <= 0)
                return Result(latest, GrowthBasis.Cagr, null, null, null, null, _rule.IsMetBy(sum) ? ProgressStatus.TargetAchieved : ProgressStatus.TargetMissed, progress);

            double? g = GrowthForTotal(latest.Value.Value, goal - sum, remaining);
            if (g is null)
            {
                _notes.Add("no growth rate of the flow reaches the total");
                return Result(latest, GrowthBasis.Cagr, null, null, null, null, ProgressStatus.InsufficientData, progress);
            }

            _notes.Add($"required growth keeps the flow growing so that {plan} sums to {Quantity.Of(goal, _ind.Unit)}");
            return Judge(latest, GrowthBasis.Cagr, new QualifiedValue(g.Value, latest.Qualifier.Flip()), progress);
        }

        private TrackingResult Judge(Observation latest, GrowthBasis basis, QualifiedValue required, TimeProgress? progress)
        {
            (Observation from, QualifiedValue observed)? w = Observed(latest, basis);
            NoteQualified(latest, w?.from);
            if (w is null) return Result(latest, basis, required, null, null, null, ProgressStatus.InsufficientData, progress);
            (Observation from, QualifiedValue observed) = w.Value;
            if (required.Value == 0)
            {
                // The face value is the target but its qualifier says it falls short (nearly 3亿 for at least 3亿):
                // no ratio; any growth the right way is enough.
                double toward = observed.Value * (target?.Comparison == TargetComparison.AtMost ? -1 : 1);
                _notes.Add("the latest figure equals the target but its qualifier puts the value short of it: status from the direction of growth");
                ProgressStatus s = toward > 0 ? ProgressStatus.OnTrack : toward == 0 ? ProgressStatus.LimitedProgress : ProgressStatus.Deterioration;
                return Result(latest, basis, required, observed, from.Period, null, s, progress);
            }

            bool atMost = target?.Comparison == TargetComparison.AtMost;
            if (atMost ? required.Value > 0 : required.Value < 0) return WithinAllowance(latest, basis, required, observed, from.Period, atMost, progress);

            Qualifier q = required.Value > 0 ? Qualifiers.Combine(observed.Qualifier, required.Qualifier)
                : observed.Qualifier == Qualifier.Exact && required.Qualifier == Qualifier.Exact ? Qualifier.Exact : Qualifier.Approx;
            var ratio = new QualifiedValue(observed.Value / required.Value, q);
            return Result(latest, basis, required, observed, from.Period, ratio, _preset.Classify(ratio.Value), progress);
        }

        /// <summary>
        /// The status when the required growth points away from the target's direction: a ceiling (at most, a growth
        /// of up to r a year still keeps the target) or a floor with room (at least, a fall of up to −r a year still
        /// reaches it). The UN ratio observed / required would reward the wrong way there, so: on track while the
        /// observed growth keeps within the allowance; beyond it, the ratio r / observed (between 0 and 1, how much of
        /// the pace the allowance covers) is classified like the UN ratio.
        /// </summary>
        private TrackingResult WithinAllowance(Observation? latest, GrowthBasis basis, QualifiedValue required, QualifiedValue observed, Period from, bool atMost, TimeProgress? progress)
        {
            bool within = atMost ? observed.Value <= required.Value : observed.Value >= required.Value;
            _notes.Add(atMost
                ? $"the target allows growth of up to {required.Value:P1} a year; observed {observed.Value:P1} is {(within ? "within" : "beyond")} it"
                : $"the target allows a fall of up to {-required.Value:P1} a year; observed {observed.Value:P1} is {(within ? "within" : "beyond")} it");
            if (within) return Result(latest, basis, required, observed, from, null, ProgressStatus.OnTrack, progress);
            Qualifier q = observed.Qualifier == Qualifier.Exact && required.Qualifier == Qualifier.Exact ? Qualifier.Exact : Qualifier.Approx;
            var ratio = new QualifiedValue(required.Value / observed.Value, q);
            return Result(latest, basis, required, observed, from, ratio, _preset.Classify(ratio.Value), progress);
        }

        /// <summary>Growth over the window: from the earliest observation within it, or the one before when it holds only the latest.</summary>
        private (Observation from, QualifiedValue observed)? Observed(Observation latest, GrowthBasis basis)
        {
            Period windowStart = latest.Period - (options.WindowYears * latest.Period.Frequency.PeriodsPerYear());
            Observation? from = series.Where(o => o.Period >= windowStart && o.Period < latest.Period).FirstOrDefault();
            if (from is null)
            {
                from = series.AtOrBefore(latest.Period - 1);
                if (from is null)
                {
                    _notes.Add("only one observation: no observed growth");
                    return null;
                }

                _notes.Add($"no observation within {options.WindowYears} years before {latest.Period}: observed growth runs from {from.Period}");
            }

            double years = latest.Period.YearsSince(from.Period);
            Qualifier q = Qualifiers.Combine(latest.Qualifier, from.Qualifier);
            try
            {
                double g = basis == GrowthBasis.PointsPerYear
                    ? Growth.AnnualChange(from.Value.Value, latest.Value.Value, years)
                    : Growth.Cagr(from.Value.Value, latest.Value.Value, years);
                return (from, new QualifiedValue(g, q));
            }
            catch (GrowthUndefinedException e)
            {
                _notes.Add(e.Message);
                return null;
            }
        }

        private (Period, QualifiedValue)? LatestYearOnYear()
        {
            Observation? rep = reported.Where(o => o.Measure == Measure.Growth && o.Value.Unit == Units.Percent).MaxBy(o => o.Period);
            Observation? latest = series.Latest;
            Observation? prev = latest is null ? null : series.Find(latest.Period - 1);
            if (latest is not null && prev is not null && (rep is null || rep.Period <= latest.Period) && !_ind.ChangesInPoints)
            {
                try
                {
                    return (latest.Period, new QualifiedValue(Growth.YearOnYear(prev.Value.Value, latest.Value.Value), Qualifiers.Combine(latest.Qualifier, prev.Qualifier)));
                }
                catch (GrowthUndefinedException e)
                {
                    _notes.Add(e.Message);
                }
            }

            if (rep is null) return null;
            _notes.Add($"growth in {rep.Period} as reported: {rep.Value.ToWrittenString()}");
            return (rep.Period, new QualifiedValue(rep.Value.Value / 100, rep.Qualifier));
        }

        private TimeProgress? Progress(Target t, double latest, double goal)
        {
            if (t.Plan is not { } plan || series.Find(plan.Baseline) is not { } baseline || goal == baseline.Value.Value) return null;
            Period now = series.Latest!.Period;
            return new TimeProgress(plan, (latest - baseline.Value.Value) / (goal - baseline.Value.Value), plan.ElapsedShare(now));
        }

        private bool Met(Observation o) => _rule.IsMetBy(o.Value.ConvertTo(_ind.Unit).Value, o.Qualifier);

        /// <summary>Years from the end of the latest period to the end of the deadline period (frequencies may differ).</summary>
        private static double YearsTo(Target t, Observation latest) => EndInYears(t.Deadline) - EndInYears(latest.Period);

        private static double EndInYears(Period p) => p.Year + ((double)p.SubPeriod / p.Frequency.PeriodsPerYear());

        private void NoteQualified(Observation latest, Observation? from)
        {
            if (latest.Qualifier != Qualifier.Exact)
                _notes.Add($"latest value is {latest.Qualifier.ToWords()} {latest.Value}: growth figures use the face value and carry the qualifier");
            if (from is not null && from.Qualifier != Qualifier.Exact)
                _notes.Add($"{from.Period} value is {from.Qualifier.ToWords()} {from.Value}");
            foreach (Observation? o in (Observation?[])[latest, from])
                if (o is { IsDerived: true }) _notes.Add($"{o.Period} value is derived: {o.Derivation!.Method}");
        }

        private TrackingResult Result(Observation? latest, GrowthBasis basis, QualifiedValue? required, QualifiedValue? observed, Period? from, QualifiedValue? ratio, ProgressStatus status, TimeProgress? progress) =>
            new(_ind, latest, target, basis, required, observed, from, ratio, status, progress, _notes.ToArray());

        /// <summary>The growth g with Σ_{k=1..n} y·(1+g)^k = remaining, by bisection on g ∈ (−0.99, 10).</summary>
        private static double? GrowthForTotal(double latest, double remaining, int years)
        {
            if (latest <= 0 || remaining <= 0) return null;
            static double Sum(double y, double g, int n)
            {
                double s = 0, f = 1;
                for (int k = 1; k <= n; k++) s += y * (f *= 1 + g);
                return s;
            }

            double lo = -0.99, hi = 10;
            if (Sum(latest, lo, years) > remaining || Sum(latest, hi, years) < remaining) return null;
            for (int i = 0; i < 200 && hi - lo > 1e-12; i++)
            {
                double mid = (lo + hi) / 2;
                if (Sum(latest, mid, years) < remaining) lo = mid;
                else hi = mid;
            }

            return (lo + hi) / 2;
        }
    }
}
