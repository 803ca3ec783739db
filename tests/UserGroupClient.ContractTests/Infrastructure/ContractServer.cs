using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.ResponseProviders;
using WireMock.Server;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>
/// A WireMock.Net server on loopback that answers from <see cref="ContractFixture"/>s and checks, exactly, what the SDK
/// sent. Mappings match on method and path only, so a request that gets the query, a header or the body wrong still
/// reaches its mapping and fails the exact assertion with a readable difference; a request that matches no mapping gets
/// WireMock's own 404, and <see cref="Received"/> refuses it, so that 404 never passes for a vendor's "not found".
/// </summary>
public sealed class ContractServer : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly List<AnswerSequence> _sequences = [];

    /// <summary>The server's base address, e.g. <c>http://localhost:54321/</c>.</summary>
    public Uri BaseAddress => new(_server.Url! + "/");

    /// <summary>Answers the fixture's method and path with its documented response.</summary>
    public ContractServer Given(ContractFixture fixture)
    {
        _server.Given(Request.Create().UsingMethod(fixture.Method).WithPath(fixture.Path)).RespondWith(Answer(fixture));
        return this;
    }

    /// <summary>
    /// Answers the requests to the fixtures' one method and path with each fixture's answer in turn (pages, a lookup
    /// before and after a create); the fixtures differ in what they expect, which <see cref="ReceivedInOrder"/> checks.
    /// </summary>
    public ContractServer GivenInTurn(AfterTheLastAnswer afterTheLast, params ContractFixture[] fixtures)
    {
        ArgumentNullException.ThrowIfNull(fixtures);
        Assert.True(
            fixtures.Length > 0 && fixtures.All(f => f.Method == fixtures[0].Method && f.Path == fixtures[0].Path),
            "A sequence answers one method and path: " + string.Join(", ", fixtures.Select(f => $"{f.Method} {f.Path}")));
        return GivenInTurn(fixtures[0], afterTheLast, [.. fixtures.Select(Answer)]);
    }

    /// <summary>
    /// Answers the requests to the fixture's method and path with <paramref name="answers"/> in turn, whatever they are:
    /// a fault and then the fixture's own answer (<see cref="Answer"/>), say, or one fault for every request.
    /// </summary>
    public ContractServer GivenInTurn(ContractFixture fixture, AfterTheLastAnswer afterTheLast, params IResponseProvider[] answers)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfZero(answers.Length);
        var sequence = new AnswerSequence(answers, afterTheLast);
        _sequences.Add(sequence);
        _server.Given(Request.Create().UsingMethod(fixture.Method).WithPath(fixture.Path).Add(sequence)).RespondWith(sequence);
        return this;
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ILogEntry> Requests => [.. _server.LogEntries.OrderBy(entry => entry.RequestMessage.DateTime)];

    /// <summary>
    /// Waits until <paramref name="count"/> requests are logged and no answer of <see cref="GivenInTurn(ContractFixture, AfterTheLastAnswer, IResponseProvider[])"/>
    /// is still on its way. WireMock.Net logs a request only once its answer has gone out, so a request answered late
    /// shows up in <see cref="Requests"/> only then, even when the client gave up on it long before. Call this right
    /// after the call under test, so that a request it should not have sent is counted too.
    /// </summary>
    public async Task WaitForRequestsAsync(int count)
    {
        // A request sent just before the call returned may still be on its way to the server.
        await Task.Delay(100);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((_server.LogEntries.Count < count || _sequences.Any(sequence => sequence.IsAnswering)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // WireMock.Net writes the log entry just after the answer is ready.
        await Task.Delay(20);
    }

    /// <summary>
    /// Asserts that exactly one request reached the server, that a mapping answered it, and that it is exactly the
    /// fixture's request; returns it for further checks (the authorization header's shape, for instance).
    /// </summary>
    public ReceivedRequest Received(ContractFixture fixture) => ReceivedRequest.Check(Assert.Single(Requests), fixture);

    /// <summary>Asserts the requests in order against the fixtures, one each; returns them.</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedInOrder(params ContractFixture[] fixtures)
    {
        var requests = Requests;
        Assert.True(
            requests.Count == fixtures.Length,
            $"Expected {fixtures.Length} requests ({string.Join(", ", fixtures.Select(f => $"{f.Method} {f.Path}"))}), got {requests.Count}: {string.Join(", ", requests.Select(r => $"{r.RequestMessage.Method} {r.RequestMessage.Path}"))}.");
        return [.. requests.Zip(fixtures, ReceivedRequest.Check)];
    }

    public void Dispose() => _server.Stop();

    /// <summary>The fixture's documented answer as a WireMock response.</summary>
    public static IResponseBuilder Answer(ContractFixture fixture)
    {
        var response = Response.Create().WithStatusCode(fixture.Status);
        foreach (var (name, value) in fixture.ResponseHeaders)
        {
            response = response.WithHeader(name, value);
        }

        return fixture.ResponseBody switch
        {
            null => response,
            JsonValue text when text.TryGetValue<string>(out var raw) => response.WithBody(raw),
            var json => response.WithBody(json.ToJsonString()),
        };
    }
}
