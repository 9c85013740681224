using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client that behaves like a browser without JavaScript: it keeps cookies, follows redirects with GET,
/// and submits forms with every field they carry (antiforgery token included).
/// </summary>
public sealed class TestBrowser(HttpClient client) : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public HttpClient Client => client;

    public async Task<WebPage> GetAsync(string url, bool followRedirects = true) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), followRedirects);

    /// <summary>
    /// Fills in <paramref name="values"/> over the form's own fields and submits it — with the button
    /// <paramref name="submitter"/> (a selector within the form) when given: as a browser does, its name and value are
    /// sent and its <c>formaction</c> replaces the form's.
    /// </summary>
    public async Task<WebPage> SubmitAsync(
        WebPage page, string formSelector, IReadOnlyDictionary<string, string>? values = null, bool followRedirects = true, string? action = null, string? submitter = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = FieldsOf(form);
        var button = submitter is null ? null : form.QuerySelector(submitter)
            ?? throw new InvalidOperationException($"No button '{submitter}' in the form '{formSelector}' on {page.Url}.");
        if (button is not null && (button.HasAttribute("disabled") || button.GetAttribute("type") is not ("submit" or null)))
        {
            throw new InvalidOperationException($"The button '{submitter}' on {page.Url} is disabled or doesn't submit: a person couldn't press it.");
        }

        if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? string.Empty));
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var formAction = button?.GetAttribute("formaction") is { Length: > 0 } overridden ? overridden : form.GetAttribute("action");
        var target = new Uri(page.Url, action ?? (string.IsNullOrEmpty(formAction) ? page.Url.PathAndQuery : formAction));
        return await PostAsync(target.PathAndQuery, fields, followRedirects);
    }

    public async Task<WebPage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool followRedirects = true) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, followRedirects);

    public void Dispose() => client.Dispose();

    /// <summary>The fields a browser would send for <paramref name="form"/> as it stands (no submit button).</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? string.Empty));
                    break;
            }
        }

        return fields;
    }

    public async Task<WebPage> SendAsync(HttpRequestMessage request, bool followRedirects)
    {
        var response = await client.SendAsync(request);
        for (var hops = 0; followRedirects && IsRedirect(response.StatusCode) && hops < 10; hops++)
        {
            var next = new Uri(request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(client.BaseAddress!, request.RequestUri), response.Headers.Location!);
            request = new HttpRequestMessage(HttpMethod.Get, next);
            response.Dispose();
            response = await client.SendAsync(request);
        }

        var url = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(client.BaseAddress!, request.RequestUri);
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.OpenAsync(r => r.Content(html).Address(url.ToString()));
        return new WebPage(response.StatusCode, url, response, html, document);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
}

public sealed record WebPage(HttpStatusCode Status, Uri Url, HttpResponseMessage Response, string Html, IDocument Document)
{
    public string? Location => Response.Headers.Location?.ToString();

    /// <summary>The page's text as a person reads it: white space between words folded to one space.</summary>
    public string Text => System.Text.RegularExpressions.Regex.Replace(Document.Body?.TextContent ?? string.Empty, @"\s+", " ");

    /// <summary>Validation messages shown next to fields and in the summary, as a person reads them.</summary>
    public IReadOnlyList<string> Errors =>
        Document.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .alert-danger li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
}
