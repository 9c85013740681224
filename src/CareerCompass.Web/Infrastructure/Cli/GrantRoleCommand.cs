using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace CareerCompass.Web.Infrastructure.Cli;

/// <summary>
/// <c>dotnet run --project src/CareerCompass.Web -- grant-role someone@example.org Counsellor</c>: the one way an
/// administrator gives a person the Counsellor or Admin role.
/// </summary>
internal static class GrantRoleCommand
{
    public const string Name = "grant-role";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (await RoleArguments.ReadAsync(Name, string.Join('|', AppRoles.All), args, error) is not { } read)
        {
            return 2;
        }

        var (email, role) = read;

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await RoleArguments.FindAsync(users, email, error, " The person needs to register first.") is not { } user)
        {
            return 1;
        }

        if (await users.IsInRoleAsync(user, role))
        {
            await output.WriteLineAsync($"{email} already has the role {role}.");
            return 0;
        }

        var result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"Could not grant {role} to {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        await output.WriteLineAsync($"Granted {role} to {email}. It takes effect at their next sign-in (or within a minute).");
        return 0;
    }
}

/// <summary>
/// <c>dotnet run --project src/CareerCompass.Web -- revoke-role someone@example.org Counsellor</c>: takes the Counsellor
/// or Admin role away again (everyone stays a Client). Their sign-ins lose it at the next check, within a minute.
/// </summary>
internal static class RevokeRoleCommand
{
    public const string Name = "revoke-role";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (await RoleArguments.ReadAsync(Name, $"{AppRoles.Counsellor}|{AppRoles.Admin}", args, error) is not { } read)
        {
            return 2;
        }

        var (email, role) = read;

        if (role == AppRoles.Client)
        {
            await error.WriteLineAsync("Everyone is a Client; that role can't be taken away. To close an account, the person deletes it in their account settings.");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await RoleArguments.FindAsync(users, email, error, string.Empty) is not { } user)
        {
            return 1;
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await output.WriteLineAsync($"{email} doesn't have the role {role}; nothing to do.");
            return 0;
        }

        var result = await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"Could not revoke {role} from {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        await output.WriteLineAsync($"Revoked {role} from {email}. Their signed-in devices lose it within a minute.");
        return 0;
    }
}

/// <summary>What both role commands read first: "e-mail role" with a role that exists, then the account.</summary>
internal static class RoleArguments
{
    /// <summary>The e-mail and the role as the app spells it, or null after saying what's wrong.</summary>
    public static async Task<(string Email, string Role)?> ReadAsync(string command, string roles, IReadOnlyList<string> args, TextWriter error)
    {
        if (args.Count != 2)
        {
            await error.WriteLineAsync($"Usage: {command} <e-mail> <{roles}>");
            return null;
        }

        var role = AppRoles.All.FirstOrDefault(r => string.Equals(r, args[1], StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            await error.WriteLineAsync($"There is no role called '{args[1]}'. The roles are: {string.Join(", ", AppRoles.All)}.");
            return null;
        }

        return (args[0], role);
    }

    public static async Task<AppUser?> FindAsync(UserManager<AppUser> users, string email, TextWriter error, string advice)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"No account uses the e-mail '{email}'.{advice}");
        }

        return user;
    }
}
