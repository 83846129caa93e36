using System.Reflection;

namespace Zhibiao.Analytics.Notebooks;

/// <summary>
/// The formatter source of the library's types in .NET notebooks (found by convention through
/// <see cref="TypeFormatterSourceAttribute"/>): one text/html formatter.
/// </summary>
internal sealed class NotebookFormatterSource
{
    /// <summary>The formatters, by the convention .NET Interactive reads.</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new NotebookHtmlFormatter();
    }
}

/// <summary>Writes a library object as HTML: a table, and its chart when Zhibiao.Analytics.Charts is loaded.</summary>
internal sealed class NotebookHtmlFormatter
{
    /// <summary>The MIME type written.</summary>
    public string MimeType => "text/html";

    /// <summary>Writes the HTML of <paramref name="instance"/>; false for a type it does not know.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        string? html = NotebookHtml.Render(instance);
        if (html is null) return false;
        writer.Write(html);
        return true;
    }
}

/// <summary>Chooses the HTML of an object for notebooks: Zhibiao.Analytics.Charts' table and chart when that assembly is loaded, else the plain table.</summary>
internal static class NotebookHtml
{
    public static string? Render(object instance)
    {
        if (instance is HtmlContent content) return content.Markup;
        Assembly? charts = Charts();
        MethodInfo? render = charts?.GetType("Zhibiao.Analytics.Charts.ChartHtml")?.GetMethod("Render", BindingFlags.Public | BindingFlags.Static, [typeof(object)]);
        if (render is not null)
        {
            try
            {
                if (render.Invoke(null, [instance]) is string withChart) return withChart;
            }
            catch (TargetInvocationException e)
            {
                return Html.TableOf(instance) + $"<p><em>no chart: {Html.Encode(e.InnerException?.Message ?? e.Message)}</em></p>";
            }
        }

        return Html.TableOf(instance);
    }

    /// <summary>Zhibiao.Analytics.Charts if it is loaded, or can be loaded by name or from beside this assembly (a notebook's #r); else null.</summary>
    private static Assembly? Charts()
    {
        const string name = "Zhibiao.Analytics.Charts";
        Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null) return loaded;
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            string beside = Path.Combine(Path.GetDirectoryName(typeof(NotebookHtml).Assembly.Location) ?? "", name + ".dll");
            return File.Exists(beside) ? Assembly.LoadFrom(beside) : null;
        }
    }
}
