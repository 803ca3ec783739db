using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace UserGroupClient.Testing.Hosting;

/// <summary>The request target exactly as it came over the wire, before ASP.NET Core decodes the path.</summary>
internal readonly record struct RequestTarget(string PathAndQuery, string Path, string Query)
{
    public static RequestTarget From(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = string.IsNullOrEmpty(raw) ? context.Request.Path + context.Request.QueryString : raw;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? new RequestTarget(target, target, string.Empty)
            : new RequestTarget(target, target[..question], target[(question + 1)..]);
    }
}
