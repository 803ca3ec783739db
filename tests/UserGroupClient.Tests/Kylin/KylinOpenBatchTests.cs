using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// The batch calls of the v4-public API (<c>POST</c> and <c>DELETE user_group/batch</c>, docs/wire/kylin.md §12.2):
/// each name once, in order; a create batch with names that differ only in case is refused (the server would save
/// both); a batch that names a built-in group deletes none; a batch without names is refused.
/// </summary>
public sealed class KylinOpenBatchTests
{
    [Fact]
    public async Task ABatchSendsEachNameOnceInTheOrderGiven()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = Open(stub);

        await kylin.Client.OpenUserGroups.DeleteGroupsAsync(["ops", "dev", "ops"]);
        await kylin.Client.OpenUserGroups.CreateGroupsAsync(["qa", "qa", "ops"]);

        Assert.Equal(
            [
                """DELETE /kylin/api/user_group/batch ["ops","dev"]""",
                """POST /kylin/api/user_group/batch ["qa","ops"]""",
            ],
            stub.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Body}"));
    }

    [Theory]
    [InlineData("ops", "role_admin")]
    [InlineData("ALL_USERS", "ops")]
    public async Task ADeleteBatchThatNamesABuiltInGroupDeletesNone(string first, string second)
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = Open(stub);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Client.OpenUserGroups.DeleteGroupsAsync([first, second]));

        var builtIn = first == "ops" ? second : first;
        Assert.StartsWith($"Kylin: the SDK refuses to delete '{builtIn}', a built-in group: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ABatchWithoutNamesIsRefusedByItsParameter()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = Open(stub);
        var api = kylin.Client.OpenUserGroups;

        var missing = await Assert.ThrowsAsync<ArgumentNullException>(() => api.DeleteGroupsAsync(null!));
        var noDelete = await Assert.ThrowsAsync<ArgumentException>(() => api.DeleteGroupsAsync([]));
        var noCreate = await Assert.ThrowsAsync<ArgumentException>(() => api.CreateGroupsAsync([]));

        Assert.Equal("groupNames", missing.ParamName);
        Assert.Equal("At least one group name is required. (Parameter 'groupNames')", noDelete.Message);
        Assert.Equal("At least one group name is required. (Parameter 'groupNames')", noCreate.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ACreateBatchWithNamesThatDifferOnlyInCaseIsRefusedBeforeSending()
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = Open(stub);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => kylin.Client.OpenUserGroups.CreateGroupsAsync(["qa", "ops", "QA"]));

        Assert.Equal("groupNames", error.ParamName);
        Assert.StartsWith("Kylin compares group names ignoring case, so the batch cannot create both 'qa' and 'QA': ", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    private static KylinStub Open(StubHandler stub) => new(stub, o => o.Flavor = KylinFlavor.Kylin5);
}
