using UserGroupClient.Owl;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What Owl's input checks refuse before anything is sent: ids Owl would read as "create a new row" (0, an empty host
/// id), names past its columns' width, control characters, and pages out of range; id lists go once each, in order.
/// </summary>
public sealed class OwlInputRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void ABlankNameIsRefused(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => OwlInput.Name(name, "name"));

        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("An Owl group name must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameOfExactlyTheColumnWidthIsKeptAndOneCharacterMoreIsRefused()
    {
        var longest = new string('n', OwlInput.MaxNameLength);

        Assert.Same(longest, OwlInput.Name(longest, "name"));
        var error = Assert.Throws<ArgumentException>(() => OwlInput.Name(longest + "n", "name"));
        Assert.Equal("name", error.ParamName);
        Assert.StartsWith("An Owl name has at most 255 characters; this one has 256.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithAControlCharacterIsRefused() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => OwlInput.Name("ops\n", "name")).ParamName);

    [Fact]
    public void ANumericIdOfOneIsKeptAndZeroIsRefused()
    {
        Assert.Equal(1, OwlInput.Id(1, "groupId"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OwlInput.Id(0, "groupId"));
        Assert.Equal("groupId", error.ParamName);
        Assert.Equal(0, error.ActualValue);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("007", 7)]
    [InlineData("2147483647", int.MaxValue)]
    public void AStringIdIsParsedAsAPositiveInteger(string id, int expected) => Assert.Equal(expected, OwlInput.ParseId(id, "groupId"));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("2147483648")]
    public void AStringIdThatIsNotAPositiveIntegerIsRefusedAndShown(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => OwlInput.ParseId(id, "groupId"));

        Assert.Equal("groupId", error.ParamName);
        Assert.StartsWith($"An Owl id is a positive integer; '{id}' is not.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingStringIdIsRefused() =>
        Assert.Equal("groupId", Assert.Throws<ArgumentNullException>(() => OwlInput.ParseId(null, "groupId")).ParamName);

    [Fact]
    public void IdListsGoOnceEachInTheOrderGiven()
    {
        Assert.Equal([5, 2, 9], OwlInput.ParseIds(["5", "2", "5", "9", "02"], "memberIds"));
        Assert.Equal([5, 2, 9], OwlInput.Ids([5, 2, 5, 9, 2], "userIds"));
    }

    [Fact]
    public void OneBadIdRefusesTheWholeList()
    {
        Assert.Equal("memberIds", Assert.Throws<ArgumentException>(() => OwlInput.ParseIds(["5", "0"], "memberIds")).ParamName);
        Assert.Equal("userIds", Assert.Throws<ArgumentOutOfRangeException>(() => OwlInput.Ids([5, 0], "userIds")).ParamName);
    }

    [Fact]
    public void AMissingIdListIsRefused()
    {
        Assert.Equal("memberIds", Assert.Throws<ArgumentNullException>(() => OwlInput.ParseIds(null!, "memberIds")).ParamName);
        Assert.Equal("userIds", Assert.Throws<ArgumentNullException>(() => OwlInput.Ids(null!, "userIds")).ParamName);
        Assert.Equal("hostIds", Assert.Throws<ArgumentNullException>(() => OwlInput.HostIds(null!, "hostIds")).ParamName);
    }

    [Fact]
    public void HostIdsGoOnceEachCaseSensitivelyInTheOrderGiven()
    {
        var longest = new string('f', OwlInput.MaxHostIdLength);

        Assert.Equal(["b", longest, "B"], OwlInput.HostIds(["b", longest, "b", "B"], "hostIds"));
    }

    [Fact]
    public void AHostIdPastItsColumnWidthIsRefusedAndShown()
    {
        var id = new string('f', OwlInput.MaxHostIdLength + 1);

        var error = Assert.Throws<ArgumentException>(() => OwlInput.HostIds(["a", id], "hostIds"));

        Assert.Equal("hostIds", error.ParamName);
        Assert.StartsWith($"An Owl host id has at most 32 characters; '{id}' has 33.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public void AHostIdIsCheckedByThePathRules(string id) =>
        Assert.Equal("hostIds", Assert.Throws<ArgumentException>(() => OwlInput.HostIds([id], "hostIds")).ParamName);

    [Fact]
    public void ASearchTextIsSentAsGivenAndNullIsLeftOut()
    {
        const string search = " a/b ";

        Assert.Same(search, OwlInput.Text(search, "search"));
        Assert.Null(OwlInput.Text(null, "search"));
        Assert.Equal("search", Assert.Throws<ArgumentException>(() => OwlInput.Text("a\tb", "search")).ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(3)]
    public void APageThatIsNotNegativeIsSentAsGiven(int? page) => Assert.Equal(page, OwlInput.Page(page, "options"));

    [Fact]
    public void ANegativePageIsRefused() =>
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => OwlInput.Page(-1, "options")).ParamName);

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(500)]
    public void APageSizeOfAtLeastOneIsSentAsGiven(int? pageSize) => Assert.Equal(pageSize, OwlInput.PageSize(pageSize, "options"));

    [Fact]
    public void APageSizeBelowOneIsRefused() =>
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => OwlInput.PageSize(0, "options")).ParamName);
}
