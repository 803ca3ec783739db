using System.Diagnostics;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// The span each facade operation opens when someone listens: one internal span named after the operation, child of
/// the caller's span, tagged with the dialect and the group the operation is about, around the dialect's own work.
/// </summary>
public sealed class OperationSpanTests
{
    [Theory]
    [MemberData(nameof(Operations.Names), MemberType = typeof(Operations))]
    public async Task EachOperationIsOneInternalSpanNamedAfterItUnderTheCallersSpan(string operation)
    {
        using var spans = new OperationSpans();

        await Operations.Named(operation).RunAsync(new InstrumentedUserGroupService(new FakeUserGroupService()));

        var span = Assert.Single(spans.Stopped);
        Assert.Equal("UserGroupClient." + operation, span.OperationName);
        Assert.Equal("UserGroupClient." + operation, span.DisplayName);
        Assert.Equal(UserGroupClientTelemetry.Name, span.Source.Name);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(spans.Caller.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Theory]
    [MemberData(nameof(Operations.OnOneGroup), MemberType = typeof(Operations))]
    public async Task AnOperationOnOneGroupIsTaggedWithTheDialectAndTheGroupsId(string operation)
    {
        using var spans = new OperationSpans();

        await Operations.Named(operation).RunAsync(new InstrumentedUserGroupService(new FakeUserGroupService()));

        var span = Assert.Single(spans.Stopped);
        Assert.Equal(
            [new("usergroupclient.dialect", "Fake"), new("usergroupclient.group_id", Operations.GroupId)],
            span.TagObjects);
    }

    [Theory]
    [MemberData(nameof(Operations.OnNoOneGroup), MemberType = typeof(Operations))]
    public async Task AnOperationOnNoOneGroupIsTaggedWithTheDialectOnly(string operation)
    {
        using var spans = new OperationSpans();

        await Operations.Named(operation).RunAsync(new InstrumentedUserGroupService(new FakeUserGroupService()));

        var span = Assert.Single(spans.Stopped);
        Assert.Equal([new("usergroupclient.dialect", "Fake")], span.TagObjects);
    }

    [Theory]
    [MemberData(nameof(Operations.Answered), MemberType = typeof(Operations))]
    public async Task TheCallersSpanIsCurrentAgainAsSoonAsTheCallReturns(string operation)
    {
        using var spans = new OperationSpans();

        var pending = (Task)Operations.Named(operation).Invoke(new InstrumentedUserGroupService(new FakeUserGroupService()), CancellationToken.None);
        var current = Activity.Current;
        await pending;

        Assert.Same(spans.Caller, current);
        Assert.Single(spans.Stopped);
    }

    [Theory]
    [MemberData(nameof(Operations.Answered), MemberType = typeof(Operations))]
    public async Task TheDialectsWorkRunsInsideTheOperationsSpan(string operation)
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService();

        await Operations.Named(operation).RunAsync(new InstrumentedUserGroupService(dialect));

        var span = Assert.Single(spans.Stopped);
        var call = Assert.Single(dialect.Calls);
        Assert.Same(span, call.Span);
    }
}
