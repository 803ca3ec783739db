using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.Http;

/// <summary>A client built without options is refused with an <see cref="ArgumentNullException"/> naming them, with or without a caller's <see cref="HttpClient"/>.</summary>
public sealed class MissingOptionsTests
{
    [Fact]
    public void EveryClientRefusesMissingOptionsNamingThem()
    {
        using var http = new HttpClient();

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new JumpServerClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new JumpServerClient(null!, http)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new KylinClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new KylinClient(null!, http)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new MinAppClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new MinAppClient(null!, http)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new OwlClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new OwlClient(null!, http)).ParamName);
    }
}
