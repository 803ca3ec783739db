using WireMock.ResponseProviders;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>Mappings for endpoints that are called more than once in a test: pages, retries, read-then-write facades.</summary>
public static class ContractServerSequences
{
    /// <summary>
    /// Answers the fixtures' common method and path with each fixture's answer in turn, one per request; the last
    /// repeats. The fixtures differ in what they expect (the query of each page, say), which <see cref="ContractServer.ReceivedInOrder"/> checks.
    /// </summary>
    public static ContractServer GivenSequence(this ContractServer server, params ContractFixture[] fixtures)
    {
        ArgumentNullException.ThrowIfNull(fixtures);
        Assert.True(
            fixtures.Length > 0 && fixtures.All(f => f.Method == fixtures[0].Method && f.Path == fixtures[0].Path),
            "A sequence answers one method and path: " + string.Join(", ", fixtures.Select(f => $"{f.Method} {f.Path}")));
        AnswerSequence.Map(server, fixtures[0].Method, fixtures[0].Path, [.. fixtures.Select(ContractServer.Answer)]);
        return server;
    }

    /// <summary>Answers the fixture's method and path with <paramref name="answers"/> in turn (faults, then the documented answer, say); the last repeats.</summary>
    public static ContractServer GivenAnswers(this ContractServer server, ContractFixture fixture, params IResponseProvider[] answers)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        AnswerSequence.Map(server, fixture.Method, fixture.Path, answers);
        return server;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> requests are in the log: WireMock logs a request when its answer is ready, so a
    /// delayed answer the client gave up on is logged only once its delay has run out.
    /// </summary>
    public static async Task WaitForRequestsAsync(this ContractServer server, int count, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (server.Server.LogEntries.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
