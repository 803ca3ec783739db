using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary>
/// Tastypie-style paging (docs/wire/minapp.md §2): <c>limit</c> default 20, above 1000 or 0 → 1000, negative or not a
/// number → 400; <c>meta.next</c>/<c>previous</c> are host-relative paths that keep the other query parameters.
/// </summary>
internal static class MinAppListPage
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;

    public static async Task WriteAsync<T>(HttpContext context, string path, IReadOnlyList<T> items, Func<T, JsonNode> toJson)
    {
        if (!TryRead(context.Request.Query["limit"], DefaultLimit, out var limit) || !TryRead(context.Request.Query["offset"], 0, out var offset))
        {
            await MinAppWire.ErrorAsync(context, 400, "limit and offset must be non-negative integers").ConfigureAwait(false);
            return;
        }

        if (limit is 0 or > MaxLimit)
        {
            limit = MaxLimit;
        }

        var others = OtherParameters(context);
        var page = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["limit"] = limit,
                ["next"] = offset + limit < items.Count ? Link(path, limit, offset + limit, others) : null,
                ["offset"] = offset,
                ["previous"] = offset > 0 ? Link(path, limit, Math.Max(0, offset - limit), others) : null,
                ["total_count"] = items.Count,
            },
            ["objects"] = new JsonArray(items.Skip(offset).Take(limit).Select(toJson).ToArray()),
        };
        await JsonResponse.WriteJsonAsync(context.Response, 200, page).ConfigureAwait(false);
    }

    private static bool TryRead(string? text, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string Link(string path, int limit, int offset, string others) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}?limit={limit}&offset={offset}{others}");

    private static string OtherParameters(HttpContext context)
    {
        var raw = RequestTarget.From(context).Query;
        var kept = raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => pair.Split('=')[0] is not ("limit" or "offset"));
        return string.Concat(kept.Select(pair => "&" + pair));
    }
}
