using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CareerCompass.Web.Tests.Goals;

public sealed class SmartCheckApiTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string Route = "/api/goals/smart-check";

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string json)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync(Route, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body);
    }

    /// <summary>Raw bytes, so the body can hold what no .NET string can: invalid UTF-8. Fails clearly on a non-JSON answer.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> PostBytesAsync(byte[] bytes)
    {
        using var client = app.CreateClient();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(Route, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"500: {text}");
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static byte[] Utf8(string before, byte[] raw, string after) => [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    [Fact]
    public async Task A_statement_alone_is_judged_from_its_text_and_the_rest_needs_input()
    {
        var (status, body) = await PostAsync("""{"statement": "Grow in my career"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("notYet", body.GetProperty("specific").GetProperty("status").GetString());
        Assert.Contains("\"grow in my career\" is vague", body.GetProperty("specific").GetProperty("advice").GetString(), StringComparison.Ordinal);
        Assert.Equal("notYet", body.GetProperty("measurable").GetProperty("status").GetString());
        Assert.Equal("notYet", body.GetProperty("timeBound").GetProperty("status").GetString());
        Assert.Equal("needsInput", body.GetProperty("achievable").GetProperty("status").GetString());
        Assert.Equal("needsInput", body.GetProperty("relevant").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_complete_smart_goal_is_met_on_all_five()
    {
        var deadline = app.Clock.GetUtcNow().AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, body) = await PostAsync($$"""
            {"statement": "Complete two leadership courses this year", "horizon": "short", "measure": "courses completed",
             "target": "2", "deadline": "{{deadline}}", "confidence": 8, "linkedItems": 2}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var criterion in new[] { "specific", "measurable", "achievable", "relevant", "timeBound" })
        {
            Assert.Equal("met", body.GetProperty(criterion).GetProperty("status").GetString());
        }
    }

    [Theory]
    [InlineData("{not json", "isn't valid JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{}", "\"statement\" is required")]
    [InlineData("""{"statement": 42}""", "\"statement\" must be text")]
    [InlineData("""{"statement": "x", "horizon": "forever"}""", "\"horizon\" must be")]
    [InlineData("""{"statement": "x", "deadline": "next tuesday"}""", "yyyy-mm-dd")]
    [InlineData("""{"statement": "x", "confidence": 11}""", "\"confidence\" must be a whole number from 1 to 10")]
    [InlineData("""{"statement": "x", "linkedItems": -1}""", "\"linkedItems\" must be a whole number")]
    [InlineData("""{"statement": "x", "measure": 3.5}""", "\"measure\" must be text")]
    [InlineData("""{"statement": "x", "confidencePlan": true}""", "\"confidencePlan\" must be text")]
    public async Task Bad_input_gets_a_400_with_a_message(string json, string message)
    {
        var (status, body) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"statement": "\ud800"}""", "\"statement\" has characters that can't be read")]
    [InlineData("""{"statement": "Become a team lead \udc00 this year"}""", "\"statement\" has characters that can't be read")]
    [InlineData("""{"statement": "Become a team lead", "measure": "\udfff\ud800"}""", "\"measure\" has characters that can't be read")]
    [InlineData("""{"statement": "Become a team lead", "stat\udc00ement": 1}""", "A field name has characters that can't be read")]
    public async Task Lone_surrogates_get_a_400_with_a_message(string json, string message)
    {
        var (status, body) = await PostBytesAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_character_written_as_two_escapes_is_fine()
    {
        var (status, body) = await PostBytesAsync(Encoding.UTF8.GetBytes("""{"statement": "\ud83d\ude80 Become a team lead within two years"}"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("met", body.GetProperty("specific").GetProperty("status").GetString());
    }

    public static TheoryData<byte[]> InvalidUtf8() => new()
    {
        Utf8("""{"statement": "Become a team lead """, [0xFF, 0xFE], "\"}"),
        Utf8("""{"statement": "caf""", [0xC3], "\"}"),
        Utf8("""{"statement": "Overlong slash """, [0xC0, 0xAF], "\"}"),
        Utf8("""{"statement": "Encoded surrogate """, [0xED, 0xA0, 0x80], "\"}"),
        Utf8("{\"statement\": \"Become a team lead\", \"target\": \"", [0x80], "\"}"),
        Utf8("""{"statement": "Become a team lead"}""", [0xFF], string.Empty),
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task Invalid_utf8_gets_a_400_with_a_message(byte[] bytes)
    {
        var (status, body) = await PostBytesAsync(bytes);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_are_never_cached()
    {
        using var client = app.CreateClient();
        using var ok = await client.PostAsJsonAsync(Route, new { statement = "Become a team lead" });
        using var bad = await client.PostAsync(Route, new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SmartCheckPerMinute", "1"));
        using var limitedClient = limited.CreateClient();
        using var first = await limitedClient.PostAsJsonAsync(Route, new { statement = "Become a team lead" });
        using var refused = await limitedClient.PostAsJsonAsync(Route, new { statement = "Become a team lead" });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        foreach (var response in new[] { ok, bad, first, refused })
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{(int)response.StatusCode} answered Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Over_long_input_gets_a_400_with_a_message()
    {
        var (status, body) = await PostAsync(JsonSerializer.Serialize(new { statement = new string('x', 1001) }));
        var (hugeStatus, huge) = await PostAsync(JsonSerializer.Serialize(new { statement = "x", padding = new string('x', 40_000) }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 1000 characters", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, hugeStatus);
        Assert.Contains("at most 16 KB", huge.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_checks_in_a_minute_are_refused_politely()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SmartCheckPerMinute", "3"));
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync(Route, new { statement = "Become a team lead" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("wait a moment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
    /// <summary>What the goal page shows for each criterion: its status name and its advice.</summary>
    private static Dictionary<string, (string Status, string Advice)> CoachOn(WebPage page) =>
        page.Document.QuerySelectorAll("[data-coach] [data-criterion]").ToDictionary(
            item => item.GetAttribute("data-criterion")!,
            item => (item.QuerySelector("[data-status]")!.ClassList.Single(c => c.StartsWith("coach-", StringComparison.Ordinal))["coach-".Length..],
                item.QuerySelector("[data-advice]")!.TextContent.Trim()));

    [Theory]
    [InlineData("Become a ward sister within 3 years", "4", "Ask my manager for the leadership course", "MediumTerm", 24)]
    [InlineData("Get better at my job", "5", "", "ShortTerm", 6)]
    [InlineData("Increase monthly sales by 15% by June", "9", "", "ShortTerm", 5)]
    public async Task The_live_check_gives_the_verdict_the_saved_goal_shows(string statement, string confidence, string plan, string horizon, int months)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var values = await browser.GetAsync("/Reflection/Values");
        await browser.SubmitAsync(values, "form[data-autosave]", new Dictionary<string, string> { ["Picked"] = "learning" });
        var form = await browser.GetAsync("/Goals/Edit");
        var link = form.Document.QuerySelector("input[name='Input.Links']")!.GetAttribute("value")!;
        var deadline = app.Clock.GetUtcNow().AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (saved, _) = await GoalPageTests.CreateGoalAsync(browser, new()
        {
            ["Input.Statement"] = statement,
            ["Input.Horizon"] = horizon,
            ["Input.Deadline"] = deadline,
            ["Input.Confidence"] = confidence,
            ["Input.ConfidencePlan"] = plan,
            ["Input.Links"] = link,
        });
        var page = CoachOn(saved);
        Assert.Equal(5, page.Count);

        // What the editor's script sends for the same form (smart-coach.js, payload()).
        var live = JsonSerializer.Serialize(new
        {
            statement,
            horizon = horizon == "ShortTerm" ? "short" : horizon == "MediumTerm" ? "medium" : "long",
            measure = (string?)null,
            target = (string?)null,
            deadline,
            confidence = int.Parse(confidence, System.Globalization.CultureInfo.InvariantCulture),
            linkedItems = 1,
            confidencePlan = plan.Length > 0 ? plan : null,
        });
        using var response = await browser.Client.PostAsync(Route, new StringContent(live, Encoding.UTF8, "application/json"));
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (criterion, (status, advice)) in page)
        {
            Assert.Equal(status, body.GetProperty(criterion).GetProperty("status").GetString());
            Assert.Equal(advice, body.GetProperty(criterion).GetProperty("advice").GetString());
        }

        browser.Dispose();
    }
}
