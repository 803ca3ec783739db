namespace UserGroupClient.Testing.JumpServer;

/// <summary>A request's query parameters as Django's <c>QueryDict</c> holds them: repeated names keep every value, <c>get</c> returns the last.</summary>
internal sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> pairs;

    public QueryParameters(string rawQuery)
    {
        RawQuery = rawQuery;
        pairs = DjangoUrl.ParseQuery(rawQuery);
    }

    public string RawQuery { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => pairs;

    /// <summary>The last value given for <paramref name="name"/>, or null when absent.</summary>
    public string? Get(string name)
    {
        for (var i = pairs.Count - 1; i >= 0; i--)
        {
            if (pairs[i].Key == name)
            {
                return pairs[i].Value;
            }
        }

        return null;
    }

    /// <summary>The last value for <paramref name="name"/> when it is present and not empty; django-filter skips empty values.</summary>
    public string? GetNonEmpty(string name) => Get(name) is { Length: > 0 } value ? value : null;

    /// <summary>A comma-separated list parameter (<c>ids=a,b</c>), items trimmed, or null when absent or empty.</summary>
    public IReadOnlyList<string>? GetList(string name) =>
        GetNonEmpty(name)?.Split(',').Select(item => item.Trim()).ToArray();
}
