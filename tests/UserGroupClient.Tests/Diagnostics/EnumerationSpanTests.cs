using System.Diagnostics;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The span of a listing: it opens when the enumeration starts, spans every page the dialect fetches, and ends when the
/// enumeration ends or is abandoned; the items and the enumeration's cancellation pass through unchanged.
/// </summary>
public sealed class EnumerationSpanTests
{
    [Fact]
    public async Task EveryGroupAndMemberIsHandedOverUnchangedAndInOrder()
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService();
        var service = new InstrumentedUserGroupService(dialect);

        var groups = await Streams.ReadAsync(service.ListGroupsAsync());
        var members = await Streams.ReadAsync(service.ListMembersAsync(Operations.GroupId));

        Assert.Equal(dialect.Groups.Count, groups.Count);
        Assert.All(dialect.Groups.Zip(groups), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(dialect.Members.Count, members.Count);
        Assert.All(dialect.Members.Zip(members), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public async Task NoSpanOpensUntilTheEnumerationStarts()
    {
        using var spans = new OperationSpans();

        var groups = new InstrumentedUserGroupService(new FakeUserGroupService()).ListGroupsAsync();

        Assert.Empty(spans.Started);
        Assert.NotEmpty(await Streams.ReadAsync(groups));
        Assert.Single(spans.Started);
    }

    [Fact]
    public async Task TheSpanStaysOpenBetweenItemsAndEndsWithTheLastOne()
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService();
        await using var groups = new InstrumentedUserGroupService(dialect).ListGroupsAsync().GetAsyncEnumerator();

        Assert.True(await groups.MoveNextAsync());
        Assert.True(await groups.MoveNextAsync());
        Assert.Single(spans.Started);
        Assert.Empty(spans.Stopped);
        Assert.True(await groups.MoveNextAsync());
        Assert.False(await groups.MoveNextAsync());

        var span = Assert.Single(spans.Stopped);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(1, dialect.StreamsReleased);
    }

    [Fact]
    public async Task AnAbandonedEnumerationEndsItsSpanAndReleasesTheDialectsStream()
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService();

        await foreach (var member in new InstrumentedUserGroupService(dialect).ListMembersAsync(Operations.GroupId))
        {
            Assert.Empty(spans.Stopped);
            break;
        }

        var span = Assert.Single(spans.Stopped);
        Assert.Equal("UserGroupClient.ListMembers", span.OperationName);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(1, dialect.StreamsReleased);
    }

    [Fact]
    public async Task EveryItemIsFetchedInsideTheListingsSpanNotOnlyTheFirst()
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService();
        var service = new InstrumentedUserGroupService(dialect);

        await Streams.ReadAsync(service.ListGroupsAsync());

        var span = Assert.Single(spans.Stopped);
        Assert.Equal(dialect.Groups.Count, dialect.ItemFetchSpans.Count);
        Assert.All(dialect.ItemFetchSpans, current => Assert.Same(span, current));
    }

    [Fact]
    public async Task TheCallersSpanIsCurrentAgainWhileItHandlesEachItem()
    {
        using var spans = new OperationSpans();

        await foreach (var group in new InstrumentedUserGroupService(new FakeUserGroupService()).ListGroupsAsync())
        {
            Assert.Same(spans.Caller, Activity.Current);
        }
    }

    [Fact]
    public async Task TheCallsTokenReachesTheDialect()
    {
        using var spans = new OperationSpans();
        using var cancellation = new CancellationTokenSource();
        var dialect = new FakeUserGroupService();

        await Streams.ReadAsync(new InstrumentedUserGroupService(dialect).ListGroupsAsync(null, cancellation.Token));

        Assert.Equal(cancellation.Token, Assert.Single(dialect.Calls).Token);
        Assert.Equal(cancellation.Token, Assert.Single(dialect.StreamTokens));
    }

    [Fact]
    public async Task CancellingTheEnumerationCancelsTheDialectsStreamAndMarksTheSpan()
    {
        using var spans = new OperationSpans();
        using var cancellation = new CancellationTokenSource();
        var dialect = new FakeUserGroupService();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var group in new InstrumentedUserGroupService(dialect).ListGroupsAsync().WithCancellation(cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, read);
        Assert.True(Assert.Single(dialect.StreamTokens).IsCancellationRequested);
        var span = Assert.Single(spans.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
        Assert.Equal(1, dialect.StreamsReleased);
    }
}
