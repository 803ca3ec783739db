using System.Net;
using System.Text;
using UserGroupClient.Authentication;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Authentication;

/// <summary>What <see cref="BasicAuthenticationHandler"/> puts on the wire, and the credentials it refuses before sending.</summary>
public sealed class BasicAuthenticationHeaderTests
{
    [Fact]
    public async Task EveryAttemptCarriesBasicWithTheUtf8UserAndPasswordInBase64()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BasicAuthenticationHandler("ädmin", "p:ss wörd") { InnerHandler = stub });

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://kylin.example.com/kylin/api/user_group/groups");
            (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ädmin:p:ss wörd"));
        Assert.Equal([expected, expected], stub.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task AnEmptyPasswordIsSentAsTheUserAndAColon()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BasicAuthenticationHandler("admin", "") { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://kylin.example.com/");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("Basic YWRtaW46", stub.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task AnAuthorizationTheRequestAlreadyHasIsReplaced()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new BasicAuthenticationHandler("admin", "KYLIN") { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://kylin.example.com/");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer stale");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("Basic YWRtaW46S1lMSU4=", stub.Requests.Single().Header("Authorization"));
    }

    [Theory]
    [InlineData("ad:min", "pw", "userName")]
    [InlineData(":", "pw", "userName")]
    [InlineData("", "pw", "userName")]
    public void AUserNameBasicCannotCarryIsRefused(string userName, string password, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new BasicAuthenticationHandler(userName, password));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void AMissingPasswordIsRefused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new BasicAuthenticationHandler("admin", null!));

        Assert.Equal("password", error.ParamName);
    }
}
