namespace CareerCompass.Web.Infrastructure;

/// <summary>
/// The address people use to reach the app (<c>App:PublicBaseUrl</c>). Every link in an e-mail is built from it,
/// never from the request's <c>Host</c> header, which a client can forge; and only its host is served.
/// </summary>
public sealed class PublicAddress
{
    public const string Key = "App:PublicBaseUrl";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public PublicAddress(Uri baseUri)
    {
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            throw new InvalidOperationException($"{Key} must be an absolute http or https address without a query, such as https://careers.example.org.");
        }

        BaseUri = baseUri;
        Hosts = baseUri.IsLoopback ? LoopbackNames : [baseUri.Host];
    }

    public Uri BaseUri { get; }

    /// <summary>The host names the app answers to: the public one, and its loopback aliases when it is local.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>An absolute link for an app-relative path such as <c>/Identity/Account/ConfirmEmail?…</c>.</summary>
    public string Link(string relative)
    {
        ArgumentException.ThrowIfNullOrEmpty(relative);
        if (!relative.StartsWith('/') || relative.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Links are built from app-relative paths.", nameof(relative));
        }

        return BaseUri.AbsoluteUri.TrimEnd('/') + relative;
    }

    /// <summary>
    /// From configuration; in Development it defaults to the first listening address, anywhere else it is required,
    /// so a production server can never mail a link to wherever a request claimed to come from. (A command-line
    /// command such as <c>grant-role</c> serves nothing and mails nothing, so it doesn't need one.)
    /// </summary>
    public static PublicAddress FromConfiguration(IConfiguration config, IHostEnvironment environment, bool requiredOutsideDevelopment = true)
    {
        var configured = config[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment() && requiredOutsideDevelopment)
            {
                throw new InvalidOperationException(
                    $"Please set {Key} to the address people use to reach CareerCompass (for example https://careers.example.org). " +
                    "Links in e-mails are built from it.");
            }

            configured = FirstListeningAddress(config["urls"]);
        }

        return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            ? new PublicAddress(uri)
            : throw new InvalidOperationException($"{Key} '{configured}' is not an absolute address such as https://careers.example.org.");
    }

    private static string FirstListeningAddress(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(first))
        {
            return "http://localhost:5000";
        }

        // Wildcard bindings (http://+:80, http://*:80, http://0.0.0.0:80, http://[::]:80) are reached as localhost.
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return first;
    }
}
