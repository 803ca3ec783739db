using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// A Kylin page says more follow only while the rows up to its end fall short of the server's total, counted in 64 bits
/// so that a caller's extreme page index or offset never wraps round into "more".
/// </summary>
public sealed class KylinPageHasMoreTests
{
    [Theory]
    [InlineData(0, 2, 3, true)]
    [InlineData(1, 2, 5, true)]
    [InlineData(1, 2, 4, false)]
    [InlineData(2, 2, 4, false)]
    [InlineData(0, 2, 0, false)]
    [InlineData(int.MaxValue, 2, int.MaxValue, false)]
    [InlineData(int.MaxValue - 1, 1, int.MaxValue, false)]
    [InlineData(int.MaxValue - 2, 1, int.MaxValue, true)]
    public void APageByIndexHasMoreWhileItsEndFallsShortOfTheTotal(int pageOffset, int pageSize, int totalCount, bool hasMore) =>
        Assert.Equal(hasMore, new KylinPage<string>([], totalCount, pageOffset, pageSize).HasMore);

    [Theory]
    [InlineData(0, 2, 3, true)]
    [InlineData(1, 2, 4, true)]
    [InlineData(1, 2, 3, false)]
    [InlineData(3, 2, 3, false)]
    [InlineData(0, 2, 0, false)]
    [InlineData(int.MaxValue, int.MaxValue, int.MaxValue, false)]
    [InlineData(int.MaxValue - 1, 1, int.MaxValue, false)]
    [InlineData(int.MaxValue - 2, 1, int.MaxValue, true)]
    public void APageByRowHasMoreWhileItsEndFallsShortOfTheTotal(int offset, int limit, int totalCount, bool hasMore) =>
        Assert.Equal(hasMore, new KylinOffsetPage<string>([], totalCount, offset, limit).HasMore);
}
