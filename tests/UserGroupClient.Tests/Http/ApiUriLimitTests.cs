using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// Where the path and query checks draw their lines: the longest id or search text accepted, what the refusal says,
/// and that an accepted value comes back as it was given.
/// </summary>
public sealed class ApiUriLimitTests
{
    [Fact]
    public void AnIdOfExactlyTheMaximumLengthIsAcceptedAndOneCharacterMoreIsRefused()
    {
        var longest = new string('a', ApiUri.MaxSegmentLength);

        Assert.Same(longest, ApiUri.Id(longest, "groupId"));
        var error = Assert.Throws<ArgumentException>(() => ApiUri.Id(longest + "a", "groupId"));

        Assert.Equal("groupId", error.ParamName);
        Assert.StartsWith("The value is 1025 characters long; at most 1024 are accepted in a request path.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdIsReturnedAsGivenWithItsSpacesAndUnicode()
    {
        const string name = " ops 運維 ";

        Assert.Same(name, ApiUri.Id(name, "name"));
        Assert.Equal("%20ops%20%E9%81%8B%E7%B6%AD%20", ApiUri.Segment(name, "name"));
    }

    [Theory]
    [InlineData(null, "The value must not be empty or whitespace.")]
    [InlineData("", "The value must not be empty or whitespace.")]
    [InlineData(" \t", "The value must not be empty or whitespace.")]
    [InlineData(".", "'.' and '..' would change the request path.")]
    [InlineData("..", "'.' and '..' would change the request path.")]
    [InlineData("a/b", "The value contains a slash or backslash, which the server would read as a path separator.")]
    [InlineData("a\\b", "The value contains a slash or backslash, which the server would read as a path separator.")]
    [InlineData("a\u007fb", "The value contains a control character (such as CR, LF or NUL).")]
    [InlineData("a\u0085b", "The value contains a control character (such as CR, LF or NUL).")]
    [InlineData("ab\n", "The value contains a control character (such as CR, LF or NUL).")]
    public void EachRefusalSaysWhyAndNamesTheParameter(string? value, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiUri.Id(value, "userId"));

        Assert.Equal("userId", error.ParamName);
        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("...")]
    [InlineData(". .")]
    public void DotsThatAreNotADotSegmentAreAccepted(string value) => Assert.Same(value, ApiUri.Id(value, "id"));

    [Fact]
    public void ANullQueryValueIsLeftOut() => Assert.Null(ApiUri.QueryValue(null, "search"));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b\\c")]
    [InlineData("..")]
    public void AQueryValueMayHoldWhatAPathMayNot(string value) => Assert.Same(value, ApiUri.QueryValue(value, "search"));

    [Fact]
    public void AQueryValueOfExactlyTheMaximumLengthIsAcceptedAndOneCharacterMoreIsRefused()
    {
        var longest = new string('x', ApiUri.MaxSegmentLength);

        Assert.Same(longest, ApiUri.QueryValue(longest, "search"));
        var error = Assert.Throws<ArgumentException>(() => ApiUri.QueryValue(longest + "x", "search"));

        Assert.Equal("search", error.ParamName);
        Assert.StartsWith("The value is 1025 characters long; at most 1024 are accepted in a query.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("\0")]
    [InlineData("tail\u007f")]
    public void AQueryValueWithAControlCharacterIsRefused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiUri.QueryValue(value, "search"));

        Assert.Equal("search", error.ParamName);
        Assert.StartsWith("The value contains a control character (such as CR, LF or NUL).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyValueWithoutControlCharactersIsReturnedAsGiven()
    {
        const string value = "ops \"team\" / 運維";

        Assert.Same(value, ApiUri.RejectControlCharacters(value, "name"));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => ApiUri.RejectControlCharacters("a\tb", "name")).ParamName);
    }
}
