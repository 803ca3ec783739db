using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>Access Key signatures can be replayed, so plain http is refused unless it stays on this machine or the caller opts in.</summary>
public sealed class JumpServerPlainHttpTests
{
    private const string KeyId = "2a5b0e9c-1111-4222-8333-944455556666";
    private const string Secret = "Xy7Kp2Qw9Rt4Zu8Vb3Nm6Lc1Hd5Fg0Js3Ae";

    [Theory]
    [InlineData("http://jms.example.com")]
    [InlineData("http://10.0.0.5:8080/jms/")]
    [InlineData("http://128.0.0.1")]
    [InlineData("http://[fe80::1]")]
    [InlineData("http://localhost.example.com")]
    public void AccessKeyOverPlainHttpToAnotherHostIsRefused(string baseAddress)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));

        var error = Assert.Throws<ArgumentException>(() => new JumpServerStub(stub, JumpServerCredentials.AccessKey(KeyId, Secret), o => o.BaseAddress = new Uri(baseAddress)));

        Assert.Equal("BaseAddress", error.ParamName);
        Assert.Contains("JumpServerClientOptions.AllowAccessKeyOverPlainHttp", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.10.20.30")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://LocalHost")]
    public async Task AccessKeyOverPlainHttpToThisMachineIsAllowed(string baseAddress)
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.AccessKey(KeyId, Secret), o => o.BaseAddress = new Uri(baseAddress));

        await jms.Client.UserGroups.ListAsync();

        Assert.StartsWith("Signature keyId=", stub.Requests.Single().Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessKeyOverPlainHttpToAnotherHostIsAllowedWhenTheCallerOptsIn()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        using var jms = new JumpServerStub(stub, JumpServerCredentials.AccessKey(KeyId, Secret), o =>
        {
            o.BaseAddress = new Uri("http://jms.example.com");
            o.AllowAccessKeyOverPlainHttp = true;
        });

        await jms.Client.UserGroups.ListAsync();

        Assert.StartsWith("Signature keyId=", stub.Requests.Single().Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRefusesTheCombinationBeforeAnyClientIsMade()
    {
        var options = new JumpServerClientOptions { BaseAddress = new Uri("http://jms.example.com"), Credentials = JumpServerCredentials.AccessKey(KeyId, Secret) };

        Assert.Throws<ArgumentException>(options.Validate);
        options.AllowAccessKeyOverPlainHttp = true;
        options.Validate();
    }
}
