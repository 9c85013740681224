using System.Collections.Frozen;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords that appear on a list of commonly used ones (OWASP ASVS 5, 6.2.x). The list ships inside
/// the app and is read once.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(Load);

    public static int Count => CommonPasswords.Value.Count;

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is not null && IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is one of the most commonly used, so it's easy to guess. Try a longer phrase only you would think of.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CareerCompass.Web.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
