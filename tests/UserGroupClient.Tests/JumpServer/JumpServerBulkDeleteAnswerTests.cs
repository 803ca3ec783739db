using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>How a bulk delete reads the server's answers to its selection: the spm it is given and the count it selects.</summary>
public sealed class JumpServerBulkDeleteAnswerTests
{
    private static StubHandler Server(string cacheAnswer, int selected) => new(request => request.RequestUri!.AbsolutePath switch
    {
        "/api/v1/common/resources/cache/" => StubHandler.Json(HttpStatusCode.OK, cacheAnswer),
        _ when request.Method == HttpMethod.Get => StubHandler.Json(HttpStatusCode.OK, $$"""{"count": {{selected}}, "results": []}"""),
        _ => new HttpResponseMessage(HttpStatusCode.NoContent),
    });

    [Theory]
    [InlineData("""{"spm": ""}""")]
    [InlineData("""{"spm": null}""")]
    [InlineData("{}")]
    public async Task AResourceCacheAnsweredWithoutAnSpmIsRefusedAndNothingIsDeleted(string answer)
    {
        var stub = Server(answer, 2);
        using var jms = new JumpServerStub(stub);

        var cache = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.CacheResourcesAsync(["a"]));
        var delete = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.BulkDeleteAsync(["a", "b"]));

        Assert.Equal(("JumpServer answered the resource cache without an 'spm'.", "JumpServer"), (cache.Message, cache.Dialect));
        Assert.Equal(("JumpServer answered the resource cache without an 'spm'.", "JumpServer"), (delete.Message, delete.Dialect));
        Assert.Equal(["POST", "POST"], stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task TheCachedSpmIsReturnedAsAnswered()
    {
        using var jms = new JumpServerStub(Server("""{"spm": "3f2a"}""", 0));

        Assert.Equal("3f2a", await jms.Client.UserGroups.CacheResourcesAsync(["a"]));
    }

    [Fact]
    public async Task NoIdsSendNothing()
    {
        var stub = Server("""{"spm": "3f2a"}""", 0);
        using var jms = new JumpServerStub(stub);

        await jms.Client.UserGroups.BulkDeleteAsync([]);

        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(1, typeof(UserGroupNotFoundException))]
    [InlineData(3, typeof(UserGroupApiException))]
    public async Task ASelectionOfAnotherSizeIsRefusedAsJumpServers(int selected, Type expected)
    {
        var stub = Server("""{"spm": "3f2a"}""", selected);
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => jms.Client.UserGroups.BulkDeleteAsync(["a", "b"]));

        Assert.Equal((expected, "JumpServer"), (error.GetType(), error.Dialect));
        Assert.DoesNotContain(stub.Requests, r => r.Method == "DELETE");
    }
}
