namespace UserGroupClient.Testing.JumpServer;

/// <summary>Who may call an endpoint.</summary>
internal enum Access
{
    /// <summary>Anyone, even anonymous (DRF's <c>AllowAny</c>).</summary>
    Anyone,

    /// <summary>Any authenticated, active user.</summary>
    AnyUser,

    /// <summary>Superusers, and members of the current organization (never ROOT).</summary>
    OrgMember,

    /// <summary>Superusers only.</summary>
    Admin,
}

internal delegate ValueTask<ApiResult> Handler(JumpServerRequest request);

internal sealed record Endpoint(Access Access, Handler Handler);

/// <summary>A Django URL pattern under which a DRF view answers some methods; <c>{id}</c> matches <c>[^/.]+</c> like DRF's router.</summary>
internal sealed class Route
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];
    private readonly string[] segments;

    public Route(string template, IReadOnlyDictionary<string, Endpoint> endpoints)
    {
        segments = template.Split('/');
        Endpoints = endpoints;
        Allow = string.Join(", ", MethodOrder.Where(method => endpoints.ContainsKey(method) || (method == "HEAD" && endpoints.ContainsKey("GET"))));

        // DRF checks permissions before it looks for the method's handler: whoever may use the view at all gets the 405.
        AccessForUnknownMethod = endpoints.Values.Min(endpoint => endpoint.Access);
    }

    public IReadOnlyDictionary<string, Endpoint> Endpoints { get; }

    /// <summary>The <c>Allow</c> header DRF adds to every response of the view.</summary>
    public string Allow { get; }

    public Access AccessForUnknownMethod { get; }

    public bool TryMatch(string path, out string? id)
    {
        id = null;
        var parts = path.Split('/');
        if (parts.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (segments[i] == "{id}")
            {
                if (parts[i].Length == 0 || parts[i].Contains('.', StringComparison.Ordinal))
                {
                    return false;
                }

                id = parts[i];
            }
            else if (segments[i] != parts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The endpoint for a method; HEAD runs GET, as Django's views do.</summary>
    public Endpoint? Find(string method) =>
        Endpoints.GetValueOrDefault(method) ?? (method == "HEAD" ? Endpoints.GetValueOrDefault("GET") : null);
}

internal sealed class RouteTable
{
    private readonly List<Route> routes = [];

    public void Map(string template, IReadOnlyDictionary<string, Endpoint> endpoints) => routes.Add(new Route(template, endpoints));

    public (Route Route, string? Id)? Match(string path)
    {
        foreach (var route in routes)
        {
            if (route.TryMatch(path, out var id))
            {
                return (route, id);
            }
        }

        return null;
    }
}
