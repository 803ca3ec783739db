using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>A page whose <c>results</c> is null or holds a null is an unreadable answer, named as such, never a null handed on.</summary>
public sealed class JumpServerNullResultsTests
{
    [Theory]
    [InlineData("""{"count": 1, "results": null}""", "A page's 'results' is null.")]
    [InlineData("""{"count": 2, "results": [{"id": "a", "name": "A"}, null]}""", "A page's 'results' hold a null item.")]
    public async Task ANullPageOrItemIsRefusedWithWhatWasNull(string answer, string reason)
    {
        using var jms = new JumpServerStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, answer)));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.ListAsync());

        Assert.Contains($"({reason})", error.Message, StringComparison.Ordinal);
    }
}
