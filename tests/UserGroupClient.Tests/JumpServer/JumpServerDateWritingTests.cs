using System.Text.Json;
using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>A date is written in the server's own shape, <c>%Y/%m/%d %H:%M:%S %z</c>, keeping its offset, and reads back the same.</summary>
public sealed class JumpServerDateWritingTests
{
    [Theory]
    [InlineData("2025-01-15T10:20:30+08:00", "2025/01/15 10:20:30 +0800")]
    [InlineData("2024-02-29T23:59:59-05:30", "2024/02/29 23:59:59 -0530")]
    [InlineData("2025-12-31T00:00:00+00:00", "2025/12/31 00:00:00 +0000")]
    [InlineData("0001-01-01T14:00:00+14:00", "0001/01/01 14:00:00 +1400")]
    [InlineData("9999-12-31T09:59:59-14:00", "9999/12/31 09:59:59 -1400")]
    public void ADateIsWrittenInTheServersShapeAndReadsBackTheSame(string instant, string expected)
    {
        var date = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        var json = JsonSerializer.Serialize(date, JumpServerJsonContext.Default.DateTimeOffset);
        var back = JsonSerializer.Deserialize(json, JumpServerJsonContext.Default.DateTimeOffset);

        Assert.Equal(expected, TextOf(json));
        Assert.Equal(date, back);
        Assert.Equal(date.Offset, back.Offset);
    }

    [Fact]
    public void FractionsOfASecondAreNotWritten()
    {
        var date = new DateTimeOffset(2025, 1, 15, 10, 20, 30, 999, TimeSpan.FromHours(8));

        Assert.Equal("2025/01/15 10:20:30 +0800", TextOf(JsonSerializer.Serialize(date, JumpServerJsonContext.Default.DateTimeOffset)));
    }

    // The default encoder escapes '+' ("\u002B0800"); the server reads the string it stands for.
    private static string? TextOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetString();
    }
}
