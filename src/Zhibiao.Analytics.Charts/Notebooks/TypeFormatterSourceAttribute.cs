namespace Zhibiao.Analytics.Charts;

/// <summary>
/// Names the formatter source of a type for .NET notebooks. .NET Interactive matches this attribute by its name and
/// calls the source by convention (CreateTypeFormatters; formatters with MimeType and Format(object, TextWriter)),
/// so the library's HTML and charts display in notebooks without depending on any notebook package.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose CreateTypeFormatters() yields the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types to prefer ("text/html").</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
