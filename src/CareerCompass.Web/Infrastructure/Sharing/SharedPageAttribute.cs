using CareerCompass.Domain.Sharing;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// A page a counsellor can open for a client, read-only, at <see cref="Route"/> under
/// <c>/Counsellor/Clients/{clientId}/</c>, when the client's grant covers <see cref="Area"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SharedPageAttribute(SharedArea area, string route) : Attribute
{
    public SharedArea Area { get; } = area;

    /// <summary>The page's address after the client part, e.g. <c>Goals/{id:int}</c>; empty for the dashboard.</summary>
    public string Route { get; } = route;
}
