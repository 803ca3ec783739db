using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>
/// JumpServer's <c>MaxLimitOffsetPagination</c> (DRF's <c>LimitOffsetPagination</c> with a cap) and, from v4.10.8,
/// the silent cut of unpaged lists to 200 rows.
/// </summary>
internal static class Pagination
{
    public static ApiResult Respond<T>(JumpServerRequest request, IReadOnlyList<T> rows, Func<T, JsonNode> serialize)
    {
        var limit = GetLimit(request);
        if (limit is null)
        {
            var unpaged = request.Settings.IsV4 ? rows.Take(JumpServerSettings.UnpagedRowLimit) : rows;
            return ApiResult.Json(200, new JsonArray(unpaged.Select(row => (JsonNode?)serialize(row)).ToArray()));
        }

        var count = rows.Count;
        var offset = GetOffset(request);
        var page = count == 0 || offset > count ? [] : rows.Skip((int)offset).Take((int)limit.Value);
        return ApiResult.Json(200, new JsonObject
        {
            ["count"] = count,
            ["next"] = NextLink(request, limit.Value, offset, count),
            ["previous"] = PreviousLink(request, limit.Value, offset),
            ["results"] = new JsonArray(page.Select(row => (JsonNode?)serialize(row)).ToArray()),
        });
    }

    /// <summary><c>_positive_int(limit, strict=True, cutoff=max)</c>; null (no paging) when absent, zero, negative or not a number.</summary>
    private static long? GetLimit(JumpServerRequest request) =>
        request.Query.Get("limit") is { } text && PythonValues.TryParseInt(text, out var limit) && limit > 0
            ? Math.Min(limit, request.Settings.MaxPageSize)
            : null;

    private static long GetOffset(JumpServerRequest request) =>
        request.Query.Get("offset") is { } text && PythonValues.TryParseInt(text, out var offset) && offset >= 0 ? Math.Min(offset, int.MaxValue) : 0;

    private static string? NextLink(JumpServerRequest request, long limit, long offset, int count)
    {
        if (offset + limit >= count)
        {
            return null;
        }

        var url = ReplaceQueryParameter(request.AbsoluteUri, "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return ReplaceQueryParameter(url, "offset", (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? PreviousLink(JumpServerRequest request, long limit, long offset)
    {
        if (offset <= 0)
        {
            return null;
        }

        var url = ReplaceQueryParameter(request.AbsoluteUri, "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return offset - limit <= 0
            ? ReplaceQueryParameter(url, "offset", null)
            : ReplaceQueryParameter(url, "offset", (offset - limit).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>DRF's <c>replace_query_param</c>/<c>remove_query_param</c>: the query is re-encoded with its names sorted.</summary>
    private static string ReplaceQueryParameter(string url, string name, string? value)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var baseUrl = question < 0 ? url : url[..question];
        var pairs = question < 0 ? [] : DjangoUrl.ParseQuery(url[(question + 1)..]);

        // parse_qs groups repeated names; sorted() then orders the groups by name, keeping each group's values in order.
        var groups = pairs.GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Value).ToList(), StringComparer.Ordinal);
        if (value is null)
        {
            groups.Remove(name);
        }
        else
        {
            groups[name] = [value];
        }

        var query = DjangoUrl.UrlEncode(groups.OrderBy(group => group.Key, StringComparer.Ordinal)
            .SelectMany(group => group.Value.Select(item => new KeyValuePair<string, string>(group.Key, item))));
        return query.Length == 0 ? baseUrl : baseUrl + "?" + query;
    }
}
