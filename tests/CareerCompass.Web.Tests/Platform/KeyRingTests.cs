using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>The data-protection key ring lives in the database: instances on one database read each other's cookies.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        using var first = new CareerCompassFactory();
        // Its own data root and its own (empty) keys folder: only the database is shared.
        using var second = new CareerCompassFactory();
        second.ShareDatabaseWith(first);
        var email = People.NewEmail();
        using var browser = first.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.ConfirmFromMailAsync(first.Mailbox, email);
        var form = await browser.GetAsync("/Identity/Account/Login");
        var signedIn = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = People.GoodPassword,
        }, followRedirects: false);
        var setCookie = signedIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CareerCompass.Auth=", StringComparison.Ordinal));
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];

        using var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);
        var there = await onSecond.GetAsync("/Contacts");
        var here = await browser.GetAsync("/Contacts", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, there.StatusCode);
        Assert.Equal(HttpStatusCode.OK, here.Status);
        Assert.False(Directory.Exists(Path.Combine(first.DataRoot, "keys")), "no key files are written any more");
        Assert.False(Directory.Exists(Path.Combine(second.DataRoot, "keys")));
    }

    [Fact]
    public async Task The_key_is_a_row_in_the_database()
    {
        using var app = new CareerCompassFactory();
        var (browser, _) = await app.NewSignedInPersonAsync();

        var keys = await app.ReadAsync(db => db.DataProtectionKeys.ToListAsync());

        var key = Assert.Single(keys);
        Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);
        Assert.StartsWith("<key ", key.Xml, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Keys_in_the_old_folder_are_imported_once_and_what_they_protected_still_opens()
    {
        using var app = new CareerCompassFactory();
        var folder = Path.Combine(app.DataRoot, "keys");
        // The key ring as the app kept it before: files in data/keys, under the same application name.
        var before = DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName("CareerCompass"));
        var token = before.CreateProtector("CareerCompass.Tests").Protect("issued before the move");
        var file = Assert.Single(Directory.GetFiles(folder, "*.xml"));

        var opened = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CareerCompass.Tests").Unprotect(token);

        Assert.Equal("issued before the move", opened);
        var keys = await app.ReadAsync(db => db.DataProtectionKeys.ToListAsync());
        var key = Assert.Single(keys);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), key.FriendlyName);

        // A second start (another instance, a restart) finds the table filled and imports nothing again.
        using var again = new CareerCompassFactory();
        again.ShareDatabaseWith(app);
        again.Settings["DataProtection:KeysDirectory"] = folder;
        _ = again.Server;
        Assert.Equal(1, await app.ReadAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Equal("issued before the move", again.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("CareerCompass.Tests").Unprotect(token));
    }
}
