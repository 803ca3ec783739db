namespace UserGroupClient.Http;

/// <summary>
/// Refuses a Refit request whose path lost segments on the way: Refit passes a path value <c>.</c> or <c>..</c> on, and
/// the URI resolves it away (an id <c>..</c> turns <c>DELETE …/groups/{id}/</c> into <c>DELETE …/</c>, another
/// resource). The path sent must have as many segments as the base address's path and the method's route template
/// together; a template with a catch-all parameter (<c>{**…}</c>) is not checked, nor an empty one: a <c>[Url]</c>
/// method's, whose caller gives the whole address (every other route starts with <c>/</c>).
/// </summary>
internal sealed class RouteCheck
{
    // Refit records each request's route template under this key (RelativePathTemplate).
    private static readonly HttpRequestOptionsKey<string> TemplateKey = new("Refit.RelativePathTemplate");

    private readonly int _baseSlashes;

    /// <summary>For requests sent under <paramref name="baseAddress"/>, whose path ends in <c>/</c>.</summary>
    public RouteCheck(Uri baseAddress) => _baseSlashes = baseAddress.AbsolutePath.Count('/');

    /// <summary>Throws when <paramref name="request"/> came from a route template and its path does not have the template's segments.</summary>
    /// <exception cref="ArgumentException">A path value was a dot segment (or held an unescaped slash).</exception>
    public void Verify(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(TemplateKey, out var template) || template.Length == 0 || template.Contains("{**", StringComparison.Ordinal))
        {
            return;
        }

        // The route is the template up to its query, if it has one.
        var parts = template.AsSpan().Split('?');
        parts.MoveNext();
        var route = template.AsSpan()[parts.Current];

        // The base path's last slash and the route's first are one: Refit joins "/base/" and "/groups/" as "/base/groups/".
        var expected = _baseSlashes - 1 + route.Count('/');
        if (request.RequestUri!.AbsolutePath.Count('/') != expected)
        {
            throw new ArgumentException($"A path value of {request.Method} {template} is '.', '..' or holds a slash: {request.RequestUri.AbsolutePath} names another resource. Nothing was sent.");
        }
    }
}
