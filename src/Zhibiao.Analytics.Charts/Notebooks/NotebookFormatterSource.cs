namespace Zhibiao.Analytics.Charts;

/// <summary>
/// The formatter source of <see cref="HtmlContent"/> and <see cref="Chart"/> in .NET notebooks (found by convention
/// through <see cref="TypeFormatterSourceAttribute"/>): one text/html formatter. The core's types are displayed by
/// turning them into HTML first (<see cref="ChartHtml"/>: <c>series.ToHtml()</c>, <c>data.Judge().ToHtml()</c>).
/// </summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>The formatters, by the convention .NET Interactive reads.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new NotebookHtmlFormatter();
    }
}

/// <summary>Writes a piece of HTML or a chart (inline SVG) as text/html.</summary>
internal sealed class NotebookHtmlFormatter
{
    /// <summary>The MIME type written.</summary>
    public string MimeType => "text/html";

    /// <summary>Writes the HTML of <paramref name="instance"/>; false for a type it does not know.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        string? html = ChartHtml.Render(instance);
        if (html is null) return false;
        writer.Write(html);
        return true;
    }
}
