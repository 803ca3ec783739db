using System.Net;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A success body is read into an array of the shared pool; a body may carry a token, so the array is wiped when it
/// goes back to the pool with its response, and no later renter of the array finds the body in it.
/// </summary>
public sealed class BufferedBodyWipeTests
{
    [Fact]
    public async Task TheBodysBytesAreWipedWhenItsResponseIsDisposed()
    {
        var secret = "{\"access_token\":\"" + new string('k', 3000) + "\"}";
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(secret))) };

        var bytes = await ContentBuffer.LoadAsync(response, maxBytes: 1_000_000, CancellationToken.None);
        var array = bytes.Array!;
        Assert.Equal(secret, Encoding.ASCII.GetString(bytes));

        response.Dispose();

        Assert.DoesNotContain("kkkkkkkkkkkkkkkk", Encoding.ASCII.GetString(array), StringComparison.Ordinal);
    }
}
