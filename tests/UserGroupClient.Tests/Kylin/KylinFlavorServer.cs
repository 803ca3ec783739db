using System.Net;
using System.Text.Json;
using System.Web;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// A Kylin server's user groups behind a <see cref="StubHandler"/>, answered in the API of one flavor (KAP's v2 API,
/// Apache Kylin's JSON API or the v4-public open API), paging as that API pages, and keeping what is written.
/// </summary>
internal sealed class KylinFlavorServer
{
    private readonly KylinFlavor _flavor;
    private readonly Dictionary<string, List<string>> _groups;

    public KylinFlavorServer(KylinFlavor flavor, Dictionary<string, List<string>> groups)
    {
        _flavor = flavor;
        _groups = groups;
        Handler = new StubHandler(Respond);
    }

    public StubHandler Handler { get; }

    /// <summary>The members of each group as the server holds them now.</summary>
    public IReadOnlyDictionary<string, List<string>> Groups => _groups;

    /// <summary>Each request as <c>METHOD path?query</c>, without the API prefix.</summary>
    public IEnumerable<string> Sent => Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery["/kylin/api".Length..]}");

    public IEnumerable<RecordedRequest> Writes => Handler.Requests.Where(r => r.Method != "GET");

    public KylinStub Client(string user = "ADMIN") =>
        new(Handler, o => (o.Flavor, o.Credentials, o.DefaultPageSize) = (_flavor, KylinCredentials.Basic(user, "secret"), 2));

    /// <summary>A client that detects the flavor: the server answers the anonymous probe as its flavor does.</summary>
    public KylinStub DetectingClient() =>
        new(Handler, o => (o.Flavor, o.Credentials, o.DefaultPageSize) = (KylinFlavor.Auto, KylinCredentials.Basic("ADMIN", "secret"), 2));

    private static HttpResponseMessage Envelope(string data) => StubHandler.Json(HttpStatusCode.OK, $$"""{"code":"000","data":{{data}},"msg":""}""");

    private static string Users(IEnumerable<string> names) =>
        string.Join(',', names.Select(n => $$"""{"username":{{JsonSerializer.Serialize(n)}},"authorities":[],"disabled":false}"""));

    private static string Page(List<string> items, int index, int size, Func<IEnumerable<string>, string> render) =>
        $$"""{"value":[{{render(items.Skip(index * size).Take(size))}}],"offset":{{index}},"limit":{{size}},"total_size":{{items.Count}}}""";

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        if (KylinProbeAnswers.IsProbe(request))
        {
            return KylinProbeAnswers.Of(_flavor);
        }

        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath["/kylin/api/user_group".Length..]);
        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        var body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
        return _flavor switch
        {
            KylinFlavor.Kap3 => Kap(request.Method.Method, path, query, body),
            KylinFlavor.Apache3 or KylinFlavor.Apache4 => Apache(request.Method.Method, path, query, body),
            _ => Open(request.Method.Method, path, query, body),
        };
    }

    private HttpResponseMessage Kap(string method, string path, System.Collections.Specialized.NameValueCollection query, string? body)
    {
        switch (method, path)
        {
            case ("GET", "/groups"):
                return Envelope(JsonSerializer.Serialize(_groups.Keys));
            case ("GET", _) when path.StartsWith("/groupMembers/", StringComparison.Ordinal):
                var members = _groups.GetValueOrDefault(path["/groupMembers/".Length..]) ?? [];
                var index = int.Parse(query["pageOffset"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                var size = int.Parse(query["pageSize"] ?? "10", System.Globalization.CultureInfo.InvariantCulture);
                return Envelope($$"""{"groupMembers":[{{Users(members.Skip(index * size).Take(size))}}],"size":{{members.Count}}}""");
            default:
                return Write(method, path, body);
        }
    }

    private HttpResponseMessage Apache(string method, string path, System.Collections.Specialized.NameValueCollection query, string? body)
    {
        switch (method, path)
        {
            case ("GET", "/groups"):
                var name = query["name"];
                var fuzzy = query["isFuzzMatch"] == "true";
                var matched = _groups
                    .Where(g => name is null || (fuzzy ? g.Key.Contains(name, StringComparison.OrdinalIgnoreCase) : g.Key == name))
                    .ToList();
                var offset = int.Parse(query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
                var limit = int.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
                var page = matched.Skip(offset).Take(limit).ToDictionary(g => g.Key, g => g.Value);
                return Envelope($$"""{"groups":{{JsonSerializer.Serialize(page)}},"size":{{matched.Count}}}""");
            case ("GET", _) when path.StartsWith("/users/", StringComparison.Ordinal):
                return Envelope($$"""{"users":[{{Users(_groups.GetValueOrDefault(path["/users/".Length..]) ?? [])}}]}""");
            default:
                return Write(method, path, body);
        }
    }

    private HttpResponseMessage Open(string method, string path, System.Collections.Specialized.NameValueCollection query, string? body)
    {
        var index = int.Parse(query["page_offset"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var size = int.Parse(query["page_size"] ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        switch (method, path)
        {
            case ("GET", "/groups"):
                var name = query["group_name"];
                var comparison = query["is_case_sensitive"] == "true" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                var matched = _groups.Keys.Where(g => name is null || g.Contains(name, comparison)).ToList();
                return Envelope(Page(matched, index, size, names => string.Join(',', names.Select(n => JsonSerializer.Serialize(n)))));
            case ("GET", _) when path.StartsWith("/group_members/", StringComparison.Ordinal):
                return Envelope(Page(_groups.GetValueOrDefault(path["/group_members/".Length..]) ?? [], index, size, Users));
            case ("POST", ""):
                _groups[JsonDocument.Parse(body!).RootElement.GetProperty("group_name").GetString()!] = [];
                return Envelope("\"\"");
            case ("DELETE", ""):
                _groups.Remove(JsonDocument.Parse(body!).RootElement.GetProperty("group_name").GetString()!);
                return Envelope("\"\"");
            case ("PUT", "/users"):
                var root = JsonDocument.Parse(body!).RootElement;
                _groups[root.GetProperty("group_name").GetString()!] = [.. root.GetProperty("users").EnumerateArray().Select(u => u.GetString()!)];
                return Envelope("\"\"");
            default:
                return StubHandler.Json(HttpStatusCode.NotFound, """{"code":"999","data":null,"msg":"no such endpoint"}""");
        }
    }

    // KAP and Apache Kylin: the name in the path, the members as a bare array.
    private HttpResponseMessage Write(string method, string path, string? body)
    {
        switch (method)
        {
            case "POST":
                _groups[path[1..]] = [];
                return Envelope("\"\"");
            case "DELETE":
                _groups.Remove(path[1..]);
                return Envelope("\"\"");
            case "PUT" when path.StartsWith("/users/", StringComparison.Ordinal):
                _groups[path["/users/".Length..]] = JsonSerializer.Deserialize<List<string>>(body!)!;
                return Envelope("\"\"");
            default:
                return StubHandler.Json(HttpStatusCode.NotFound, """{"code":"999","data":null,"msg":"no such endpoint"}""");
        }
    }
}
