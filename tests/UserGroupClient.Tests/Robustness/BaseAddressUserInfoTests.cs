using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// A user name or password in <c>BaseAddress</c> would reach span tags and error texts with the address, so every
/// dialect refuses it when the client is made, naming the setting and where credentials go, never echoing them.
/// </summary>
public sealed class BaseAddressUserInfoTests
{
    public static TheoryData<string, string> Dialects() => new()
    {
        { "JumpServer", "https://ops-admin:hunter2-pw@jms.example.com/" },
        { "MinApp", "https://ops-admin:hunter2-pw@minapp.test/" },
        { "Kylin", "http://ops-admin:hunter2-pw@kylin.example.com:7070/kylin/api/" },
        { "Owl", "https://ops-admin:hunter2-pw@owl.example.com/" },
        { "JumpServer", "https://ops-admin@jms.example.com/" },
        { "Owl", "https://:hunter2-pw@owl.example.com/" },
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void UserInfoInTheBaseAddressIsRefusedWithoutBeingEchoed(string dialect, string baseAddress)
    {
        var error = Assert.Throws<ArgumentException>(() => Create(dialect, new Uri(baseAddress)));

        Assert.Equal("BaseAddress", error.ParamName);
        Assert.Contains($"{dialect}ClientOptions.BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{dialect}ClientOptions.Credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-pw", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ops-admin", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JumpServer")]
    [InlineData("MinApp")]
    [InlineData("Kylin")]
    [InlineData("Owl")]
    public void AnAddressWithoutUserInfoIsAccepted(string dialect) =>
        Create(dialect, new Uri("https://server.example.com/prefix/")).Dispose();

    private static IDisposable Create(string dialect, Uri baseAddress) => dialect switch
    {
        "JumpServer" => new JumpServerClient(new JumpServerClientOptions { BaseAddress = baseAddress, Credentials = JumpServerCredentials.Bearer("t0k3n") }),
        "MinApp" => new MinAppClient(new MinAppClientOptions { BaseAddress = baseAddress, Credentials = MinAppCredentials.AccessToken("t0k3n") }),
        "Kylin" => new KylinClient(new KylinClientOptions { BaseAddress = baseAddress, Credentials = KylinCredentials.Basic("ADMIN", "KYLIN") }),
        _ => new OwlClient(new OwlClientOptions { BaseAddress = baseAddress, Credentials = OwlCredentials.Token("t0k3n") }),
    };
}
