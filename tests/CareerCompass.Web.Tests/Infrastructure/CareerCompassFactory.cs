using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, on its own SQLite file and mail folder in a fresh temporary directory, in the
/// Production environment (friendly error pages, no developer pages), with a clock the test controls. In the
/// PostgreSQL run of the suite (<c>CAREERCOMPASS_TEST_PROVIDER=PostgreSQL</c>, the second run of
/// <c>scripts/test.sh</c>), on a PostgreSQL database of its own instead, copied from a migrated and loaded template
/// (<see cref="PostgresServer"/>).
/// </summary>
public class CareerCompassFactory : WebApplicationFactory<Program>
{
    public CareerCompassFactory()
    {
        DataRoot = Path.Combine(Path.GetTempPath(), "careercompass-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataRoot);
        Mailbox = new Mailbox(Path.Combine(DataRoot, "mail"));
    }

    public string DataRoot { get; }

    public string DatabasePath => Path.Combine(DataRoot, "careercompass.db");

    private string? _postgreSql;
    private bool _sharesDatabase;

    /// <summary>The PostgreSQL database's connection string in the PostgreSQL run (made on first use); null on SQLite.</summary>
    public string? PostgreSqlConnectionString =>
        PostgresServer.IsTheProvider ? _postgreSql ??= PostgresServer.CreateMigratedDatabaseAsync("app").GetAwaiter().GetResult() : null;

    /// <summary>The app's database settings as configuration keys (<c>Database:Provider</c>, <c>ConnectionStrings:CareerCompass</c>).</summary>
    public IReadOnlyDictionary<string, string> DatabaseSettings => PostgreSqlConnectionString is { } postgres
        ? new Dictionary<string, string> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:CareerCompass"] = postgres }
        : new Dictionary<string, string> { ["ConnectionStrings:CareerCompass"] = $"Data Source={DatabasePath}" };

    /// <summary>
    /// Runs this app on another factory's database, as a second instance behind a load balancer would (its own data
    /// root, mail and keys folders). Call before the first request; the other factory keeps the database.
    /// </summary>
    public void ShareDatabaseWith(CareerCompassFactory other)
    {
        if (PostgresServer.IsTheProvider)
        {
            _postgreSql = other.PostgreSqlConnectionString;
            _sharesDatabase = true;
        }
        else
        {
            Settings["ConnectionStrings:CareerCompass"] = $"Data Source={other.DatabasePath}";
        }
    }

    /// <summary>
    /// In the PostgreSQL run, runs this app on a database made elsewhere (an upgrade test's, migrated and filled by the
    /// test) instead of a copy of the template; the factory drops it when disposed. Call before the first request.
    /// </summary>
    public void UsePostgreSqlDatabase(string connectionString) => _postgreSql = connectionString;

    public TestClock Clock { get; } = new();

    public Mailbox Mailbox { get; }

    public QueryCounter Queries { get; } = new();

    /// <summary>Configuration over the defaults below; set before the first request (or before <c>StartServer</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["App:PublicBaseUrl"] = "http://localhost",
        // Tests sign many people in from one address; the throttling tests set their own limits.
        ["RateLimits:SignInPerAddressPerMinute"] = "100000",
        ["RateLimits:SignInFailuresPerAccountPerHour"] = "100000",
        ["RateLimits:AccountFormsPerAddressPerHour"] = "100000",
        // Tests run reminder passes themselves, on the test clock; the dispatcher tests turn it on where they need it.
        ["Reminders:Enabled"] = "false",
    };

    public TestBrowser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("DataRoot", DataRoot);
        foreach (var (key, value) in DatabaseSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Email:Transport", "Pickup");
        builder.UseSetting("Email:PickupDirectory", Mailbox.Folder);
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(DataRoot, "keys"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Queries);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgreSql is not null && !_sharesDatabase)
            {
                PostgresServer.DropDatabaseAsync(_postgreSql).GetAwaiter().GetResult();
            }

            try
            {
                Directory.Delete(DataRoot, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean up with the temp folder.
            }
        }
    }
}
