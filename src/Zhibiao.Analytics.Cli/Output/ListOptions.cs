using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Zhibiao.Analytics.Cli.Output;

/// <summary>
/// Options that take a list of numbers, repeated (<c>--level 80 --level 95</c>) or comma-separated
/// (<c>--growth=-0.05,0,0.02</c>), parsed in one place by a System.CommandLine custom parser: a value that is not a
/// number in range, or one given twice, is a parse error (exit 2) before anything is read or written. Levels and
/// quantiles name output columns (lo-80, q-0.05): two values whose names are the same, or a name that rounds to the
/// bounds (lo-0, q-1), are errors too.
/// </summary>
internal static class ListOptions
{
    /// <summary>--level: prediction interval levels in percent, strictly between 0 and 100 (default 80 and 95).</summary>
    public static Option<double[]> Levels() => Numbers(
        "--level", "Prediction interval level in percent; repeat or separate by commas for several (default 80 and 95).",
        l => l is > 0 and < 100, "a level in percent strictly between 0 and 100", [80, 95], Name, "lo-", ["0", "100"]);

    /// <summary>--quantiles: probabilities strictly between 0 and 1 (default none).</summary>
    public static Option<double[]> Quantiles() => Numbers(
        "--quantiles", "Also write quantiles, comma-separated probabilities such as 0.05,0.1,0.5,0.9,0.95 (columns q-0.05, …).",
        p => p is > 0 and < 1, "a probability strictly between 0 and 1", [], QuantileName, "q-", ["0", "1"]);

    /// <summary>--growth: growth rates per step, fractions above −1 (required).</summary>
    public static Option<double[]> Growth() => Numbers(
        "--growth", "Growth rates per step, comma-separated fractions (write --growth=-0.05,0,0.02 when the list starts with a minus).",
        g => g > -1, "a growth rate above -1 (a fraction such as 0.05)", null, null, "", []);

    /// <summary>The name of a level in column names: 80, 97.5 (three decimals at most).</summary>
    public static string Name(double level) => level.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The name of a quantile in column names: 0.05 (six decimals at most).</summary>
    public static string QuantileName(double probability) => probability.ToString("0.######", CultureInfo.InvariantCulture);

    private static Option<double[]> Numbers(string name, string description, Func<double, bool> valid, string what, double[]? defaults,
        Func<double, string>? label, string prefix, string[] bounds)
    {
        var option = new Option<double[]>(name) { Description = description, Required = defaults is null };
        if (defaults is not null) option.DefaultValueFactory = _ => defaults;
        option.CustomParser = result => Parse(result, name, valid, what, label, prefix, bounds) ?? defaults ?? [];
        return option;
    }

    private static double[]? Parse(ArgumentResult result, string name, Func<double, bool> valid, string what, Func<double, string>? label, string prefix, string[] bounds)
    {
        if (result.Tokens.Count == 0) return null;
        var values = new List<double>();
        foreach (Token token in result.Tokens)
        {
            foreach (string part in token.Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || !valid(v))
                {
                    result.AddError($"{name}: '{Excerpt(part)}' is not {what}");
                    return null;
                }

                if (values.Contains(v))
                {
                    result.AddError($"{name}: {Name(v)} is given twice");
                    return null;
                }

                if (label is not null && Collision(v, values, label, prefix, bounds) is { } collision)
                {
                    result.AddError($"{name}: {Excerpt(part)} {collision}");
                    return null;
                }

                values.Add(v);
            }
        }

        return [.. values];
    }

    /// <summary>Why a value's column name is unusable: it rounds to a bound, or to the name of a value given before; null when neither.</summary>
    private static string? Collision(double v, List<double> before, Func<double, string> label, string prefix, string[] bounds)
    {
        string n = label(v);
        if (bounds.Contains(n)) return $"would be named {prefix}{n} in the output; give a value that differs from {bounds[0]} and {bounds[1]} within the decimals shown";
        int same = before.FindIndex(w => label(w) == n);
        return same < 0 ? null
            : $"and {before[same].ToString("R", CultureInfo.InvariantCulture)} would both be named {prefix}{n} in the output; give values that differ within the decimals shown";
    }

    private static string Excerpt(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 60), "…");
}
