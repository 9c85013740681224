using System.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Accounts;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Calendar;
using CareerCompass.Web.Infrastructure.Cli;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Health;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Requests;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Infrastructure.Security;
using CareerCompass.Web.Infrastructure.Sessions;
using CareerCompass.Web.Infrastructure.Time;
using CareerCompass.Web.Pages.Goals;
using CareerCompass.Web.Pages.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

var command = args.Length > 0 && args[0] is GrantRoleCommand.Name or RevokeRoleCommand.Name or RemindCommand.Name or CopyDatabaseCommand.Name ? args : null;
if (command is null && Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // The server, in its own process (not a test host): no more than two malloc arenas from here on (see MallocArenas).
    MallocArenas.Limit(MallocArenas.ForServer, Environment.GetEnvironmentVariable);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : [],
    ContentRootPath = AppContext.BaseDirectory,
});
// Serve wwwroot and the Identity UI's files from the build output in every environment (a no-op once published).
builder.WebHost.UseStaticWebAssets();
var services = builder.Services;
var config = builder.Configuration;

// No Server header; security headers wrap everything else, host filtering included (see SecurityHeaders).
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestLineSize = RequestSizeGuard.KestrelRequestLineLimit;
    kestrel.Limits.MaxRequestHeadersTotalSize = RequestSizeGuard.KestrelHeadersLimit;
});
services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersStartupFilter>());

// Links in e-mails come from the configured public address, and only its host is served.
var publicAddress = PublicAddress.FromConfiguration(config, builder.Environment, requiredOutsideDevelopment: command is null || command[0] == RemindCommand.Name);
services.AddSingleton(publicAddress);
services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [.. publicAddress.Hosts]);

var paths = new DataPaths(config["DataRoot"] ?? Directory.GetCurrentDirectory());
services.AddSingleton(paths);
services.TryAddSingleton(TimeProvider.System);

// Persistence: SQLite by default (data/careercompass.db), or PostgreSQL (Database:Provider); schema from hand-written
// migrations, one set per provider.
services.AddSingleton<IInterceptor, StampOwnedEntitiesInterceptor>();
services.AddAppDatabase(config, paths);

// Accounts: ASP.NET Core Identity, password rules after OWASP ASVS 5 (length, not composition; common ones refused).
services.AddDefaultIdentity<AppUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = true;
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    })
    .AddRoles<IdentityRole>()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddErrorDescriber<PlainLanguageIdentityErrors>()
    .AddPasswordValidator<CommonPasswordValidator>();

// Sessions are ended on the server by a password change, a reset or a deleted account; the security stamp, checked
// every 30 s, is the second line (and carries other account changes, such as the time zone, to other devices).
services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromSeconds(30));
// The check itself is one statement (stamp, zone, next review, roles), not Identity's five and a ticket write.
services.AddSingleton<StampChecks>();
services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());
services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "CareerCompass.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.ExpireTimeSpan = TimeSpan.FromDays(14);
    options.SlidingExpiration = true;
});
// Sessions live on the server (AuthSessions): signing out, or ending a session elsewhere, works at once.
services.AddHttpContextAccessor();
// The Razor components under Components/ draw icons from the same sprite as the <icon> tag helper.
services.AddSingleton<CareerCompass.Web.Components.IconSprite>();
services.AddSingleton<DatabaseTicketStore>();
services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
    .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
services.AddScoped<UserSessions>();
// "Today" is the person's own date: their time zone rides in the sign-in (AppClaimsPrincipalFactory).
services.AddScoped<PersonClock>();
services.AddScoped<ReviewPlanning>();
services.AddSingleton<ReminderOptOut>();
services.AddOptions<ReminderOptions>().Bind(config.GetSection(ReminderOptions.Section));
services.AddScoped<ReminderMail>();
services.AddSingleton<DigestWatermark>();
services.AddScoped<ReminderPass>(); // the container passes the instance's DigestWatermark into the optional parameter
services.AddHostedService<ReminderDispatcher>();
services.AddCalendar();
services.AddAntiforgery(options =>
{
    options.Cookie.Name = "CareerCompass.Antiforgery";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
// The key ring lives in the database (DataProtectionKeys), so instances on one database share it; one kept in the
// old folder (DataProtection:KeysDirectory) is imported once at start-up (Database.MigrateAsync).
services.AddDataProtection().SetApplicationName("CareerCompass");
services.AddOptions<KeyManagementOptions>()
    .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));

