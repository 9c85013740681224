using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareerCompass.Web.Infrastructure.Health;

/// <summary>
/// Ready means the schema is the one this build expects: every migration it knows is applied. An instance started
/// against a database another (older or failed) release left behind answers 503 on <c>/health/ready</c> until it is.
/// </summary>
internal sealed class MigrationsHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}.");
    }
}

/// <summary>The three health addresses: <c>/health</c> (as before), <c>/health/live</c> and <c>/health/ready</c>.</summary>
internal static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            // Ready asks only for the migrations: reading the history needs the database to answer (an error there is
            // Unhealthy too), so a separate connection test would connect twice per probe.
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/health</c>: the database answers. <c>/health/live</c>: the process runs (no check, no query).
    /// <c>/health/ready</c>: the database answers and every migration is applied. Plain text ("Healthy" 200,
    /// "Unhealthy" 503), never cached, anonymous; the two probes answer straight from routing, so no cookie is read,
    /// no session looked up and no later middleware (the rate limiter among it) runs for them.
    /// </summary>
    public static void MapAppHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == "database" }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().ShortCircuit();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) })
            .AllowAnonymous().ShortCircuit();
    }
}
