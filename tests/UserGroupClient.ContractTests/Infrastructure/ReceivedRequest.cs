using System.Text.Json.Nodes;
using WireMock.Logging;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>A request the contract server received, checked against its fixture.</summary>
public sealed class ReceivedRequest
{
    private ReceivedRequest(ILogEntry entry) => Entry = entry;

    /// <summary>The WireMock log entry, for checks beyond the fixture's.</summary>
    public ILogEntry Entry { get; }

    /// <summary>A request header's value, or <see langword="null"/>.</summary>
    public string? Header(string name) =>
        Entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    /// <summary>The raw body as received.</summary>
    public string? Body => Entry.RequestMessage.Body;

    internal static ReceivedRequest Check(ILogEntry entry, ContractFixture fixture)
    {
        var request = entry.RequestMessage;
        var label = $"{fixture.Name}: {request.Method} {request.Path}{request.RawQuery}";
        Assert.True(entry.MappingGuid is not null && entry.RequestMatchResult?.IsPerfectMatch == true, $"{label} matched no mapping (WireMock answered its own 404).");
        Assert.Equal(fixture.Method, request.Method);
        Assert.Equal(fixture.Path, request.Path);

        var query = NameValues.ParseQuery(request.RawQuery);
        Assert.True(
            NameValues.AreEqual(query, fixture.Query),
            $"{label}: the query is {{{NameValues.Describe(query)}}}, the contract says {{{NameValues.Describe(fixture.Query)}}}.");

        var received = new ReceivedRequest(entry);
        foreach (var (name, value) in fixture.Headers)
        {
            Assert.True(received.Header(name) == value, $"{label}: header {name} is '{received.Header(name)}', the contract says '{value}'.");
        }

        if (fixture.Form is not null)
        {
            MultipartForm.AssertFields(label, received, fixture.Form);
        }
        else if (fixture.RequestBody is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"{label}: the contract has no body, the SDK sent '{request.Body}'.");
        }
        else
        {
            var body = JsonNode.Parse(request.Body ?? "null");
            Assert.True(JsonNode.DeepEquals(fixture.RequestBody, body), $"{label}: the body is {body?.ToJsonString()}, the contract says {fixture.RequestBody.ToJsonString()}.");
        }

        return received;
    }
}
