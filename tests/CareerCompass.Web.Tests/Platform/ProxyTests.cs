using System.Net;
using System.Text;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>An app behind a TLS-terminating proxy at 10.1.2.3: only that proxy's forwarded headers are believed.</summary>
public sealed class ProxiedApp : CareerCompassFactory
{
    public const string Proxy = "10.1.2.3";

    public ProxiedApp()
    {
        Settings["App:PublicBaseUrl"] = "https://careercompass.example";
        Settings["ForwardedHeaders:KnownProxies"] = Proxy;
        Settings["RateLimits:SmartCheckPerMinute"] = "2";
    }
}

public sealed class ProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task Https_forwarded_by_the_known_proxy_gets_HSTS()
    {
        var response = await SendAsync(ProxiedApp.Proxy, "GET", "/Identity/Account/Login", proto: "https", forwardedFor: "203.0.113.7");

        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
        Assert.Contains("max-age=", response.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        var response = await SendAsync("198.51.100.20", "GET", "/Identity/Account/Login", proto: "https", forwardedFor: "203.0.113.7");

        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
        Assert.Equal(string.Empty, response.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task The_rate_limiter_counts_the_real_client_behind_the_proxy_and_says_when_to_retry()
    {
        var first = await SmartCheckAsync(ProxiedApp.Proxy, "203.0.113.10");
        var second = await SmartCheckAsync(ProxiedApp.Proxy, "203.0.113.10");
        var third = await SmartCheckAsync(ProxiedApp.Proxy, "203.0.113.10");
        var someoneElse = await SmartCheckAsync(ProxiedApp.Proxy, "203.0.113.11");

        Assert.Equal([200, 200, 429, 200], new[] { first.Response.StatusCode, second.Response.StatusCode, third.Response.StatusCode, someoneElse.Response.StatusCode });
        Assert.True(int.Parse(third.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task A_client_cannot_dodge_the_rate_limiter_by_claiming_another_address()
    {
        var answers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await SmartCheckAsync("198.51.100.30", $"203.0.113.{50 + i}")).Response.StatusCode);
        }

        Assert.Equal([200, 200, 429], answers);
    }

    private Task<HttpContext> SmartCheckAsync(string from, string forwardedFor) =>
        SendAsync(from, "POST", "/api/goals/smart-check", proto: "https", forwardedFor: forwardedFor, json: """{"statement":"Become a UX designer"}""");

    private Task<HttpContext> SendAsync(string from, string method, string path, string proto, string forwardedFor, string? json = null) =>
        app.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Method = method;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("careercompass.example");
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-Proto"] = proto;
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (json is not null)
            {
                context.Request.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(json);
                context.Request.Body = new MemoryStream(bytes);
                context.Request.ContentLength = bytes.Length;
            }
        });
}

/// <summary>The default: no proxy configured, so no client's forwarded headers are believed, not even loopback's.</summary>
public sealed class UnproxiedApp : CareerCompassFactory
{
    public UnproxiedApp()
    {
        Settings["App:PublicBaseUrl"] = "https://careercompass.example";
        Settings["RateLimits:SmartCheckPerMinute"] = "2";
    }
}

public sealed class NoProxyTests(UnproxiedApp app) : IClassFixture<UnproxiedApp>
{
    [Theory]
    [InlineData("198.51.100.30")]
    [InlineData("127.0.0.1")]
    public async Task Without_a_configured_proxy_forwarded_headers_change_nothing(string from)
    {
        var statuses = new List<int>();
        HttpContext? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await app.Server.SendAsync(context =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(from);
                context.Request.Method = "POST";
                context.Request.Scheme = "http";
                context.Request.Host = new HostString("careercompass.example");
                context.Request.Path = "/api/goals/smart-check";
                context.Request.Headers["X-Forwarded-Proto"] = "https";
                context.Request.Headers["X-Forwarded-For"] = $"203.0.113.{60 + i}";
                context.Request.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes("""{"statement":"Become a UX designer"}""");
                context.Request.Body = new MemoryStream(bytes);
                context.Request.ContentLength = bytes.Length;
            });
            statuses.Add(last.Response.StatusCode);
        }

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal("http", last!.Request.Scheme);
        Assert.Equal(from, last.Connection.RemoteIpAddress!.ToString());
    }
}
