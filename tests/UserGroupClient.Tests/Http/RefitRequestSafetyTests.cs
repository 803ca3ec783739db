using System.Net;
using UserGroupClient.Http;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// What the pipeline itself refuses of any Refit interface it serves, below the typed APIs' own checks: Refit passes
/// dot segments and control characters on, and a path that lost segments would name another resource.
/// </summary>
public sealed class RefitRequestSafetyTests : IDisposable
{
    private const string Organization = "00000000-0000-0000-0000-000000000002";

    private readonly List<string?> _contentTypes = [];
    private readonly StubHandler _stub;
    private readonly ApiConnection _connection;
    private readonly IJumpServerEndpoints _endpoints;

    public RefitRequestSafetyTests()
    {
        _stub = new StubHandler(request =>
        {
            _contentTypes.Add(request.Content?.Headers.ContentType?.ToString());
            return StubHandler.Json(HttpStatusCode.OK, """{"id": "g", "name": "g"}""");
        });
        var options = new JumpServerClientOptions { BaseAddress = new Uri("https://jms.example.com/prefix/"), Credentials = JumpServerCredentials.Bearer("t") };
        _connection = ClientPipeline.Connect(_stub, options, "test", JumpServerErrorMapper.Instance, ClientPipeline.CreateKnownSecrets(options));
        _endpoints = _connection.Api<IJumpServerEndpoints>(JumpServerJsonContext.Default);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task ADotSegmentInAPathIsRefusedAndNothingIsSent(string id)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _endpoints.DeleteGroupAsync(Organization, id, CancellationToken.None));

        Assert.Contains("names another resource", error.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task AnUnescapedSlashInAPathIsRefusedAndNothingIsSent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoints.DeleteGroupAsync(Organization, "a/b", CancellationToken.None));

        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData("a\r\nX-Evil: 1")]
    [InlineData("a\u0000b")]
    public async Task AControlCharacterInAPathOrQueryValueIsRefusedAndNothingIsSent(string value)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoints.GetGroupAsync(Organization, value, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _endpoints.RemoveRelationAsync(Organization, "g", value, CancellationToken.None));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task ADotSegmentInAQueryValueIsSentAsTextUnderTheBaseAddressPath()
    {
        await _endpoints.RemoveRelationAsync(Organization, "..", "u", CancellationToken.None);

        Assert.Equal("/prefix/api/v1/users/users-groups-relations/?usergroup=..&user=u", Assert.Single(_stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ADeleteGoesOutWithoutTheEmptyBodyRefitGivesItAndAJsonBodyWithoutACharset()
    {
        await _endpoints.DeleteGroupAsync(Organization, "g", CancellationToken.None);
        await _endpoints.PatchGroupAsync(Organization, "g", new JumpServerUserGroupPatch { Name = "n" }, CancellationToken.None);

        Assert.Null(_stub.Requests[0].Body);
        Assert.Equal([null, "application/json"], _contentTypes);
    }

    [Fact]
    public async Task QueryValuesAreEncodedAndNullsLeftOut()
    {
        (await _endpoints.ListGroupsAsync(Organization, 10, offset: null, search: "a&b=c d", name: null, order: null, spm: null, CancellationToken.None)).Dispose();

        Assert.Equal("/prefix/api/v1/users/groups/?limit=10&search=a%26b%3Dc%20d", Assert.Single(_stub.Requests).PathAndQuery);
    }

    public void Dispose() => _connection.Dispose();
}
