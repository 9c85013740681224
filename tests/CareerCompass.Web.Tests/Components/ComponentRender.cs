using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using CareerCompass.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerCompass.Web.Tests.Components;

/// <summary>
/// Renders one Razor component to HTML the way the pages do (static, no interactivity) with the framework's own
/// <see cref="HtmlRenderer"/> — bunit's job, without bunit — or runs one tag helper, and parses what it wrote with
/// AngleSharp.
/// </summary>
public static class ComponentRender
{
    /// <summary>The file version the icon sprite gets here, so tests can name the exact href.</summary>
    public const string SpriteVersion = "test";

    public static async Task<Rendered> RenderAsync<TComponent>(params (string Name, object? Value)[] parameters)
        where TComponent : IComponent
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IFileVersionProvider, FixedVersion>();
        services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.AddSingleton<IconSprite>();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var values = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(values));
            return output.ToHtmlString();
        });

        return Parse(typeof(TComponent).Name, html);
    }

    /// <summary>
    /// Runs one tag helper on <c>&lt;tagName attributes… /&gt;</c> as Razor would (its properties set by the caller,
    /// the element's other attributes in the output), writes what it produced and parses it like a component's HTML.
    /// </summary>
    public static async Task<Rendered> RenderTagHelperAsync(TagHelper tagHelper, string tagName, params (string Name, string Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(tagHelper);
        // As Razor passes an attribute written in the markup: already encoded.
        var all = new TagHelperAttributeList(attributes.Select(a => new TagHelperAttribute(a.Name, new HtmlString(a.Value))));
        var context = new TagHelperContext(tagName, all, new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput(tagName, new TagHelperAttributeList(all), (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()))
        {
            TagMode = TagMode.SelfClosing,
        };
        tagHelper.Init(context);
        await tagHelper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return Parse(tagName, writer.ToString());
    }

    private static Rendered Parse(string what, string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e is HtmlErrorEvent error ? $"{error.Position.Line}:{error.Position.Column} {error.Message}" : e.ToString()!);
        // A fragment, parsed inside a body as a page would have it.
        var document = parser.ParseDocument("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>" + html + "</body></html>");
        Assert.True(errors.Count == 0, $"{what} wrote markup that does not parse cleanly: {string.Join("; ", errors)}\n{html}");
        return new(html, document);
    }

    public sealed record Rendered(string Html, IDocument Document)
    {
        public IElement Body => Document.Body!;

        public IElement Find(string selector) =>
            Document.Body!.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No '{selector}' in:\n{Html}");

        public IReadOnlyList<IElement> FindAll(string selector) => [.. Document.Body!.QuerySelectorAll(selector)];
    }

    private sealed class FixedVersion : IFileVersionProvider
    {
        public string AddFileVersionToPath(PathString requestPathBase, string path) => path + "?v=" + SpriteVersion;
    }
}
