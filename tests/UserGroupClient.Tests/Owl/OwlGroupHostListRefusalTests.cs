using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// A group's hosts (<c>GET /api/v1/groups/{id}/hosts</c>) are never asked for group 0, which names no group: the page
/// call refuses it before sending, the listing as soon as it is asked for, before it is enumerated. Nor is page 0,
/// which that endpoint answers with page 1, not every host (docs/wire/owl.md §7).
/// </summary>
public sealed class OwlGroupHostListRefusalTests
{
    [Fact]
    public async Task APageOfGroupZeroIsRefusedBeforeSending()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentOutOfRangeException>(handler, () => owl.Client.HostGroups.ListHostsAsync(0), "groupId");
    }

    [Fact]
    public async Task PageZeroOfAGroupsHostsIsRefusedBeforeSending()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentOutOfRangeException>(
            handler,
            () => owl.Client.HostGroups.ListHostsAsync(8, new OwlHostListOptions { Page = 0, PageSize = 50 }),
            "options",
            "A group's host pages start at 1: Owl reads page 0 there as page 1, not as every host.");
    }

    [Fact]
    public void ListingAllHostsOfGroupZeroIsRefusedWhenTheListingIsAskedFor()
    {
        using var owl = new OwlStub(RefusedBeforeSending.Transport());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => owl.Client.HostGroups.ListAllHostsAsync(0));

        Assert.Equal("groupId", error.ParamName);
        Assert.Empty(owl.Handler.Requests);
    }
}
