using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// <see cref="UserGroupQuery.PageSize"/> below 1 is refused by every facade, naming <c>query</c>, before anything is
/// sent: JumpServer and MinApp would read 0 as "no limit" or "the maximum", and the dialects that list without paging
/// would otherwise hide the mistake.
/// </summary>
public sealed class FacadePageSizeTests
{
    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var dialect in StubbedDialect.Names)
        {
            cases.Add(dialect, 0);
            cases.Add(dialect, -1);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task APageSizeBelowOneIsRefusedByItsQueryBeforeAnythingIsSent(string dialect, int pageSize)
    {
        var sent = 0;
        using var stub = new StubbedDialect(dialect);
        stub.Respond = () =>
        {
            sent++;
            throw new InvalidOperationException("nothing may be sent");
        };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await stub.Service.ListGroupsAsync(new UserGroupQuery { PageSize = pageSize }).ToListAsync());

        Assert.Equal(("query", pageSize), (error.ParamName, error.ActualValue));
        Assert.StartsWith("The page size must be at least 1.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sent);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task APageSizeOfOneIsTaken(string dialect)
    {
        using var stub = new StubbedDialect(dialect);
        stub.Respond = () => StubHandler.Json(HttpStatusCode.OK, stub.EmptyList);

        var groups = await stub.Service.ListGroupsAsync(new UserGroupQuery { PageSize = 1 }).ToListAsync();

        Assert.Empty(groups);
    }

    public static TheoryData<string> Dialects() => [.. StubbedDialect.Names];
}
