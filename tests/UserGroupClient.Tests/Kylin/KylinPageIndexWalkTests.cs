using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// How every page of a listing paged by index is walked (docs/wire/kylin.md §3.1): indexes 0, 1, … until
/// <c>(index + 1) × page size</c> reaches the total or a page comes back empty, each index asked for once.
/// </summary>
public sealed class KylinPageIndexWalkTests
{
    [Fact]
    public async Task ATotalThatIsAMultipleOfThePageSizeEndsAfterTheLastFullPage()
    {
        var stub = new StubHandler((_, index) => index switch
        {
            0 => KylinStub.Ok("""{"usersWithGroup":[{"first":"a","second":[]},{"first":"b","second":[]}],"size":4}"""),
            1 => KylinStub.Ok("""{"usersWithGroup":[{"first":"c","second":[]},{"first":"d","second":[]}],"size":4}"""),
            _ => KylinStub.Error(HttpStatusCode.InternalServerError, "asked past the end"),
        });
        using var kylin = new KylinStub(stub);

        var names = await NamesAsync(kylin.Client.UserGroups.ListAllUsersWithGroupAsync(pageSize: 2));

        Assert.Equal(["a", "b", "c", "d"], names);
        Assert.Equal(
            ["/kylin/api/user_group/usersWithGroup?pageOffset=0&pageSize=2", "/kylin/api/user_group/usersWithGroup?pageOffset=1&pageSize=2"],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task AShortPageBeforeTheTotalIsFollowedByTheNextIndexNotReadAgain()
    {
        // A server that caps the page size (or a listing that shrank meanwhile) answers fewer rows than asked for.
        var stub = new StubHandler((_, index) => index switch
        {
            0 => KylinStub.Ok("""{"groupMembers":[{"username":"A"},{"username":"B"}],"size":5}"""),
            1 => KylinStub.Ok("""{"groupMembers":[{"username":"D"},{"username":"E"}],"size":5}"""),
            _ => KylinStub.Error(HttpStatusCode.InternalServerError, "asked past the end"),
        });
        using var kylin = new KylinStub(stub);

        var names = new List<string>();
        await foreach (var user in kylin.Client.UserGroups.ListAllGroupMembersAsync("ops", pageSize: 3))
        {
            names.Add(user.Username);
        }

        Assert.Equal(["A", "B", "D", "E"], names);
        Assert.Equal(
            ["/kylin/api/user_group/groupMembers/ops?pageOffset=0&pageSize=3", "/kylin/api/user_group/groupMembers/ops?pageOffset=1&pageSize=3"],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task AnEmptyPageEndsTheWalkWhateverTheTotalSays()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? KylinStub.Ok("""{"usersWithGroup":[],"size":10}""")
            : KylinStub.Error(HttpStatusCode.InternalServerError, "asked past the end"));
        using var kylin = new KylinStub(stub);

        var names = await NamesAsync(kylin.Client.UserGroups.ListAllUsersWithGroupAsync(pageSize: 2));

        Assert.Empty(names);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public void APageSizeBelowOneIsRefusedAtTheCallBeforeAnythingIsSent()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("""{"usersWithGroup":[],"size":0}"""));
        using var kylin = new KylinStub(stub);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => kylin.Client.UserGroups.ListAllUsersWithGroupAsync(pageSize: 0));

        Assert.Equal("pageSize", error.ParamName);
        Assert.Empty(stub.Requests);
    }

    private static async Task<List<string>> NamesAsync(IAsyncEnumerable<UserGroupClient.Kylin.KylinGroupUsers> groups)
    {
        var names = new List<string>();
        await foreach (var group in groups)
        {
            names.Add(group.Name);
        }

        return names;
    }
}
