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

        await RefusedBeforeSending.AssertAsync<ArgumentException>(() => stub.ApiRequests, () => stub.Service.FindGroupByNameAsync(" "), "name", "A MinApp group name must not be empty or whitespace.");
    }

    [Fact]
    public async Task CreatingABlankNameWithCreateRecoveryOnDoesNotLookTheNameUpFirst()
    {
        using var stub = Stub(recovery: true);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(() => stub.ApiRequests, () => stub.Service.CreateGroupAsync(new NewUserGroup(" ")), "group", "A MinApp group name must not be empty or whitespace.");
    }
}
