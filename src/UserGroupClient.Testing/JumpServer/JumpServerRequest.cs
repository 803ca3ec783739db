using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>One request as the server's views see it: Django's path, query and headers, the organization and the user.</summary>
internal sealed class JumpServerRequest
{
    private readonly IHeaderDictionary headers;

    public JumpServerRequest(HttpContext http, JumpServerState state, string pathInfo, QueryParameters query, string? routeId)
    {
        Http = http;
        State = state;
        PathInfo = pathInfo;
        Query = query;
        RouteId = routeId;
        Method = http.Request.Method.ToUpperInvariant();
        headers = http.Request.Headers;
        Organization = new OrgScope(JumpServerEmulator.DefaultOrganizationId, "DEFAULT");
    }

    public HttpContext Http { get; }

    public JumpServerState State { get; }

    public JumpServerSettings Settings => State.Settings;

    /// <summary>The method upper-cased, as Django's <c>request.method</c>.</summary>
    public string Method { get; }

    /// <summary>The percent-decoded path Django routes on.</summary>
    public string PathInfo { get; }

    public QueryParameters Query { get; }

    /// <summary>The <c>{id}</c> path segment, when the route has one.</summary>
    public string? RouteId { get; }

    public OrgScope Organization { get; set; }

    public JumpServerEmulatedUser? User { get; set; }

    /// <summary>Django's <c>get_full_path()</c>, the path the access-key signature covers.</summary>
    public string FullPath => DjangoUrl.FullPath(PathInfo, Query.RawQuery);

    /// <summary>Django's <c>build_absolute_uri()</c>, from which paging links are made.</summary>
    public string AbsoluteUri => $"{Http.Request.Scheme}://{Http.Request.Host.Value}{FullPath}";

    public byte[] Body => Http.Features.GetRequiredFeature<RequestBodyFeature>().Body;

    /// <summary>The <c>created_by</c>/<c>updated_by</c> text: the user's name cut to 30 characters.</summary>
    public string ActorName => User is null ? "System" : Truncate(User.Name, 30);

    public TimeZoneInfo DisplayZone => JumpServerDates.ResolveZone(Header("X-TZ"));

    /// <summary>
    /// The client address JumpServer checks against an access key's allow-list: the first <c>X-Forwarded-For</c>
    /// entry when there is one, else the connection's address.
    /// </summary>
    public string ClientIp
    {
        get
        {
            var forwarded = Header("X-Forwarded-For");
            if (!string.IsNullOrEmpty(forwarded) && forwarded.Split(',')[0].Trim() is { Length: > 0 } first)
            {
                return first;
            }

            var remote = Http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
            return (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString();
        }
    }

    /// <summary>The header's value; when sent more than once, the last one.</summary>
    public string? Header(string name) => headers.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>Every header as Django's <c>request.META</c> names them for httpsig (see <see cref="SignatureVerifier"/>).</summary>
    public Dictionary<string, string> SignatureHeaderMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            if (values.Count == 0)
            {
                continue;
            }

            var key = name.ToLowerInvariant().Replace('_', '-');

            // signature.py strips the five characters of "HTTP_" from every META key, including CONTENT_TYPE and
            // CONTENT_LENGTH, so these two can never be found under their real names (jumpserver#17351).
            key = key switch
            {
                "content-type" => "nt-type",
                "content-length" => "nt-length",
                _ => key,
            };
            map[key] = values[^1] ?? string.Empty;
        }

        return map;
    }

    public ValueTask<RequestData> ReadDataAsync(params string[] listFields) => RequestBodyReader.ReadAsync(this, listFields);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
