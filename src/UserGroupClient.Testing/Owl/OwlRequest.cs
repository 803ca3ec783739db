using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.Testing.Owl;

/// <summary>One request as the handlers see it: the authenticated user, the query, and the body decoded the way gin binds it.</summary>
internal sealed class OwlRequest(HttpContext context, OwlUserRow? user, OwlClaims claims, int routeId)
{
    public OwlUserRow User => user ?? throw new InvalidOperationException("The route requires authentication.");

    /// <summary>The claims of the request's token (default on the login route).</summary>
    public OwlClaims Claims => claims;

    /// <summary>The <c>:id</c> path parameter; 0 when absent or not a number, as <c>strconv.Atoi</c> with an ignored error gives.</summary>
    public int RouteId => routeId;

    public string? Query(string name) =>
        context.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>An integer query parameter; a missing or unparsable one is the default, as Go's <c>strconv.Atoi</c> with an ignored error gives 0.</summary>
    public int QueryInt(string name, int fallback) =>
        Query(name) is { } text ? (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0) : fallback;

    public JsonObject BodyObject() => Body() as JsonObject ?? throw new OwlBadRequestException("json: cannot unmarshal array into Go value of type struct");

    public JsonArray BodyArray() => Body() as JsonArray ?? throw new OwlBadRequestException("json: cannot unmarshal object into Go value of type []*types.UserGroup");

    public static string String(JsonObject body, string key)
    {
        var node = body[key];
        if (node is null)
        {
            return "";
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new OwlBadRequestException($"json: cannot unmarshal {Kind(node)} into Go struct field .{key} of type string");
    }

    public static int Int(JsonObject body, string key)
    {
        var node = body[key];
        if (node is null)
        {
            return 0;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number)
            ? number
            : throw new OwlBadRequestException($"json: cannot unmarshal {Kind(node)} into Go struct field .{key} of type int");
    }

    /// <summary>The member array under <paramref name="key"/>: an omitted or null array is empty, as gorm's Replace reads it.</summary>
    public static List<JsonObject> Objects(JsonObject body, string key) => body[key] switch
    {
        null => [],
        JsonArray array => array.Select(item => item as JsonObject ?? throw new OwlBadRequestException($"json: cannot unmarshal {Kind(item)} into Go struct field .{key} of type struct")).ToList(),
        var other => throw new OwlBadRequestException($"json: cannot unmarshal {Kind(other)} into Go struct field .{key} of type []struct"),
    };

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private JsonNode? Body()
    {
        var bytes = context.Features.Get<RequestBodyFeature>()?.Body ?? [];
        if (bytes.Length == 0)
        {
            throw new OwlBadRequestException("EOF");
        }

        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new OwlBadRequestException($"invalid character in JSON: {exception.Message}");
        }
    }
}
