using AngleSharp.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>What a page's markup must get right whatever it shows: it parses without errors, ids are unique and
/// every reference to one resolves, every form has an id, and every field a person fills in has a label.</summary>
public static class HtmlChecks
{
    public static void AssertWellFormedAndLabelled(WebPage page)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e is HtmlErrorEvent error ? $"{error.Position.Line}:{error.Position.Column} {error.Message}" : e.ToString()!);
        var document = parser.ParseDocument(page.Html);
        Assert.True(errors.Count == 0, $"{page.Url.PathAndQuery} does not parse cleanly: {string.Join("; ", errors)}");

        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.True(ids.Count == ids.Distinct(StringComparer.Ordinal).Count(), $"{page.Url.PathAndQuery} repeats an id: {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");
        foreach (var reference in document.QuerySelectorAll("label[for]").Select(l => l.GetAttribute("for")!)
            .Concat(document.QuerySelectorAll("[aria-describedby]").SelectMany(e => e.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
        {
            Assert.True(ids.Contains(reference), $"{page.Url.PathAndQuery} refers to a missing id '{reference}'.");
        }

        foreach (var form in document.QuerySelectorAll("main form"))
        {
            Assert.False(string.IsNullOrEmpty(form.Id), $"A form on {page.Url.PathAndQuery} has no id: {form.OuterHtml[..Math.Min(120, form.OuterHtml.Length)]}");
        }

        foreach (var field in document.QuerySelectorAll("input, select, textarea").Where(NeedsLabel))
        {
            var labelled = field.HasAttribute("aria-label")
                || field.Closest("label") is not null
                || (!string.IsNullOrEmpty(field.Id) && document.QuerySelector($"label[for='{field.Id}']") is not null);
            Assert.True(labelled, $"A field on {page.Url.PathAndQuery} has no label: {field.OuterHtml}");
        }
    }

    private static bool NeedsLabel(IElement field) =>
        field.LocalName != "input" || field.GetAttribute("type") is not ("hidden" or "submit" or "button" or "reset" or "image");
}
