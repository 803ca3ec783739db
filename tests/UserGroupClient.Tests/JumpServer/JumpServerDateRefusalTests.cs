using System.Text.Json;
using UserGroupClient.JumpServer;
using static UserGroupClient.Tests.JumpServer.JumpServerDateReadingTests;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// Anything that is not a date in one of the shapes JumpServer sends is refused with a JsonException that quotes it,
/// never read as some other date: a misplaced separator, a field that is no number, a field out of its range, an
/// instant outside the calendar, a text too long, and any JSON token that is not a string.
/// </summary>
public sealed class JumpServerDateRefusalTests
{
    [Theory]
    [InlineData("2025x01/15 10:20:30 +0800")]
    [InlineData("2025/01x15 10:20:30 +0800")]
    [InlineData("2025/01/15x10:20:30 +0800")]
    [InlineData("2025/01/15 10x20:30 +0800")]
    [InlineData("2025/01/15 10:20x30 +0800")]
    [InlineData("2025/01/15 10:20:30x+0800")]
    [InlineData("2025/01/15 10:20:30 x0800")]
    [InlineData("2025/01/15 10:20:30  0800")]
    [InlineData("2025-01/15 10:20:30 +0800")]
    [InlineData("2025/01-15 10:20:30 +0800")]
    [InlineData("2025/01/15T10:20:30 +0800")]
    public void AMisplacedSeparatorIsRefused(string wire) => AssertRefused(wire);

    [Theory]
    [InlineData("2x25/01/15 10:20:30 +0800")]
    [InlineData("2025/1x/15 10:20:30 +0800")]
    [InlineData("2025/01/1x 10:20:30 +0800")]
    [InlineData("2025/01/15 1x:20:30 +0800")]
    [InlineData("2025/01/15 10:2x:30 +0800")]
    [InlineData("2025/01/15 10:20:3x +0800")]
    [InlineData("2025/01/15 10:20:30 +0x00")]
    [InlineData("2025/01/15 10:20:30 +000x")]
    [InlineData("2025/01/15 10:20:30 +08/0")]
    [InlineData("2025/01/15 10:20:30 +08:0")]
    [InlineData("202 /01/15 10:20:30 +0800")]
    [InlineData("2025/01/15 10:20:30 -0８0")]
    public void AFieldThatIsNotDigitsIsRefused(string wire) => AssertRefused(wire);

    [Theory]
    [InlineData("0000/01/15 10:20:30 +0000")]
    [InlineData("2025/00/15 10:20:30 +0800")]
    [InlineData("2025/13/15 10:20:30 +0800")]
    [InlineData("2025/01/00 10:20:30 +0800")]
    [InlineData("2025/01/32 10:20:30 +0800")]
    [InlineData("2025/04/31 10:20:30 +0800")]
    [InlineData("2025/02/29 10:20:30 +0800")]
    [InlineData("2100/02/29 10:20:30 +0800")]
    [InlineData("2025/01/15 24:00:00 +0800")]
    [InlineData("2025/01/15 10:60:30 +0800")]
    [InlineData("2025/01/15 10:20:60 +0800")]
    [InlineData("2025/01/15 10:20:30 +0060")]
    [InlineData("2025/01/15 10:20:30 -0099")]
    [InlineData("2025/01/15 10:20:30 +1401")]
    [InlineData("2025/01/15 10:20:30 -1401")]
    [InlineData("2025/01/15 10:20:30 +1500")]
    [InlineData("2025/01/15 10:20:30 +9900")]
    public void AFieldOutOfItsRangeIsRefused(string wire) => AssertRefused(wire);

    [Theory]
    [InlineData("0001/01/01 07:59:59 +0800")]
    [InlineData("0001/01/01 00:00:00 +0001")]
    [InlineData("9999/12/31 16:00:00 -0800")]
    [InlineData("9999/12/31 23:59:59 -0001")]
    public void AnInstantOutsideTheCalendarIsRefused(string wire) => AssertRefused(wire);

    [Theory]
    [InlineData("")]
    [InlineData("2025")]
    [InlineData("yesterday")]
    [InlineData("2025/01/15 10:20:30")]
    [InlineData("2025/01/15 10:20:30 +08")]
    [InlineData("2025/01/15 10:20:30 +080")]
    [InlineData("2025/01/15 10:20:30 +08000")]
    [InlineData("2025/01/15 10:20:30 +08:00")]
    [InlineData(" 2025/01/15 10:20:30 +0800")]
    [InlineData("2025/01/15 10:20:30 +0800 ")]
    [InlineData("2025-01-15T02:20:30.12345678+08:00")]
    [InlineData("2025-01-15T02:20:30.1234567+08:00Z")]
    [InlineData("2025-01-15 10:20:30 +0800, 2025-01-16 10:20:30 +0800")]
    public void AnyOtherTextIsRefused(string wire) => AssertRefused(wire);

    [Fact]
    public void ALongTextIsRefusedWholeWhetherInOnePieceEscapedOrSplit()
    {
        var text = "2025-01-15T02:20:30Z " + new string('x', 200);
        var escaped = @"\u0032" + text[1..];

        AssertRefusal(text, () => Read(Quoted(text)));
        AssertRefusal(text, () => Read(Quoted(escaped)));
        AssertRefusal(text, () => ReadSplit(Quoted(text)));
        AssertRefusal(text, () => ReadSplit(Quoted(escaped)));
    }

    [Fact]
    public void AMalformedDateSplitAcrossBuffersIsRefused() =>
        AssertRefusal("2025/02/29 10:20:30 +0800", () => ReadSplit(Quoted("2025/02/29 10:20:30 +0800")));

    [Theory]
    [InlineData("20250115", "Number")]
    [InlineData("true", "True")]
    [InlineData("false", "False")]
    [InlineData("null", "Null")]
    [InlineData("{}", "StartObject")]
    [InlineData("""["2025/01/15 10:20:30 +0800"]""", "StartArray")]
    public void AValueThatIsNotAStringIsRefused(string json, string token)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal($"A JumpServer date must be a string, not {token}.", error.Message);
    }

    [Fact]
    public void AGroupWithAMalformedDateIsRefusedAtThatField()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"id": "g", "name": "n", "date_created": "2025/02/30 10:20:30 +0800"}""", JumpServerJsonContext.Default.JumpServerUserGroup));

        Assert.Equal("'2025/02/30 10:20:30 +0800' is not a JumpServer date.", error.Message);
        Assert.Equal("$.date_created", error.Path);
    }

    private static void AssertRefused(string wire) => AssertRefusal(wire, () => Read(Quoted(wire)));

    private static void AssertRefusal(string text, Func<DateTimeOffset> read)
    {
        var error = Assert.Throws<JsonException>(() => read());

        Assert.Equal($"'{text}' is not a JumpServer date.", error.Message);
    }
}
