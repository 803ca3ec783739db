using System.Text.Json.Nodes;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// One endpoint's contract, read from <c>Fixtures/&lt;vendor&gt;/&lt;endpoint&gt;.json</c>: the request the SDK must send and
/// the answer the vendor documents, verbatim where the vendor's document gives one. A fixture whose example is wrong
/// for the real server carries the correction in <see cref="Correction"/> (and docs/wire lists it).
/// </summary>
/// <remarks>
/// The file's shape:
/// <code>
/// {
///   "source": "where the answer comes from",
///   "correction": "what was changed from the document, and why (optional)",
///   "request": { "method": "GET", "path": "/api/…/", "query": { "name": "value" }, "headers": { "X-Name": "value" }, "body": { … } | "form": { "field": "value" } },
///   "response": { "status": 200, "headers": { "Content-Type": "application/json" }, "body": { … } }
/// }
/// </code>
/// <c>query</c>, <c>headers</c>, <c>body</c> and <c>form</c> are optional; a request without <c>body</c> or <c>form</c>
/// must have none; <c>form</c> is a <c>multipart/form-data</c> body with exactly these fields (<see cref="MultipartForm"/>). A response
/// body that is a JSON string is sent as that text (for non-JSON answers); any other JSON value is sent as JSON.
/// </remarks>
public sealed class ContractFixture
{
    private ContractFixture(string name, JsonObject root)
    {
        Name = name;
        var request = root["request"]!.AsObject();
        var response = root["response"]!.AsObject();
        Source = (string?)root["source"] ?? throw new InvalidDataException($"Fixture {name} names no source.");
        Correction = (string?)root["correction"];
        Method = (string)request["method"]!;
        Path = (string)request["path"]!;
        Query = Strings(request["query"]);
        Headers = Strings(request["headers"]);
        RequestBody = request["body"]?.DeepClone();
        Form = request["form"] is JsonObject form ? Strings(form) : null;
        Status = (int)response["status"]!;
        ResponseHeaders = Strings(response["headers"]);
        ResponseBody = response["body"]?.DeepClone();
    }

    /// <summary>The fixture's vendor and endpoint, e.g. <c>JumpServer/groups-create</c>.</summary>
    public string Name { get; }

    /// <summary>Where the answer comes from: the vendor document's example, or the docs/wire section.</summary>
    public string Source { get; }

    /// <summary>What was corrected from the vendor document, when anything was.</summary>
    public string? Correction { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The exact query parameters the request must carry (no more, no fewer), order-independent.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Headers the request must carry with exactly these values.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The JSON body the request must carry, compared parsed; <see langword="null"/> when it must have none.</summary>
    public JsonNode? RequestBody { get; }

    /// <summary>The <c>multipart/form-data</c> fields the request must carry, exactly; <see langword="null"/> when its body is not a form.</summary>
    public IReadOnlyDictionary<string, string>? Form { get; }

    public int Status { get; }

    public IReadOnlyDictionary<string, string> ResponseHeaders { get; }

    /// <summary>The answer's body: a JSON value sent as JSON, or a JSON string sent as raw text.</summary>
    public JsonNode? ResponseBody { get; }

    /// <summary>Reads <c>Fixtures/<paramref name="vendor"/>/<paramref name="endpoint"/>.json</c>.</summary>
    public static ContractFixture Load(string vendor, string endpoint)
    {
        var name = $"{vendor}/{endpoint}";
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", vendor, endpoint + ".json");
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        return new ContractFixture(name, root);
    }

    private static Dictionary<string, string> Strings(JsonNode? node) =>
        node is JsonObject values
            ? values.ToDictionary(pair => pair.Key, pair => pair.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : pair.Value!.ToJsonString(), StringComparer.Ordinal)
            : [];
}
