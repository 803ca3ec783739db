using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// What JumpServer's input checks refuse before anything is sent, what they let through, and the form in which ids
/// travel: names are measured as the server stores them (trimmed), user ids are UUIDs sent in one canonical form, and
/// a path segment keeps the characters Django leaves unescaped, so the signature covers the path the server checks.
/// </summary>
public sealed class JumpServerInputRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void ABlankGroupNameIsRefused(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => JumpServerInput.GroupName(name, "group"));

        Assert.Equal("group", error.ParamName);
        Assert.StartsWith("A JumpServer group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGroupNameIsMeasuredTrimmedAndReturnedAsGiven()
    {
        var longest = "  " + new string('n', JumpServerInput.MaxNameLength) + " ";

        Assert.Same(longest, JumpServerInput.GroupName(longest, "name"));
    }

    [Fact]
    public void AGroupNameOneCharacterPastTheMaximumIsRefusedWithItsLength()
    {
        var error = Assert.Throws<ArgumentException>(() => JumpServerInput.GroupName(" " + new string('n', JumpServerInput.MaxNameLength + 1), "name"));

        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("A JumpServer group name has at most 128 characters; this one has 129.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ops\nteam")]
    [InlineData("ops\u0000")]
    [InlineData("\u007fops")]
    public void AGroupNameWithAControlCharacterIsRefused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => JumpServerInput.GroupName(name, "name"));

        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("A JumpServer group name must not contain control characters (such as CR, LF or NUL).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff")]
    [InlineData("ops team", "ops%20team")]
    [InlineData("a:b@c&d+e$f,g!h*i'j(k)l", "a:b@c&d+e$f,g!h*i'j(k)l")]
    [InlineData(":", ":")]
    [InlineData("x)", "x)")]
    [InlineData("a;b=c", "a%3Bb%3Dc")]
    [InlineData("50%", "50%25")]
    [InlineData("%3A", "%253A")]
    [InlineData("é(", "%C3%A9(")]
    [InlineData("運維", "%E9%81%8B%E7%B6%AD")]
    public void APathSegmentIsEscapedAsDjangoEscapesThePathItVerifies(string id, string expected) =>
        Assert.Equal(expected, JumpServerInput.PathSegment(id, "groupId"));

    [Fact]
    public void APathSegmentIsCheckedByThePathRules() =>
        Assert.Equal("groupId", Assert.Throws<ArgumentException>(() => JumpServerInput.PathSegment("..", "groupId")).ParamName);

    [Fact]
    public void UserIdsAreSentLowerCaseOnceEachInTheOrderGiven()
    {
        var ids = JumpServerInput.UserIds(
            ["B1C5E1D2-0D7E-4A55-9C77-4A8E1B2C3D4E", "0f8fad5b-d9cb-469f-a165-70867728950e", "b1c5e1d2-0d7e-4a55-9c77-4a8e1b2c3d4e"],
            "userIds");

        Assert.Equal(["b1c5e1d2-0d7e-4a55-9c77-4a8e1b2c3d4e", "0f8fad5b-d9cb-469f-a165-70867728950e"], ids);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("admin")]
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    public void AUserIdThatIsNotAUuidIsRefusedAndShown(string? id)
    {
        var error = Assert.Throws<ArgumentException>(() => JumpServerInput.UserId(id, "userId"));

        Assert.Equal("userId", error.ParamName);
        Assert.StartsWith($"A JumpServer user id is a UUID; '{id}' is not.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBadUserIdRefusesTheWholeList() =>
        Assert.Equal("userIds", Assert.Throws<ArgumentException>(() => JumpServerInput.UserIds(["0f8fad5b-d9cb-469f-a165-70867728950e", "bob"], "userIds")).ParamName);

    [Fact]
    public void AMissingUserIdListIsRefused() =>
        Assert.Equal("userIds", Assert.Throws<ArgumentNullException>(() => JumpServerInput.UserIds(null!, "userIds")).ParamName);
}
