using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>While spans are recorded, every call reaches the dialect as it was made and every answer comes back unchanged.</summary>
public sealed class PassThroughTests
{
    [Theory]
    [MemberData(nameof(Operations.Names), MemberType = typeof(Operations))]
    public async Task EachCallReachesTheDialectOnceWithItsArgumentsAndToken(string operation)
    {
        using var spans = new OperationSpans();
        using var cancellation = new CancellationTokenSource();
        var dialect = new FakeUserGroupService();
        var called = Operations.Named(operation);

        await called.RunAsync(new InstrumentedUserGroupService(dialect), cancellation.Token);

        var call = Assert.Single(dialect.Calls);
        Assert.Equal(operation, call.Operation);
        Assert.Equal(called.Arguments.Length, call.Arguments.Length);
        Assert.All(called.Arguments.Zip(call.Arguments), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(cancellation.Token, call.Token);
    }

    [Fact]
    public async Task EachAnswerIsTheDialectsOwn()
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService();
        var service = new InstrumentedUserGroupService(dialect);

        Assert.Same(dialect.Capabilities, service.Capabilities);
        Assert.Same(dialect.Group, await service.GetGroupAsync("7"));
        Assert.Same(dialect.Group, await service.FindGroupByNameAsync("ops"));
        Assert.Null(await service.FindGroupByNameAsync("nobody"));
        Assert.Same(dialect.Group, await service.CreateGroupAsync(new NewUserGroup("ops")));
        Assert.Same(dialect.Group, await service.UpdateGroupAsync("7", new UserGroupUpdate { Name = "ops" }));
    }
}
