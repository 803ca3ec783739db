using UserGroupClient.Authentication;

namespace UserGroupClient.Tests.Authentication;

/// <summary>A fixed token: the same one for every request and after a rejection (so a 401 stands).</summary>
public sealed class StaticTokenProviderTests
{
    [Fact]
    public async Task TheSameTokenComesBackForEveryCallAndAfterARejection()
    {
        var provider = new StaticTokenProvider("fixed-token");

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();
        var afterRejection = await provider.RefreshTokenAsync(first);

        Assert.Equal("fixed-token", first.Value);
        Assert.Null(first.ExpiresOn);
        Assert.Same(first, second);
        Assert.Same(first, afterRejection);
    }

    [Fact]
    public void ItsTextNamesTheProviderAndMasksTheToken() =>
        Assert.Equal("StaticTokenProvider(***)", new StaticTokenProvider("fixed-token").ToString());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankTokenIsRefused(string token) => Assert.ThrowsAny<ArgumentException>(() => new StaticTokenProvider(token));
}
