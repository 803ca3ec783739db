using System.Text.Json;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// A member of a group's <c>users</c> is read in both shapes the server sends, a bare id (v2) and an object with
/// <c>id</c> or <c>pk</c>, <c>name</c> and <c>is_service_account</c> (v3 and later); anything else is refused with the
/// reason, and a member is written back as an object.
/// </summary>
public sealed class JumpServerUserReferenceTests
{
    [Fact]
    public void ABareIdIsAMemberWithNothingElseKnown() =>
        Assert.Equal(new JumpServerUserReference("u1"), Read("\"u1\""));

    [Fact]
    public void AnEscapedIdIsReadUnescaped() =>
        Assert.Equal(new JumpServerUserReference("u/1"), Read("\"u\\/1\""));

    [Theory]
    [InlineData("""{"id": "u1", "name": "Alice", "is_service_account": false}""", "u1", "Alice", false)]
    [InlineData("""{"is_service_account": true, "name": "robot", "id": "u2"}""", "u2", "robot", true)]
    [InlineData("""{"pk": "u3"}""", "u3", null, null)]
    [InlineData("""{"id": "u4", "name": "Bob"}""", "u4", "Bob", null)]
    public void AnObjectIsReadWhateverTheOrderOfItsFields(string json, string id, string? name, bool? isServiceAccount) =>
        Assert.Equal(new JumpServerUserReference(id, name, isServiceAccount), Read(json));

    [Theory]
    [InlineData("""{"id": "u1", "name": 5}""")]
    [InlineData("""{"id": "u1", "name": null}""")]
    [InlineData("""{"id": "u1", "name": true}""")]
    [InlineData("""{"name": {"id": "x", "name": "y"}, "id": "u1"}""")]
    [InlineData("""{"name": ["x"], "id": "u1"}""")]
    public void ANameThatIsNotAStringIsLeftUnknown(string json) =>
        Assert.Equal(new JumpServerUserReference("u1"), Read(json));

    [Theory]
    [InlineData("""{"id": "u1", "is_service_account": "true"}""")]
    [InlineData("""{"id": "u1", "is_service_account": 1}""")]
    [InlineData("""{"id": "u1", "is_service_account": null}""")]
    [InlineData("""{"is_service_account": {"id": "x"}, "id": "u1"}""")]
    [InlineData("""{"is_service_account": [true], "id": "u1"}""")]
    public void AServiceAccountFlagThatIsNotABooleanIsLeftUnknown(string json) =>
        Assert.Equal(new JumpServerUserReference("u1"), Read(json));

    [Fact]
    public void OtherFieldsAreSkippedWithEverythingInThem() =>
        Assert.Equal(
            new JumpServerUserReference("u1", "Alice"),
            Read("""{"profile": {"id": "x", "name": "y", "is_service_account": true}, "id": "u1", "roles": [{"id": "r"}, "id"], "name": "Alice", "email": "a@example.com"}"""));

    [Theory]
    [InlineData("""{"id": 5}""")]
    [InlineData("""{"id": null}""")]
    [InlineData("""{"pk": {"id": "u1"}}""")]
    [InlineData("""{"name": "Alice", "id": ["u1"]}""")]
    public void AnIdThatIsNotAStringIsRefused(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal("'users[].id' must be a string.", error.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name": "Alice", "is_service_account": false}""")]
    [InlineData("""{"user": "u1"}""")]
    public void AnObjectWithoutAnIdIsRefused(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal("A member of 'users' has no id.", error.Message);
    }

    [Theory]
    [InlineData("null", "Null")]
    [InlineData("5", "Number")]
    [InlineData("true", "True")]
    [InlineData("""["u1"]""", "StartArray")]
    public void AMemberThatIsNeitherAnIdNorAnObjectIsRefused(string json, string token)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal($"A member of 'users' must be an id or an object, not {token}.", error.Message);
    }

    [Fact]
    public void AGroupWithANullMemberIsRefusedInsteadOfListingANull()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"id": "g", "name": "n", "users": ["u1", null]}""", JumpServerJsonContext.Default.JumpServerUserGroup));

        Assert.Equal("A member of 'users' must be an id or an object, not Null.", error.Message);
        Assert.Equal("$.users[1]", error.Path);
    }

    [Fact]
    public void AGroupReadsMembersOfBothShapesAndANullListAsNone()
    {
        var mixed = JsonSerializer.Deserialize(
            """{"id": "g", "name": "n", "users": ["u1", {"id": "u2", "name": "robot", "is_service_account": true}]}""", JumpServerJsonContext.Default.JumpServerUserGroup)!;
        var none = JsonSerializer.Deserialize("""{"id": "g", "name": "n", "users": null}""", JumpServerJsonContext.Default.JumpServerUserGroup)!;

        Assert.Equal([new JumpServerUserReference("u1"), new JumpServerUserReference("u2", "robot", true)], mixed.Users);
        Assert.Null(none.Users);
    }

    [Theory]
    [InlineData("u1", null, null, """{"id":"u1"}""")]
    [InlineData("u1", "Alice", null, """{"id":"u1","name":"Alice"}""")]
    [InlineData("u1", null, false, """{"id":"u1","is_service_account":false}""")]
    [InlineData("u1", "robot", true, """{"id":"u1","name":"robot","is_service_account":true}""")]
    public void AMemberIsWrittenAsAnObjectWithTheFieldsKnown(string id, string? name, bool? isServiceAccount, string expected)
    {
        var member = new JumpServerUserReference(id, name, isServiceAccount);

        var json = JsonSerializer.Serialize(member, JumpServerJsonContext.Default.JumpServerUserReference);

        Assert.Equal(expected, json);
        Assert.Equal(member, Read(json));
    }

    private static JumpServerUserReference Read(string json) =>
        JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.JumpServerUserReference)!;
}
