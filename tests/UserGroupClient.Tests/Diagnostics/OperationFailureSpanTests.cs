using System.Diagnostics;
using UserGroupClient.Diagnostics;

namespace UserGroupClient.Tests.Diagnostics;

/// <summary>
/// A failed operation: its caller gets the dialect's exception itself, and its span is marked as an error naming only
/// the exception's type, never its message, which can quote what the server answered.
/// </summary>
public sealed class OperationFailureSpanTests
{
    private const string Secret = "token=s3cr3t";

    [Theory]
    [MemberData(nameof(Operations.Names), MemberType = typeof(Operations))]
    public async Task AFailedOperationRethrowsTheDialectsExceptionAndMarksItsSpanWithTheErrorType(string operation)
    {
        using var spans = new OperationSpans();
        var failure = new UserGroupNotFoundException("No such group.");
        var dialect = new FakeUserGroupService { Failure = failure };

        var thrown = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => Operations.Named(operation).RunAsync(new InstrumentedUserGroupService(dialect)));

        Assert.Same(failure, thrown);
        var span = Assert.Single(spans.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("UserGroupNotFoundException", span.StatusDescription);
        Assert.Equal("UserGroupClient.UserGroupNotFoundException", span.GetTagItem("error.type"));
    }

    [Theory]
    [MemberData(nameof(Operations.Names), MemberType = typeof(Operations))]
    public async Task TheExceptionsMessageStaysOutOfTheSpan(string operation)
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService { Failure = new UserGroupApiException($"Refused: {Secret}", new InvalidOperationException(Secret)) };

        await Assert.ThrowsAsync<UserGroupApiException>(() => Operations.Named(operation).RunAsync(new InstrumentedUserGroupService(dialect)));

        var span = Assert.Single(spans.Stopped);
        Assert.Equal("UserGroupApiException", span.StatusDescription);
        Assert.DoesNotContain(Texts(span), text => text.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations.Names), MemberType = typeof(Operations))]
    public void AnArgumentTheDialectRefusesIsThrownByTheCallItselfAsWithNobodyListening(string operation)
    {
        using var spans = new OperationSpans();
        var refusal = new ArgumentException("The group id must not contain '/'.");
        var dialect = new FakeUserGroupService { UsageError = refusal };

        var thrown = Assert.Throws<ArgumentException>(() => Operations.Named(operation).Invoke(new InstrumentedUserGroupService(dialect), CancellationToken.None));

        Assert.Same(refusal, thrown);
        Assert.Same(spans.Caller, Activity.Current);
    }

    [Theory]
    [MemberData(nameof(Operations.Answered), MemberType = typeof(Operations))]
    public void ARefusedArgumentEndsTheOperationsSpanAsAnError(string operation)
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService { UsageError = new ArgumentException(Secret) };

        Assert.Throws<ArgumentException>(() => Operations.Named(operation).Invoke(new InstrumentedUserGroupService(dialect), CancellationToken.None));

        var span = Assert.Single(spans.Stopped);
        Assert.Same(span, Assert.Single(dialect.Calls).Span);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.ArgumentException", span.GetTagItem("error.type"));
        Assert.DoesNotContain(Texts(span), text => text.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStreamThatFailsMidwayHandsOverTheItemsBeforeAndThenMarksItsSpan()
    {
        using var spans = new OperationSpans();
        var dialect = new FakeUserGroupService { Failure = new TimeoutException(Secret), ItemsBeforeFailure = 2 };
        var read = new List<UserGroup>();

        var thrown = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var group in new InstrumentedUserGroupService(dialect).ListGroupsAsync())
            {
                read.Add(group);
            }
        });

        Assert.Same(dialect.Failure, thrown);
        Assert.Equal(dialect.Groups.Take(2), read);
        var span = Assert.Single(spans.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("TimeoutException", span.StatusDescription);
        Assert.Equal("System.TimeoutException", span.GetTagItem("error.type"));
        Assert.Equal(1, dialect.StreamsReleased);
    }

    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.OperationName, span.DisplayName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}").Append(e.Name)));
}
