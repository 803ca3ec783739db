using System.Text.Json.Serialization;
using Refit;

namespace UserGroupClient.Tests.Http;

/// <summary>A caller's own Refit interface, for <c>CreateApi</c>: a lookup of a named resource by id.</summary>
public interface ICallerLookup : IDisposable
{
    [Get("/oserve/v1/user-group/{id}/")]
    Task<CallerNamed?> GetAsync(long id);
}

/// <summary>A resource of the caller's with a name.</summary>
public sealed record CallerNamed(string Name);

/// <summary>The caller's JSON contracts for <see cref="ICallerLookup"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CallerNamed))]
internal sealed partial class CallerLookupJson : JsonSerializerContext;
