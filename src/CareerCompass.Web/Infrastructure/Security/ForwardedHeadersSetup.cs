using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>
/// Behind a TLS-terminating proxy, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed only from the
/// proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges). With none configured — the default — they are ignored, even from loopback, so no client can
/// claim to be on HTTPS or to come from another address.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = ListOf(config.GetSection("ForwardedHeaders:KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = ListOf(config.GetSection("ForwardedHeaders:KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The framework checks the sender only when a list has an entry; with none it would believe anyone, so
            // with no proxy configured nothing is forwarded at all.
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardLimit = 1;
        });
    }

    /// <summary>A list written as a JSON array, as <c>Key__0</c>, <c>Key__1</c> variables, or as one "a;b" string.</summary>
    private static IEnumerable<string> ListOf(IConfigurationSection section) =>
        (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty))
            .SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
