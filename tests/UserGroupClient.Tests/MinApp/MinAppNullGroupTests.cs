using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>A <c>null</c> where a group belongs is an unreadable answer, never a null group handed to the caller.</summary>
public sealed class MinAppNullGroupTests
{
    // A converter made here, not the one the shared JSON context made once for the whole test run, so that what it
    // says of nulls when it is made is what a test sees.
    private static JsonSerializerOptions With(System.Text.Json.Serialization.JsonConverter converter) =>
        new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { converter } };

    private static MinAppStub Stub(string answer)
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"));
        stub.Accept("t");
        stub.Api = _ => StubHandler.Json(HttpStatusCode.OK, answer);
        return stub;
    }

    [Fact]
    public async Task ANullUserGroupInAPageIsRefused()
    {
        using var stub = Stub("""{"meta": {"next": null}, "objects": [{"id": 1}, null]}""");

        var typed = await Assert.ThrowsAsync<UserGroupApiException>(async () => await stub.Client.UserGroups.ListAllAsync().ToListAsync());
        var facade = await Assert.ThrowsAsync<UserGroupApiException>(async () => await stub.Service.ListGroupsAsync(new UserGroupQuery()).ToListAsync());

        Assert.Equal("MinApp answered with a response the SDK could not read: the JSON is invalid or does not have the expected shape (A user group is null.). (GET https://minapp.test/oserve/v1/user-group/ → 200)", typed.Message);
        Assert.Equal(typed.Message, facade.Message);
    }

    [Fact]
    public async Task ANullSuperGroupInAPageIsRefused()
    {
        using var stub = Stub("""{"meta": {"next": null}, "objects": [null]}""");

        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await stub.Client.SuperGroups.ListAllAsync().ToListAsync());

        Assert.Equal("MinApp answered with a response the SDK could not read: the JSON is invalid or does not have the expected shape (A supergroup is null.). (GET https://minapp.test/oserve/v1/user-supergroup/ → 200)", error.Message);
    }

    [Fact]
    public async Task AGroupAnsweredAsNullIsRefused()
    {
        using var stub = Stub("null");

        var group = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.UserGroups.GetAsync(47));
        var superGroup = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.SuperGroups.GetAsync(52));

        Assert.Equal("MinApp answered with a response the SDK could not read: the body is JSON null. (GET https://minapp.test/oserve/v1/user-group/47/ → 200)", group.Message);
        Assert.Equal("MinApp answered with a response the SDK could not read: the body is JSON null. (GET https://minapp.test/oserve/v1/user-supergroup/52/ → 200)", superGroup.Message);
    }

    [Fact]
    public void ANullGroupIsWrittenAsNull()
    {
        Assert.Equal("[null]", JsonSerializer.Serialize([null], MinAppJsonContext.Default.IReadOnlyListMinAppUserGroup));
        Assert.Equal("[null]", JsonSerializer.Serialize([null], MinAppJsonContext.Default.IReadOnlyListMinAppSuperGroup));
        Assert.Equal("[null]", JsonSerializer.Serialize(new List<MinAppUserGroup?> { null }, With(new MinAppUserGroupConverter())));
        Assert.Equal("[null]", JsonSerializer.Serialize(new List<MinAppSuperGroup?> { null }, With(new MinAppSuperGroupConverter())));
        Assert.Equal("null", JsonSerializer.Serialize(null, MinAppJsonContext.Default.MinAppUserGroup));
        Assert.Equal("null", JsonSerializer.Serialize(null, MinAppJsonContext.Default.MinAppSuperGroup));
    }

    [Fact]
    public void EachConverterTakesANullItemItselfAndRefusesIt()
    {
        var group = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<MinAppUserGroup>>("[null]", With(new MinAppUserGroupConverter())));
        var superGroup = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<MinAppSuperGroup>>("[null]", With(new MinAppSuperGroupConverter())));

        Assert.Equal("A user group is null.", group.Message);
        Assert.Equal("A supergroup is null.", superGroup.Message);
    }
}
