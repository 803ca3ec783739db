using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// With nobody listening to the SDK's spans, a call goes straight to the dialect: the caller gets the dialect's own task
/// or stream, with no task or state machine of the decorator's. Run apart from the tests that listen.
/// </summary>
[Collection(nameof(UntracedCalls))]
public sealed class UntracedCallTests
{
    [Theory]
    [MemberData(nameof(Operations.Names), MemberType = typeof(Operations))]
    public void WithNoListenerTheCallerGetsTheDialectsOwnTaskOrStream(string operation)
    {
        Assert.False(UserGroupClientTelemetry.ActivitySource.HasListeners(), "another test left a listener on the SDK's spans");
        var dialect = new FakeUserGroupService();
        var called = Operations.Named(operation);

        var returned = called.Invoke(new InstrumentedUserGroupService(dialect), CancellationToken.None);

        Assert.Same(dialect.Returned, returned);
    }
}

/// <summary>The tests that need nobody listening to the SDK's spans: run after, and not alongside, the others.</summary>
[CollectionDefinition(nameof(UntracedCalls), DisableParallelization = true)]
public sealed class UntracedCalls;
