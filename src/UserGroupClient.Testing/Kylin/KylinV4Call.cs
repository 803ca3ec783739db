using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.Kylin;

/// <summary>One request that reached a Kylin 5 / KE 4 handler: the caller, the decoded path variable, and the media type the handler produces.</summary>
internal sealed record KylinV4Call(HttpContext Context, KylinStoredUser Caller, string Name, string MediaType);
