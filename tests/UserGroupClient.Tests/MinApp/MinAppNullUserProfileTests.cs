using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>A <c>null</c> where a user profile belongs is an unreadable answer, never a null profile or member handed to the caller.</summary>
public sealed class MinAppNullUserProfileTests
{
    private const string NullAmongProfiles = """{"meta": {"next": null}, "objects": [{"id": 100, "user_id": 5, "nickname": "Ann"}, null]}""";

    // A converter made for each use, not the one the shared JSON context made once for the whole test run, so that what
    // it says of nulls when it is made is what a test sees.
    private static JsonSerializerOptions Own() => new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new MinAppUserProfileConverter() } };

    private static MinAppStub Stub()
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"));
        stub.Accept("t");
        stub.Api = request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath == "/oserve/v1/user-group/7/"
            ? """{"id": 7, "name": "ops", "parent": null}"""
            : NullAmongProfiles);
        return stub;
    }

    [Fact]
    public async Task ANullProfileInAMembershipPageIsRefused()
    {
        using var stub = Stub();

        var page = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Client.Membership.ListUsersAsync([7]));
        var all = await Assert.ThrowsAsync<UserGroupApiException>(async () => await stub.Client.Membership.ListAllUsersAsync([7]).ToListAsync());

        Assert.Equal("MinApp answered with a response the SDK could not read: the JSON is invalid or does not have the expected shape (A user profile is null.). (GET https://minapp.test/oserve/v1/miniapp/user-profile/ → 200)", page.Message);
        Assert.Equal(page.Message, all.Message);
    }

    [Fact]
    public async Task ANullMemberIsRefusedByTheFacadeWithTheSameWords()
    {
        using var stub = Stub();

        var error = await Assert.ThrowsAsync<UserGroupApiException>(async () => await stub.Service.ListMembersAsync("7").ToListAsync());

        Assert.Contains("could not read: the JSON is invalid or does not have the expected shape (A user profile is null.).", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /oserve/v1/user-group/7/", "GET /oserve/v1/miniapp/user-profile/?group__in=7&limit=100&offset=0"], stub.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public void TheConverterTakesANullProfileItselfAndRefusesIt()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<MinAppUserProfile>>("[null]", Own()));

        Assert.Equal("A user profile is null.", error.Message);
    }

    [Fact]
    public void AProfileIsReadAndWrittenWithItsFourFields()
    {
        const string Json = """[{"id":100,"user_id":5,"nickname":"Ann","user_group":[7,8]},null]""";

        var page = JsonSerializer.Deserialize("""{"meta": {}, "objects": [{"id": "100", "user_id": 5, "nickname": "Ann", "user_group": [7, 8], "avatar": "x",}]}""", MinAppJsonContext.Default.MinAppPageMinAppUserProfile)!;
        var profile = Assert.Single(page.Objects);

        Assert.Equal((100L, 5L, "Ann"), (profile.Id, profile.UserId, profile.Nickname));
        Assert.Equal([7L, 8L], profile.UserGroup!);
        Assert.Equal(Json, JsonSerializer.Serialize(new List<MinAppUserProfile?> { profile, null }, Own()));
        Assert.Equal("""{"id":101}""", JsonSerializer.Serialize(new MinAppUserProfile { Id = 101 }, Own()));
    }
}
