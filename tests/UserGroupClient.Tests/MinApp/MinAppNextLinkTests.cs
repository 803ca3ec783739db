using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>Which <c>next</c> links a list follows: host-relative paths and addresses on the server's origin only, so the Bearer token goes nowhere else.</summary>
public sealed class MinAppNextLinkTests
{
    private static readonly Uri BaseAddress = new("https://minapp.test/prefix/");

    [Theory]
    [InlineData("/oserve/v1/user-group/?limit=2&offset=2", "/oserve/v1/user-group/?limit=2&offset=2")]
    [InlineData("https://minapp.test/oserve/v1/user-group/?limit=2&offset=2", "/oserve/v1/user-group/?limit=2&offset=2")]
    [InlineData("https://MinApp.Test:443/oserve/v1/user-group/?offset=2", "/oserve/v1/user-group/?offset=2")]
    public void AHostRelativePathOrAnAddressOnTheSameOriginIsFollowed(string link, string target)
    {
        Assert.Equal(target, MinAppPaging.HostRelative(link, BaseAddress));
    }

    [Theory]
    [InlineData("oserve/v1/user-group/?offset=2")]
    [InlineData("?offset=2")]
    [InlineData("/oserve/v1/user-group/?offset=2\r\nHost: evil.test")]
    [InlineData("/oserve/v1/user-group/?offset=2\u0000")]
    [InlineData("/oserve\\v1/user-group/?offset=2")]
    [InlineData("//evil.test/oserve/v1/user-group/?offset=2")]
    [InlineData("https://evil.test/oserve/v1/user-group/?offset=2")]
    [InlineData("http://minapp.test/oserve/v1/user-group/?offset=2")]
    [InlineData("https://minapp.test:8443/oserve/v1/user-group/?offset=2")]
    [InlineData("https://minapp.test.evil.test/oserve/v1/user-group/?offset=2")]
    public void AnyOtherLinkIsRefusedWithTheDialectNamed(string link)
    {
        var error = Assert.Throws<UserGroupApiException>(() => MinAppPaging.HostRelative(link, BaseAddress));

        Assert.Equal("MinApp: a list's 'next' link is neither a host-relative path nor on the server's origin; it is not followed.", error.Message);
        Assert.Equal("MinApp", error.Dialect);
        Assert.Null(error.InnerException);
    }
}
