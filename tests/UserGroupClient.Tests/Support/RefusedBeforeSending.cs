namespace UserGroupClient.Tests.Support;

/// <summary>What a call refused before sending shows: the argument error, its parameter and message, and no request.</summary>
internal static class RefusedBeforeSending
{
    /// <summary>A transport that fails any request it is given: a refusal has to come before one is sent.</summary>
    public static StubHandler Transport() => new(_ => throw new InvalidOperationException("nothing may be sent"));

    /// <summary>Asserts that <paramref name="call"/> throws <typeparamref name="TException"/> naming <paramref name="parameter"/> and that <paramref name="transport"/> saw no request.</summary>
    public static Task AssertAsync<TException>(StubHandler transport, Func<Task> call, string parameter, string? messageStart = null)
        where TException : ArgumentException =>
        AssertAsync<TException>(() => transport.Requests, call, parameter, messageStart);

    /// <summary>As above, with the requests that count read by <paramref name="sent"/> once the call has failed (an API's, not a login's).</summary>
    public static async Task AssertAsync<TException>(Func<IEnumerable<RecordedRequest>> sent, Func<Task> call, string parameter, string? messageStart = null)
        where TException : ArgumentException
    {
        var error = await Assert.ThrowsAsync<TException>(call);

        Assert.Equal(parameter, error.ParamName);
        if (messageStart is not null)
        {
            Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(sent());
    }
}
