using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

public sealed class ApiUriTests
{
    [Theory]
    [InlineData("7413d36d-cf37-45f4-b42a-cd5eeff1f4ff", "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff")]
    [InlineData("ops team", "ops%20team")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("50%", "50%25")]
    [InlineData("%2F", "%252F")]
    [InlineData("運維", "%E9%81%8B%E7%B6%AD")]
    [InlineData("...", "...")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void SegmentsArePercentEncoded(string value, string expected) => Assert.Equal(expected, ApiUri.Segment(value, "id"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../admin")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\0b")]
    [InlineData("tab\there")]
    public void ValuesThatWouldChangeThePathAreRefused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiUri.Segment(value, "groupId"));
        Assert.Equal("groupId", error.ParamName);
    }

    [Fact]
    public void OverlongValuesAreRefused() =>
        Assert.Throws<ArgumentException>(() => ApiUri.Segment(new string('a', 10_000), "groupId"));

    [Fact]
    public void NullIsRefused() => Assert.Throws<ArgumentException>(() => ApiUri.Segment(null, "groupId"));
}
