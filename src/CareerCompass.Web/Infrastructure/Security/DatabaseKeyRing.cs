using System.Xml.Linq;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>
/// The data-protection key ring in the database (<see cref="DataProtectionKey"/>), so every instance on one database
/// signs and reads the same cookies, session tickets and e-mailed tokens. Each call opens a short-lived scope with
/// its own <see cref="AppDbContext"/>: the key manager calls this at start-up, from request threads and from its own
/// refresh, never inside a request's unit of work.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();

        // Two instances importing the same folder at the same moment could both store a key: keep the first of each.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var elements = new List<XElement>(rows.Count);
        foreach (var xml in rows)
        {
            if (string.IsNullOrWhiteSpace(xml))
            {
                continue;
            }

            var element = XElement.Parse(xml);
            var id = (string?)element.Attribute("id");
            if (id is null || seen.Add(element.Name.LocalName + ":" + id))
            {
                elements.Add(element);
            }
        }

        return elements.AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>
/// Moving an existing key ring in: the keys in the folder the app used before (<c>DataProtection:KeysDirectory</c>,
/// <c>data/keys</c>), imported once at start-up while the table is still empty, so cookies and links issued before
/// the move stay valid. After that the folder is never read or written again.
/// </summary>
internal static partial class DatabaseKeyRing
{
    public const string DefaultFolder = "data/keys";

    /// <summary>Imports the folder's <c>*.xml</c> key files if the table holds none; returns how many it stored.</summary>
    public static async Task<int> ImportAsync(AppDbContext db, string folder, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0 || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return 0;
        }

        foreach (var file in files)
        {
            var element = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = element.ToString(SaveOptions.DisableFormatting),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        LogImported(logger, files.Count, folder);
        return files.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} data-protection key files from {Folder} into the database; the folder is no longer used.")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}
