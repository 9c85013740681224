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
        if (args.Count != 2)
        {
            await error.WriteLineAsync($"Usage: {Name} <e-mail> <{string.Join('|', AppRoles.All)}>");
            return 2;
        }

        var (email, roleName) = (args[0], args[1]);
        var role = AppRoles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            await error.WriteLineAsync($"There is no role called '{roleName}'. The roles are: {string.Join(", ", AppRoles.All)}.");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"No account uses the e-mail '{email}'. The person needs to register first.");
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
        if (args.Count != 2)
        {
            await error.WriteLineAsync($"Usage: {Name} <e-mail> <{AppRoles.Counsellor}|{AppRoles.Admin}>");
            return 2;
        }

        var (email, roleName) = (args[0], args[1]);
        var role = AppRoles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            await error.WriteLineAsync($"There is no role called '{roleName}'. The roles are: {string.Join(", ", AppRoles.All)}.");
            return 2;
        }

        if (role == AppRoles.Client)
        {
            await error.WriteLineAsync("Everyone is a Client; that role can't be taken away. To close an account, the person deletes it in their account settings.");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"No account uses the e-mail '{email}'.");
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
