using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.MinApp;

/// <summary>The emulator's JSON: object shapes of docs/wire/minapp.md §3 and the error bodies of §1.4 and §5.</summary>
internal static class MinAppWire
{
    /// <summary>The oserve error body: <c>{"status": "error", "error_msg": …}</c>, on every 4xx and 5xx.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string message) =>
        JsonResponse.WriteJsonAsync(context.Response, status, new JsonObject { ["status"] = "error", ["error_msg"] = message });

    /// <summary>The RFC 6749 §5.2 body of the OAuth endpoints.</summary>
    public static Task OAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        JsonResponse.WriteJsonAsync(context.Response, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    public static JsonObject UserGroup(MinAppState state, GroupEntity group) => new()
    {
        ["id"] = group.Id,
        ["members"] = state.MemberCount(group.Id),
        ["name"] = group.Name,
        ["parent"] = group.ParentId is { } parentId && state.SuperGroups.TryGetValue(parentId, out var parent)
            ? new JsonObject { ["id"] = parent.Id, ["name"] = parent.Name }
            : null,
    };

    public static JsonObject SuperGroup(MinAppState state, SuperGroupEntity superGroup) => new()
    {
        ["children"] = new JsonArray(state.Groups.Values
            .Where(group => group.ParentId == superGroup.Id)
            .Select(group => (JsonNode)new JsonObject { ["id"] = group.Id, ["name"] = group.Name })
            .ToArray()),
        ["id"] = superGroup.Id,
        ["name"] = superGroup.Name,
    };

    public static JsonObject UserProfile(MinAppState state, UserEntity user) => new()
    {
        ["id"] = user.Id,
        ["user_id"] = user.UserId,
        ["nickname"] = user.Nickname,
        ["user_group"] = new JsonArray(state.Memberships.Where(pair => pair.ProfileId == user.Id).Select(pair => pair.GroupId).Order().Select(id => (JsonNode)id).ToArray()),
    };

    /// <summary>Parses a JSON request body; <see langword="null"/> when it is not JSON.</summary>
    public static JsonNode? ReadBody(HttpContext context)
    {
        var body = context.Features.Get<RequestBodyFeature>()?.Body ?? [];
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads an integer id the way tastypie would accept it: a JSON number or a string of digits.</summary>
    public static bool TryReadId(JsonNode? node, out long id)
    {
        id = 0;
        return node is JsonValue value && (value.GetValueKind() switch
        {
            JsonValueKind.Number => value.TryGetValue(out id),
            JsonValueKind.String => long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        });
    }

    /// <summary>Reads an array of integer ids; <see langword="null"/> when it is not one.</summary>
    public static List<long>? ReadIds(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        var ids = new List<long>();
        foreach (var item in array)
        {
            if (!TryReadId(item, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Parses <c>1,2,3</c>; <see langword="null"/> when a part is not an integer.</summary>
    public static List<long>? ParseIdList(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var ids = new List<long>();
        foreach (var part in text.Split(','))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }
}
