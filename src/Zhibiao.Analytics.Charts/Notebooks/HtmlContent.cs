namespace Zhibiao.Analytics.Charts;

/// <summary>
/// A piece of HTML (a table, an inline SVG chart, a report section). Displays as HTML in .NET notebooks; anywhere
/// else it is its markup (<see cref="ToString"/>).
/// </summary>
/// <param name="Markup">The HTML.</param>
[TypeFormatterSource(typeof(NotebookFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed record HtmlContent(string Markup)
{
    /// <summary>The markup.</summary>
    public override string ToString() => Markup;

    /// <summary>The markup.</summary>
    public static implicit operator string(HtmlContent content) => content?.Markup ?? "";
}