// Every page needs a signed-in person unless it says [AllowAnonymous]; records are checked per request.
services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(CounsellorAccess.Policy, policy => policy.RequireRole(AppRoles.Counsellor));
services.AddSingleton<IAuthorizationHandler, OwnerAuthorizationHandler>();

services.Configure<EmailOptions>(config.GetSection(EmailOptions.Section));
services.AddSingleton<IAppMailer, AppMailer>();
services.AddTransient<IEmailSender, EmailSender>();
services.AddScoped<AccountMail>();
services.AddSingleton<AccountMailOutbox>();
services.AddHostedService(sp => sp.GetRequiredService<AccountMailOutbox>());
services.AddSingleton<AccountThrottle>();
services.AddSingleton<TrustedDevices>();
services.AddScoped<SignInTiming>();

services.AddAppHealthChecks();
services.AddSmartCheckRateLimit(config);
services.AddSingleton<IValidator<CareerCompass.Web.Pages.Contacts.Edit.InputModel>, CareerCompass.Web.Pages.Contacts.Edit.Validator>();
services.AddReflection();
services.AddGoals();
services.AddKnownProxies(config);
services.AddSharing();
services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Counsellor", CounsellorAccess.Policy);
    options.Conventions.AddClientRoutes();
}).AddMvcOptions(options =>
{
    // Field names are MVC's own (Input.Items[0].Text); jQuery's a[b] syntax is not used, and its parser throws on
    // a name with an unclosed bracket — before the handler, and again in the error page.
    options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
    options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
    options.Filters.AddRequestGuards();
    options.Filters.AddService<SubjectFilter>();
    var messages = options.ModelBindingMessageProvider;
    // A value is quoted back to the person shortened: a megabyte of it helps nobody.
    messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{SafeText.Shorten(value)}' doesn't look right for {field}. Please check it.");
    messages.SetValueMustNotBeNullAccessor(field => $"Please fill in {field}.");
    messages.SetValueIsInvalidAccessor(value => $"'{SafeText.Shorten(value)}' doesn't look right. Please check it.");
    messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{SafeText.Shorten(value)}' doesn't look right. Please check it.");
    messages.SetUnknownValueIsInvalidAccessor(field => $"That value doesn't look right for {field}. Please check it.");
});

var app = builder.Build();

// copy-database migrates its SQLite source itself, once it knows the configured database is SQLite.
if (command?[0] != CopyDatabaseCommand.Name)
{
    await Database.MigrateAsync(app.Services);
}

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value is { Transport: EmailTransport.Pickup } email)
{
    Directory.CreateDirectory(paths.Resolve(email.PickupDirectory));
}
if (command is not null)
{
    return command[0] switch
    {
        RemindCommand.Name => await RemindCommand.RunAsync(app.Services, command[1..], Console.Out, Console.Error),
        CopyDatabaseCommand.Name => await CopyDatabaseCommand.RunAsync(app.Services, command[1..], Console.Out, Console.Error, interactive: !Console.IsOutputRedirected),
        RevokeRoleCommand.Name => await RevokeRoleCommand.RunAsync(app.Services, command[1..], Console.Out, Console.Error),
        _ => await GrantRoleCommand.RunAsync(app.Services, command[1..], Console.Out, Console.Error),
    };
}

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

// Static files answer straight from routing: no session read (a database query) for every stylesheet and script.
app.MapStaticAssets().AllowAnonymous().ShortCircuit();
app.MapRazorPages().WithStaticAssets();
app.MapAppHealthChecks();
app.MapSmartCheck();
app.MapCalendar();

// An address nothing answers to is a friendly 404 for everyone, not a "please sign in" for visitors.
app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous();

await app.RunAsync();
return 0;

/// <summary>The app's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
