using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The transport a client builds for itself: no redirect followed (a redirect must surface as an error rather than
/// carry credentials elsewhere), no cookies (a session must not stand in for the credentials), connections recycled so
/// DNS changes are seen, and a bound on connecting.
/// </summary>
public sealed class DefaultTransportTests
{
    [Fact]
    public void TheDefaultTransportFollowsNoRedirectKeepsNoCookiesAndRecyclesConnections()
    {
        using var transport = Assert.IsType<SocketsHttpHandler>(HttpTransport.CreateDefault());

        Assert.False(transport.AllowAutoRedirect);
        Assert.False(transport.UseCookies);
        Assert.Equal(TimeSpan.FromMinutes(5), transport.PooledConnectionLifetime);
        Assert.Equal(TimeSpan.FromSeconds(15), transport.ConnectTimeout);
    }
}
