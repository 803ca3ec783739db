using System.Text.Json.Nodes;

namespace UserGroupClient.Testing.Owl;

/// <summary>What a handler answers: the HTTP status (200 for everything the envelope carries) and the JSON body.</summary>
internal sealed record OwlReply(int StatusCode, JsonObject Body)
{
    /// <summary>Adds <c>WWW-Authenticate: JWT realm=TalkingData</c>, as gin-jwt's failures do.</summary>
    public bool Challenge { get; init; }

    /// <summary>The envelope: HTTP 200 and <c>code</c> in the body, as <c>defer c.JSON(http.StatusOK, response)</c> sends it.</summary>
    public static OwlReply Envelope(int code, string message) => new(200, new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary>A success envelope with payload keys.</summary>
    public static OwlReply Ok(params (string Key, JsonNode? Value)[] payload)
    {
        var body = new JsonObject { ["code"] = 200 };
        foreach (var (key, value) in payload)
        {
            body[key] = value;
        }

        return new OwlReply(200, body);
    }

    /// <summary>A failure with a real HTTP status (middleware, malformed JSON); the body still carries <c>code</c>.</summary>
    public static OwlReply Status(int status, string message, bool challenge = false) =>
        new(status, new JsonObject { ["code"] = status, ["message"] = message }) { Challenge = challenge };
}
