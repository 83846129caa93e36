namespace Zhibiao.Analytics;

/// <summary>Where a figure comes from.</summary>
/// <param name="Document">The document (新疆维吾尔自治区2025年政府工作报告, or a web page title).</param>
/// <param name="Address">Where in or of it: a URL, or "chars 443-449" for a place in a text.</param>
/// <param name="Note">Anything a reader should know (预计; another source says …).</param>
public sealed record Source(string Document, string? Address = null, string? Note = null)
{
    /// <summary>The source of computed values that come from no document.</summary>
    public static readonly Source Computed = new("computed");

    /// <summary>The subject as the document writes it (国内生产总值, 接待游客), or null.</summary>
    public string? Subject { get; init; }

    /// <summary>The character span of an address "chars START-END" (a place in a text, as the readers of reports write it), else null.</summary>
    public (int Start, int End)? Characters
    {
        get
        {
            string a = Address ?? "";
            int dash = a.IndexOf('-', StringComparison.Ordinal);
            const System.Globalization.NumberStyles digits = System.Globalization.NumberStyles.None;
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            return a.StartsWith("chars ", StringComparison.Ordinal) && dash > 6
                && int.TryParse(a.AsSpan(6, dash - 6), digits, inv, out int s) && int.TryParse(a.AsSpan(dash + 1), digits, inv, out int e)
                ? (s, e) : null;
        }
    }

    /// <summary>"Document (Address)".</summary>
    public override string ToString() => Address is null ? Document : $"{Document} ({Address})";
}
