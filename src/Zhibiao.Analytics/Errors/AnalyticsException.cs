namespace Zhibiao.Analytics;

/// <summary>
/// Base of the errors that describe a problem with the caller's data or request (a bad file, an unknown unit, a
/// growth rate that is undefined), as opposed to a bug. The message is one line, meant for the user.
/// </summary>
public class AnalyticsException : Exception
{
    /// <summary>An error with a one-line message.</summary>
    public AnalyticsException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a one-line message and its cause.</summary>
    public AnalyticsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Two quantities of different dimensions were combined or converted (tonnes and kilowatts, say).</summary>
public sealed class IncompatibleUnitsException(string message) : AnalyticsException(message);

/// <summary>A unit text names no known unit; the message lists the known ones.</summary>
public sealed class UnknownUnitException(string message) : AnalyticsException(message);

/// <summary>A growth rate is undefined for the values given (a zero value, or values of different signs).</summary>
public sealed class GrowthUndefinedException(string message) : AnalyticsException(message);

/// <summary>
/// A data file holds something that cannot be read. Names the file, the 1-based line, the column (when one is at
/// fault) and the reason; nothing of the file is used.
/// </summary>
public sealed class DataFormatException : AnalyticsException
{
    /// <summary>An error at a place in a file.</summary>
    public DataFormatException(string file, int line, string? column, string reason, Exception? innerException = null)
        : base(Describe(file, line, column, reason), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file at fault, as the caller named it.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault; 0 when the whole file is at fault.</summary>
    public int Line { get; }

    /// <summary>The column at fault, if one is.</summary>
    public string? Column { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    private static string Describe(string file, int line, string? column, string reason) =>
        (line > 0 ? $"{file}:{line}" : file) + (column is null ? "" : $": column '{column}'") + $": {reason}";
}
