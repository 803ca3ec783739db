using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>
/// The dates JumpServer sends are read to the instant and the offset they name: the server's own
/// <c>%Y/%m/%d %H:%M:%S %z</c>, the dashed shape and ISO 8601, at every field's bounds, escaped or split across buffers.
/// </summary>
public sealed class JumpServerDateReadingTests
{
    [Theory]
    [InlineData("2025/01/15 10:20:30 +0800", "2025-01-15T10:20:30+08:00")]
    [InlineData("2029/09/19 19:59:59 +0930", "2029-09-19T19:59:59+09:30")]
    [InlineData("2024/02/29 23:59:59 -0530", "2024-02-29T23:59:59-05:30")]
    [InlineData("2000/02/29 00:00:00 +0000", "2000-02-29T00:00:00+00:00")]
    [InlineData("2025/12/31 00:00:00 -0000", "2025-12-31T00:00:00+00:00")]
    [InlineData("2025/01/31 12:00:00 +0559", "2025-01-31T12:00:00+05:59")]
    [InlineData("2025/04/30 12:00:00 +1400", "2025-04-30T12:00:00+14:00")]
    [InlineData("2025/06/01 12:00:00 -1400", "2025-06-01T12:00:00-14:00")]
    [InlineData("2025/11/30 08:07:06 -0001", "2025-11-30T08:07:06-00:01")]
    public void TheServersOwnShapeIsReadToItsInstantAndOffset(string wire, string expected) =>
        AssertRead(expected, Read(Quoted(wire)));

    [Theory]
    [InlineData("0001/01/01 08:00:00 +0800", "0001-01-01T08:00:00+08:00")]
    [InlineData("0001/01/01 00:00:00 -0100", "0001-01-01T00:00:00-01:00")]
    [InlineData("9999/12/31 15:59:59 -0800", "9999-12-31T15:59:59-08:00")]
    [InlineData("9999/12/31 23:59:59 +1400", "9999-12-31T23:59:59+14:00")]
    public void TheFirstAndLastInstantsOfTheCalendarAreRead(string wire, string expected) =>
        AssertRead(expected, Read(Quoted(wire)));

    [Theory]
    [InlineData("2025-01-15 10:20:30 +0800", "2025-01-15T10:20:30+08:00")]
    [InlineData("2025-01-15 10:20:30 -08:00", "2025-01-15T10:20:30-08:00")]
    [InlineData("2025-01-15T02:20:30Z", "2025-01-15T02:20:30+00:00")]
    [InlineData("2025-01-15T02:20:30.5Z", "2025-01-15T02:20:30.5+00:00")]
    [InlineData("2025-01-15T02:20:30+0800", "2025-01-15T02:20:30+08:00")]
    [InlineData("2025-01-15T02:20:30-05:30", "2025-01-15T02:20:30-05:30")]
    [InlineData("2025-01-15T02:20:30.1234567+08:00", "2025-01-15T02:20:30.1234567+08:00")]
    public void TheDashedShapeAndIso8601AreReadToo(string wire, string expected) =>
        AssertRead(expected, Read(Quoted(wire)));

    [Theory]
    [InlineData(@"2025\/01\/15 10:20:30 +0800", "2025-01-15T10:20:30+08:00")]
    [InlineData(@"2025/01/15 10:20:30 \u002B0800", "2025-01-15T10:20:30+08:00")]
    [InlineData(@"2025-01-15T02:20:30\u005A", "2025-01-15T02:20:30+00:00")]
    public void AnEscapedDateIsReadAsItsUnescapedText(string wire, string expected) =>
        AssertRead(expected, Read(Quoted(wire)));

    [Fact]
    public void ALongestDateWithEveryCharacterEscapedIsRead()
    {
        const string date = "2025-01-15T02:20:30.1234567+08:00";
        var escaped = string.Concat(date.Select(c => $"\\u{(int)c:X4}"));

        AssertRead(date, Read(Quoted(escaped)));
    }

    [Theory]
    [InlineData("2025/01/15 10:20:30 +0800", "2025-01-15T10:20:30+08:00")]
    [InlineData(@"2025\/01\/15 10:20:30 -0800", "2025-01-15T10:20:30-08:00")]
    [InlineData("2025-01-15T02:20:30.1234567+08:00", "2025-01-15T02:20:30.1234567+08:00")]
    public void ADateSplitAcrossBuffersIsReadWhole(string wire, string expected) =>
        AssertRead(expected, ReadSplit(Quoted(wire)));

    [Fact]
    public void AGroupWithoutADateOrWithANullOneHasNone()
    {
        var absent = JsonSerializer.Deserialize("""{"id": "g", "name": "n"}""", JumpServerJsonContext.Default.JumpServerUserGroup)!;
        var nulled = JsonSerializer.Deserialize("""{"id": "g", "name": "n", "date_created": null}""", JumpServerJsonContext.Default.JumpServerUserGroup)!;

        Assert.Null(absent.DateCreated);
        Assert.Null(nulled.DateCreated);
    }

    internal static string Quoted(string wire) => $"\"{wire}\"";

    internal static DateTimeOffset Read(string json) => JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.DateTimeOffset);

    // Each byte its own segment, as a reader over pooled buffers may see a value.
    internal static DateTimeOffset ReadSplit(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, 1));
        return JsonSerializer.Deserialize(ref reader, JumpServerJsonContext.Default.DateTimeOffset);
    }

    private static void AssertRead(string expected, DateTimeOffset read)
    {
        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want, read);
        Assert.Equal(want.Offset, read.Offset);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
