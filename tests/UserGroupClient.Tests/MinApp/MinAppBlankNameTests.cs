using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// A blank group name is refused by the MinApp facade before anything is sent: a lookup does not list the groups, and a
/// create whose answer could be lost does not first look the name up.
/// </summary>
public sealed class MinAppBlankNameTests
{
    private static MinAppStub Stub(bool recovery)
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"), o => o.Resilience.Enabled = recovery)
        {
            Api = _ => throw new InvalidOperationException("nothing may be sent"),
        };
        stub.Accept("t");
        return stub;
    }

    [Fact]
    public async Task LookingUpABlankNameListsNothing()
    {
        using var stub = Stub(recovery: false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stub.Service.FindGroupByNameAsync(" "));

        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("A MinApp group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.ApiRequests);
    }

    [Fact]
    public async Task CreatingABlankNameWithCreateRecoveryOnDoesNotLookTheNameUpFirst()
    {
        using var stub = Stub(recovery: true);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stub.Service.CreateGroupAsync(new NewUserGroup(" ")));

        Assert.Equal("group", error.ParamName);
        Assert.StartsWith("A MinApp group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.ApiRequests);
    }
}
