using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Testing.Hosting;
using WireMock.ResponseBuilders;

namespace UserGroupClient.ContractTests.Faults;

/// <summary>
/// The fault contracts every dialect meets, written once; each dialect's class describes its client, a read, a create,
/// a delete and a facade create by their fixtures, and adds the cases only it has. Through WireMock.Net: an answer past
/// the attempt timeout, a malformed chunk, an empty reply, a 429 with <c>Retry-After</c> and a 503 HTML page; through
/// the dialect's emulator: a reset connection and an answer lost after the server acted. The classes run in
/// <see cref="FaultTests.Collection"/>.
/// </summary>
/// <remarks>
/// What is resent follows the method: reads, deletes and the PUTs that replace are, <see cref="ContractResilience.Retries"/>
/// times at most; a create is never sent blindly again, whatever its method: the facade finds out whether it happened by
/// looking the name up. A 200 whose body is spoiled (a malformed chunk, an empty reply) is not resent, not even a
/// read's: the retries judge an answer by its status and headers, and the body is read afterwards, outside them.
/// </remarks>
public abstract class FaultContracts<TClient>
    where TClient : IDisposable
{
    /// <summary>The name of the group the create fixtures create and the facade looks up.</summary>
    protected abstract string GroupName { get; }

    /// <summary>The id of the group the delete fixture deletes.</summary>
    protected abstract string GroupId { get; }

    protected abstract ContractFixture ReadFixture { get; }

    protected abstract ContractFixture CreateFixture { get; }

    protected abstract ContractFixture DeleteFixture { get; }

    /// <summary>The facade's name lookup before the create: <see cref="GroupName"/> is not there.</summary>
    protected abstract ContractFixture LookupWithoutTheGroup { get; }

    /// <summary>
    /// What the facade reads to find the group its create made when the create's answer came back empty: the name
    /// lookup again, now with the group in it (MinApp reads the group its answer's <c>Location</c> names instead).
    /// </summary>
    protected abstract IReadOnlyList<ContractFixture> FindingTheCreatedGroup { get; }

    /// <summary>The id <see cref="CreateFixture"/>'s answer and <see cref="FindingTheCreatedGroup"/> give the new group.</summary>
    protected abstract string CreatedGroupId { get; }

    /// <summary>The status the server answers a delete of a group that is gone with (a 404, or the dialect's own not-found).</summary>
    protected abstract int MissingGroupDeleteStatus { get; }

    /// <summary>The dialect's 429, with <c>Retry-After: 1</c>: a gateway's plain text unless the server throttles by itself.</summary>
    protected virtual IResponseBuilder TooManyRequests => ContractFaults.TooManyRequests(retryAfterSeconds: 1);

    /// <summary>The error code <see cref="TooManyRequests"/> raises.</summary>
    protected virtual string? TooManyRequestsCode => null;

    /// <summary>The server message the caller gets from <see cref="ContractFaults.ServiceUnavailable"/>'s HTML page.</summary>
    protected abstract string ServiceUnavailableMessage { get; }

    /// <summary>A client of <paramref name="server"/> with <paramref name="retries"/> applied to its options.</summary>
    protected abstract TClient Client(ContractServer server, Action<UserGroupClientOptions> retries);

    /// <summary>The facade the contracts create groups through (and read them on the emulator).</summary>
    protected abstract IUserGroupService Facade(TClient client);

    /// <summary>The read of <see cref="ReadFixture"/>, asserting what its answer parses to.</summary>
    protected abstract Task ReadAsync(TClient client);

    /// <summary>The typed create of <see cref="GroupName"/>, as <see cref="CreateFixture"/> expects it.</summary>
    protected abstract Task CreateAsync(TClient client);

    /// <summary>The typed delete of the group <paramref name="groupId"/>.</summary>
    protected abstract Task DeleteAsync(TClient client, string groupId);

    /// <summary>Starts the dialect's emulator with a client that has retries on.</summary>
    protected abstract Task<EmulatedServer<TClient>> StartEmulatorAsync();

    [Fact]
    public async Task AReadAnsweredTooLateIsSentAgainAndTheNextAnswerCounts()
    {
        using var server = new ContractServer();
        server.GivenInTurn(ReadFixture, AfterTheLastAnswer.NoMapping, ContractFaults.Late(ReadFixture), ContractServer.Answer(ReadFixture));
        using var client = await ShortAttemptClientAsync(server);

        await ReadAsync(client);

        await server.WaitForRequestsAsync(2);
        server.ReceivedInOrder(ReadFixture, ReadFixture);
    }

    [Fact]
    public async Task AReadAnsweredTooLateEveryTimeIsSentUntilTheRetriesRunOutThenTimesOut()
    {
        using var server = new ContractServer();
        server.GivenInTurn(ReadFixture, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(ReadFixture));
        using var attempts = new AttemptLog();
        using var client = await ShortAttemptClientAsync(server, attempts);

        await Assert.ThrowsAsync<TimeoutException>(() => ReadAsync(client));

        // The client's own count: an attempt cut short on a busy machine may never have reached the server.
        Assert.Equal(ContractResilience.Attempts, attempts.Failed);
        await server.WaitForRequestsAsync(ContractResilience.Attempts);
        var received = server.Requests.Count;
        Assert.InRange(received, 1, ContractResilience.Attempts);
        server.ReceivedInOrder([.. Enumerable.Repeat(ReadFixture, received)]);
    }

    [Fact]
    public async Task ACreateAnsweredTooLateIsSentOnceAndTimesOut()
    {
        using var server = new ContractServer();
        server.GivenInTurn(CreateFixture, AfterTheLastAnswer.RepeatIt, ContractFaults.Late(CreateFixture));
        using var attempts = new AttemptLog();
        using var client = await ShortAttemptClientAsync(server, attempts);

        await Assert.ThrowsAsync<TimeoutException>(() => CreateAsync(client));

        // The client's own count: an attempt cut short on a busy machine may never have reached the server.
        Assert.Equal(1, attempts.Failed);
        await server.WaitForRequestsAsync(1);
        var received = server.Requests.Count;
        Assert.InRange(received, 0, 1);
        server.ReceivedInOrder([.. Enumerable.Repeat(CreateFixture, received)]);
    }

    [Fact]
    public async Task AFacadeCreateAnsweredTooLateLooksTheNameUpBeforeItCreatesAgain()
    {
        using var server = new ContractServer();
        server.Given(LookupWithoutTheGroup);
        server.GivenInTurn(CreateFixture, AfterTheLastAnswer.NoMapping, ContractFaults.Late(CreateFixture), ContractServer.Answer(CreateFixture));
        using var client = await ShortAttemptClientAsync(server);

        var group = await Facade(client).CreateGroupAsync(new NewUserGroup(GroupName));

        await server.WaitForRequestsAsync(4);
        server.ReceivedInOrder(LookupWithoutTheGroup, CreateFixture, LookupWithoutTheGroup, CreateFixture);
        Assert.Equal(CreatedGroupId, group.Id);
    }

    [Fact]
    public async Task ADeleteAnsweredTooLateIsSentAgain()
    {
        using var server = new ContractServer();
        server.GivenInTurn(DeleteFixture, AfterTheLastAnswer.NoMapping, ContractFaults.Late(DeleteFixture), ContractServer.Answer(DeleteFixture));
        using var client = await ShortAttemptClientAsync(server);

        await DeleteAsync(client, GroupId);

        await server.WaitForRequestsAsync(2);
        server.ReceivedInOrder(DeleteFixture, DeleteFixture);
    }

    [Fact]
    public async Task AReadWhoseBodyIsAMalformedChunkIsReportedWithItsStatusAndNotResent() =>
        await AssertMalformedChunkIsNotResentAsync(ReadFixture, ReadAsync);

    [Fact]
    public async Task AReadWithAnEmptyReplyIsReportedWithItsStatusAndNotResent()
    {
        using var server = new ContractServer();
        server.GivenInTurn(ReadFixture, AfterTheLastAnswer.NoMapping, ContractFaults.EmptyReply(ReadFixture), ContractServer.Answer(ReadFixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => ReadAsync(client));

        server.Received(ReadFixture);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task AFacadeCreateWithAnEmptyReplyIsNotSentAgainAndFindsTheGroupItCreated()
    {
        using var server = new ContractServer();
        ContractFixture[] reads = [LookupWithoutTheGroup, .. FindingTheCreatedGroup];
        foreach (var endpoint in reads.GroupBy(fixture => (fixture.Method, fixture.Path)))
        {
            server.GivenInTurn(AfterTheLastAnswer.NoMapping, [.. endpoint]);
        }

        server.GivenInTurn(CreateFixture, AfterTheLastAnswer.RepeatIt, ContractFaults.EmptyReply(CreateFixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await Facade(client).CreateGroupAsync(new NewUserGroup(GroupName));

        server.ReceivedInOrder([LookupWithoutTheGroup, CreateFixture, .. FindingTheCreatedGroup]);
        Assert.Equal((CreatedGroupId, GroupName), (group.Id, group.Name));
    }

    [Fact]
    public async Task AThrottledReadIsSentAgainAfterRetryAfter()
    {
        using var server = new ContractServer();
        server.GivenInTurn(ReadFixture, AfterTheLastAnswer.NoMapping, TooManyRequests, ContractServer.Answer(ReadFixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        await ReadAsync(client);

        var requests = server.ReceivedInOrder(ReadFixture, ReadFixture);
        var waited = requests[1].Entry.RequestMessage.DateTime - requests[0].Entry.RequestMessage.DateTime;
        Assert.True(waited >= TimeSpan.FromMilliseconds(900), $"The read was resent after {waited.TotalMilliseconds} ms, not after Retry-After (1 s).");
    }

    [Fact]
    public async Task AThrottledCreateIsNotResentAndRaisesRateLimitedWithRetryAfter()
    {
        using var server = new ContractServer();
        server.GivenInTurn(CreateFixture, AfterTheLastAnswer.NoMapping, TooManyRequests, ContractServer.Answer(CreateFixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupRateLimitedException>(() => CreateAsync(client));

        server.Received(CreateFixture);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(TooManyRequestsCode, error.ErrorCode);
    }

    [Fact]
    public async Task AReadAnsweredByA503PageIsSentAgain() =>
        await AssertResentAfterA503PageAsync(ReadFixture, ReadAsync);

    [Fact]
    public async Task AReadAnsweredByA503PageUntilTheRetriesRunOutRaisesTheStatus() =>
        await AssertA503PageUntilTheRetriesRunOutAsync(ReadFixture, ReadAsync);

    [Fact]
    public async Task ADeleteAnsweredByA503PageUntilTheRetriesRunOutRaisesTheStatus() =>
        await AssertA503PageUntilTheRetriesRunOutAsync(DeleteFixture, client => DeleteAsync(client, GroupId));

    [Fact]
    public async Task ACreateAnsweredByA503PageIsNotResent() =>
        await AssertNotResentAfterA503PageAsync(CreateFixture, CreateAsync);

    [Fact]
    public async Task AReadWhoseConnectionIsResetIsSentAgain()
    {
        await using var emulator = await StartEmulatorAsync();
        var id = emulator.AddGroup(GroupName);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "GET"));

        var group = await Facade(emulator.Client).GetGroupAsync(id);

        Assert.Equal((id, GroupName), (group.Id, group.Name));
        var (reset, resent) = RequestAndResend(emulator.Journal);
        Assert.Equal(("GET", reset.PathAndQuery), (resent.Method, resent.PathAndQuery));
        Assert.Equal((EmulatedFaultKind.ConnectionReset, null), (reset.Fault?.Kind, resent.Fault?.Kind));
    }

    [Fact]
    public async Task ACreateWhoseConnectionIsResetIsNotResentAndNothingIsCreated()
    {
        await using var emulator = await StartEmulatorAsync();
        var before = emulator.Groups();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: CreateFixture.Method));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => CreateAsync(emulator.Client));

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        var sent = Assert.Single(emulator.Journal.Entries);
        Assert.Equal((Describe(CreateFixture), EmulatedFaultKind.ConnectionReset), (Describe(sent), sent.Fault?.Kind));
        Assert.Equal(before, emulator.Groups());
    }

    [Fact]
    public async Task AFacadeCreateWhoseAnswerIsLostAdoptsTheGroupItCreated()
    {
        await using var emulator = await StartEmulatorAsync();
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: CreateFixture.Method));

        var created = await Facade(emulator.Client).CreateGroupAsync(new NewUserGroup(GroupName));

        var stored = Assert.Single(emulator.Groups(), group => group.Name == GroupName);
        Assert.Equal(stored.Id, created.Id);
        Assert.Equal(
            [Describe(LookupWithoutTheGroup), Describe(CreateFixture), Describe(LookupWithoutTheGroup)],
            emulator.Journal.Entries.Select(Describe));
    }

    [Fact]
    public async Task ADeleteWhoseAnswerIsLostIsSentAgainAndItsNotFoundCountsAsDone()
    {
        await using var emulator = await StartEmulatorAsync();
        var id = emulator.AddGroup(GroupName);
        emulator.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "DELETE"));

        await DeleteAsync(emulator.Client, id);

        Assert.DoesNotContain(emulator.Groups(), group => group.Id == id);
        var (lost, resent) = RequestAndResend(emulator.Journal);
        Assert.Equal(("DELETE", lost.PathAndQuery), (resent.Method, resent.PathAndQuery));
        Assert.Equal((EmulatedFaultKind.ResponseLost, null), (lost.Fault?.Kind, resent.Fault?.Kind));
        Assert.Equal(MissingGroupDeleteStatus, resent.StatusCode);
    }

    /// <summary>
    /// A client whose attempts time out after <see cref="ContractResilience.ShortAttempt"/>, once the dialect's read has
    /// gone through the SDK on a server of its own: the first request of a test run spends longer than an attempt on
    /// compiling the SDK's code, and would time out before it reached the server the test counts on.
    /// </summary>
    private async Task<TClient> ShortAttemptClientAsync(ContractServer server, ILoggerFactory? logs = null)
    {
        using (var warmUp = new ContractServer())
        {
            warmUp.Given(ReadFixture);
            using var client = Client(warmUp, ContractResilience.RetriesOn);
            await ReadAsync(client);
        }

        return Client(server, options =>
        {
            ContractResilience.ShortAttempts(options);
            options.LoggerFactory = logs;
        });
    }

    /// <summary>A 200 whose body is cut by random bytes: the call fails with the status and the parse error, after one request.</summary>
    protected async Task<UserGroupApiException> AssertMalformedChunkIsNotResentAsync(ContractFixture fixture, Func<TClient, Task> call)
    {
        using var server = new ContractServer();
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.MalformedChunk(fixture), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => call(client));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<JsonException>(error.InnerException);
        return error;
    }

    /// <summary>A 503 page, then the fixture's answer: the call succeeds on the second request.</summary>
    protected async Task AssertResentAfterA503PageAsync(ContractFixture fixture, Func<TClient, Task> call)
    {
        using var server = new ContractServer();
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        await call(client);

        server.ReceivedInOrder(fixture, fixture);
    }

    /// <summary>A 503 page, then the fixture's answer: the call fails with the 503 after one request.</summary>
    protected async Task AssertNotResentAfterA503PageAsync(ContractFixture fixture, Func<TClient, Task> call)
    {
        using var server = new ContractServer();
        server.GivenInTurn(fixture, AfterTheLastAnswer.NoMapping, ContractFaults.ServiceUnavailable(), ContractServer.Answer(fixture));
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => call(client));

        server.Received(fixture);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    private async Task AssertA503PageUntilTheRetriesRunOutAsync(ContractFixture fixture, Func<TClient, Task> call)
    {
        using var server = new ContractServer();
        server.GivenInTurn(fixture, AfterTheLastAnswer.RepeatIt, ContractFaults.ServiceUnavailable());
        using var client = Client(server, ContractResilience.RetriesOn);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => call(client));

        server.ReceivedInOrder([.. Enumerable.Repeat(fixture, ContractResilience.Attempts)]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(ServiceUnavailableMessage, error.ServerMessage);
    }

    private static (RecordedRequest Request, RecordedRequest Resend) RequestAndResend(RequestJournal journal)
    {
        var entries = journal.Entries;
        Assert.True(entries.Count == 2, $"Expected a request and its resend, got: {string.Join(", ", entries)}.");
        return (entries[0], entries[1]);
    }

    private static string Describe(ContractFixture fixture) => Describe(fixture.Method, fixture.Path, fixture.Query);

    private static string Describe(RecordedRequest request) => Describe(request.Method, request.Path, NameValues.ParseQuery(request.Query));

    private static string Describe(string method, string path, IReadOnlyDictionary<string, string> query) =>
        query.Count == 0 ? $"{method} {path}" : $"{method} {path} {{{NameValues.Describe(query)}}}";
}
