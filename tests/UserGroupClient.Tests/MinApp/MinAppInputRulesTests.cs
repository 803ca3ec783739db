using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// What MinApp's input checks refuse before anything is sent and what they send instead: ids are positive integers,
/// names are not blank, a page is at least one item and at most the server's maximum, and id lists go once each.
/// </summary>
public sealed class MinAppInputRulesTests
{
    [Theory]
    [InlineData("1", 1L)]
    [InlineData("047", 47L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void AStringIdIsParsedAsAPositiveInteger(string id, long expected) => Assert.Equal(expected, MinAppInput.Id(id, "groupId"));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("9223372036854775808")]
    public void AStringIdThatIsNotAPositiveIntegerIsRefusedAndShown(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => MinAppInput.Id(id, "groupId"));

        Assert.Equal("groupId", error.ParamName);
        Assert.StartsWith($"A MinApp id is a positive integer; '{id}' is not.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("..")]
    [InlineData("1/2")]
    public void AStringIdIsCheckedByThePathRulesFirst(string? id)
    {
        var error = Assert.Throws<ArgumentException>(() => MinAppInput.Id(id, "groupId"));

        Assert.Equal("groupId", error.ParamName);
        Assert.DoesNotContain("positive integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void ANumericIdThatIsNotPositiveIsRefused(long id)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MinAppInput.Id(id, "parentId"));

        Assert.Equal("parentId", error.ParamName);
        Assert.Equal(id, error.ActualValue);
        Assert.StartsWith("A MinApp id is a positive integer.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APositiveNumericIdIsKept() => Assert.Equal(1L, MinAppInput.Id(1L, "parentId"));

    [Fact]
    public void StringIdsAreParsedOnceEachInTheOrderGiven() =>
        Assert.Equal([3L, 1L, 2L], MinAppInput.Ids(["3", "1", "3", "2", "01"], "memberIds"));

    [Fact]
    public void NumericIdsAreKeptOnceEachInTheOrderGiven() =>
        Assert.Equal([3L, 1L, 2L], MinAppInput.Ids([3L, 1L, 3L, 2L, 1L], "groupIds"));

    [Fact]
    public void OneBadIdRefusesTheWholeList()
    {
        Assert.Equal("memberIds", Assert.Throws<ArgumentException>(() => MinAppInput.Ids(["1", "x"], "memberIds")).ParamName);
        Assert.Equal("groupIds", Assert.Throws<ArgumentOutOfRangeException>(() => MinAppInput.Ids([1L, 0L], "groupIds")).ParamName);
    }

    [Fact]
    public void AMissingIdListIsRefused()
    {
        Assert.Equal("memberIds", Assert.Throws<ArgumentNullException>(() => MinAppInput.Ids((IEnumerable<string>)null!, "memberIds")).ParamName);
        Assert.Equal("groupIds", Assert.Throws<ArgumentNullException>(() => MinAppInput.Ids((IEnumerable<long>)null!, "groupIds")).ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankNameIsRefused(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => MinAppInput.Name(name, "group"));

        Assert.Equal("group", error.ParamName);
        Assert.StartsWith("A MinApp group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ops\r\n")]
    [InlineData("o\u0000ps")]
    public void ANameWithAControlCharacterIsRefused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => MinAppInput.Name(name, "group"));

        Assert.Equal("group", error.ParamName);
        Assert.StartsWith("A MinApp group name must not contain control characters (such as CR, LF or NUL).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameIsSentAsGiven()
    {
        const string name = " ops / 運維 ";

        Assert.Same(name, MinAppInput.Name(name, "group"));
    }

    [Theory]
    [InlineData(null, 20, 20)]
    [InlineData(null, 5000, MinAppClientOptions.MaxPageSize)]
    [InlineData(1, 20, 1)]
    [InlineData(MinAppClientOptions.MaxPageSize, 20, MinAppClientOptions.MaxPageSize)]
    [InlineData(MinAppClientOptions.MaxPageSize + 1, 20, MinAppClientOptions.MaxPageSize)]
    public void TheLimitSentIsTheOneAskedForOrTheDefaultAtMostTheServersMaximum(int? requested, int defaultPageSize, int expected) =>
        Assert.Equal(expected, MinAppInput.Limit(requested, defaultPageSize, "options"));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void APageSizeBelowOneIsRefused(int requested)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MinAppInput.Limit(requested, 20, "options"));

        Assert.Equal("options", error.ParamName);
        Assert.Equal(requested, error.ActualValue);
        Assert.StartsWith("The page size must be at least 1 (MinApp reads 0 as 'the maximum').", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(300)]
    public void AnOffsetThatIsNotNegativeIsSentAsGiven(int? offset) => Assert.Equal(offset, MinAppInput.Offset(offset, "options"));

    [Fact]
    public void ANegativeOffsetIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MinAppInput.Offset(-1, "options"));

        Assert.Equal("options", error.ParamName);
        Assert.Equal(-1, error.ActualValue);
        Assert.StartsWith("The offset must not be negative.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdListJoinsWithCommasAndNoSpaces()
    {
        Assert.Equal("12,3,45", MinAppInput.Join([12L, 3L, 45L]));
        Assert.Equal(string.Empty, MinAppInput.Join([]));
    }
}
