using System.Text.Json;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// How a <c>ManagedUser</c> of each Kylin line is read from <c>groupMembers</c> (docs/wire/kylin.md §6): both casings,
/// authorities as strings or objects, and unknown or odd values read past, never misread.
/// </summary>
public sealed class KylinManagedUserReadingTests
{
    [Fact]
    public async Task CamelCaseTimesOfKapAndKylinFiveAreRead()
    {
        var user = await ReadMemberAsync("""{"username":"u","lockedTime":1700000000000,"lastModified":1600000000000}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), user.LockedTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1600000000000), user.LastModified);
    }

    [Fact]
    public async Task SnakeCaseTimesOfKeFourAreRead()
    {
        var user = await ReadMemberAsync("""{"username":"u","locked_time":1700000000000,"last_modified":1600000000000,"wrong_time":2}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), user.LockedTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1600000000000), user.LastModified);
        Assert.Equal(2, user.WrongTime);
    }

    [Fact]
    public async Task AStringUuidAndVersionAreKept()
    {
        var user = await ReadMemberAsync("""{"username":"u","uuid":"0b6f-4c1e","version":"4.0.0.0"}""");

        Assert.Equal("0b6f-4c1e", user.Uuid);
        Assert.Equal("4.0.0.0", user.Version);
    }

    [Fact]
    public async Task ValuesOfAnotherTypeAreReadAsAbsent()
    {
        var user = await ReadMemberAsync("""{"username":"u","uuid":7,"version":3.1,"wrongTime":"2","lockedTime":"1700000000000","disabled":"true","locked":1}""");

        Assert.Equal("u", user.Username);
        Assert.Null(user.Uuid);
        Assert.Null(user.Version);
        Assert.Equal(0, user.WrongTime);
        Assert.Null(user.LockedTime);
        Assert.False(user.Disabled);
        Assert.False(user.Locked);
    }

    [Fact]
    public async Task NullValuesAreReadAsAbsent()
    {
        var user = await ReadMemberAsync("""{"username":"u","uuid":null,"version":null,"wrongTime":null,"authorities":null}""");

        Assert.Null(user.Uuid);
        Assert.Null(user.Version);
        Assert.Equal(0, user.WrongTime);
        Assert.Empty(user.Authorities);
    }

    [Fact]
    public async Task UnknownFieldsWithNestedValuesAreReadPast()
    {
        var user = await ReadMemberAsync("""{"extra":{"username":"intruder","authorities":["ROLE_ADMIN"]},"list":[{"uuid":"x"}],"username":"u","authorities":["g"]}""");

        Assert.Equal("u", user.Username);
        Assert.Equal(["g"], user.Authorities);
        Assert.Null(user.Uuid);
    }

    [Fact]
    public async Task AuthoritiesAsStringsAreRead()
    {
        var user = await ReadMemberAsync("""{"username":"u","authorities":["ROLE_ADMIN","ALL_USERS"]}""");

        Assert.Equal(["ROLE_ADMIN", "ALL_USERS"], user.Authorities);
    }

    [Fact]
    public async Task AuthorityObjectsKeepOnlyTheirAuthorityName()
    {
        var user = await ReadMemberAsync("""{"username":"u","authorities":[{"role":"x","authority":"g1","extra":{"authority":"y"}},{"authority":null},{"authority":"g2"}],"uuid":"id"}""");

        Assert.Equal(["g1", "g2"], user.Authorities);
        Assert.Equal("id", user.Uuid);
    }

    [Fact]
    public async Task AuthorityEntriesOfOtherShapesAreReadPast()
    {
        var user = await ReadMemberAsync("""{"username":"u","authorities":[["x",{"authority":"y"}],7,null,"g",{"authority":"h"}],"uuid":"id"}""");

        Assert.Equal(["g", "h"], user.Authorities);
        Assert.Equal("id", user.Uuid);
    }

    [Fact]
    public async Task AuthoritiesThatAreNoListAreReadAsNone()
    {
        var user = await ReadMemberAsync("""{"authorities":{"authority":"g","other":1},"username":"u","uuid":"id"}""");

        Assert.Empty(user.Authorities);
        Assert.Equal("u", user.Username);
        Assert.Equal("id", user.Uuid);
    }

    [Theory]
    [InlineData("""{"username":7}""")]
    [InlineData("""{"username":""}""")]
    [InlineData("""{"username":null}""")]
    [InlineData("""{"uuid":"x"}""")]
    public async Task AMemberWithoutAStringUsernameIsRefused(string member)
    {
        var error = await ReadFailureAsync(member);

        Assert.Equal(ExpectedMessage("A Kylin user has no 'username'."), error.Message);
        Assert.IsType<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task AMemberThatIsNoObjectIsRefused()
    {
        var error = await ReadFailureAsync("\"ADMIN\"");

        Assert.Equal(ExpectedMessage("A Kylin user must be a JSON object."), error.Message);
    }

    [Fact]
    public void AKylinUserIsNeverWritten()
    {
        var user = new KylinManagedUser { Username = "u" };

        var error = Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(user, typeof(KylinManagedUser), KylinJsonContext.Default));

        Assert.StartsWith("A Kylin user is only read, never written.", error.Message, StringComparison.Ordinal);
    }

    private static string ExpectedMessage(string reason) =>
        "Kylin answered with a response the SDK could not read: the JSON is invalid or does not have the expected shape ("
        + reason + "). (GET http://kylin.example.com:7070/kylin/api/user_group/groupMembers/g → 200)";

    private static async Task<KylinManagedUser> ReadMemberAsync(string member)
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Ok($$"""{"groupMembers":[{{member}}],"size":1}""")));

        var page = await kylin.Client.UserGroups.ListGroupMembersAsync("g");

        return Assert.Single(page.Items);
    }

    private static async Task<UserGroupApiException> ReadFailureAsync(string member)
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Ok($$"""{"groupMembers":[{{member}}],"size":1}""")));

        return await Assert.ThrowsAsync<UserGroupApiException>(() => kylin.Client.UserGroups.ListGroupMembersAsync("g"));
    }
}
