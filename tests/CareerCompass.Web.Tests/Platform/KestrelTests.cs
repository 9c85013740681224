using System.Net;
using System.Net.Sockets;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>The app on a real Kestrel port, for what only the real server does: its Server header and its own limits.</summary>
public sealed class KestrelApp : CareerCompassFactory
{
    public KestrelApp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Settings["App:PublicBaseUrl"] = $"http://localhost:{Port}";
        UseKestrel(Port);
    }

    public int Port { get; }

    public HttpClient Http()
    {
        StartServer();
        return new HttpClient { BaseAddress = new Uri($"http://localhost:{Port}") };
    }
}

public sealed class KestrelTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task No_response_names_the_server(string path)
    {
        using var http = app.Http();

        using var response = await http.GetAsync(path);

        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Select(h => h.Key)));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task An_over_long_address_gets_414_with_the_security_headers()
    {
        using var http = app.Http();

        using var response = await http.GetAsync("/?q=" + new string('a', 20_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Contains("That address is too long", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_long_headers_get_431_with_the_security_headers()
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Padding", new string('b', 40_000));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_forged_host_gets_400_with_the_security_headers()
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Identity/Account/ForgotPassword");
        request.Headers.Host = "evil.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
