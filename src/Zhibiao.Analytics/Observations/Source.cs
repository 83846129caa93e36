namespace Zhibiao.Analytics;

/// <summary>Where a figure comes from.</summary>
/// <param name="Document">The document (新疆维吾尔自治区2025年政府工作报告, or a web page title).</param>
/// <param name="Address">Where in or of it: a URL, or "chars 443-449" for a place in a text.</param>
/// <param name="Note">Anything a reader should know (预计; another source says …).</param>
public sealed record Source(string Document, string? Address = null, string? Note = null)
{
    /// <summary>The source of computed values that come from no document.</summary>
    public static readonly Source Computed = new("computed");

    /// <summary>"Document (Address)".</summary>
    public override string ToString() => Address is null ? Document : $"{Document} ({Address})";
}
