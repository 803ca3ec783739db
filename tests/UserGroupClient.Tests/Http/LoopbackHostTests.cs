using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>Which addresses name this machine, for the settings that allow plain HTTP only there.</summary>
public sealed class LoopbackHostTests
{
    [Theory]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://LocalHost/", true)]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.200.3.4:9000/", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("http://mylocalhost/", false)]
    [InlineData("http://128.0.0.1/", false)]
    [InlineData("http://10.127.0.1/", false)]
    [InlineData("http://[::2]/", false)]
    [InlineData("http://jms.example.com/", false)]
    public void OnlyLocalhostAndTheLoopbackAddressesNameThisMachine(string address, bool loopback) =>
        Assert.Equal(loopback, LoopbackHost.Is(new Uri(address)));

    [Fact]
    public void AnAddressWithoutAHostIsNotThisMachine() =>
        Assert.False(LoopbackHost.Is(new Uri("file:///tmp/x")));
}
