namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>The options every contract test's client starts from, whatever its dialect.</summary>
internal static class ContractClientOptions
{
    /// <summary>
    /// Points <paramref name="options"/> at <paramref name="server"/> with retries off, then lets the test change them.
    /// Retries stay off unless a test turns them on (<see cref="ContractResilience"/>): with them on, a facade create
    /// first looks the name up, and a failed request is sent again.
    /// </summary>
    public static TOptions For<TOptions>(ContractServer server, TOptions options, Action<TOptions>? configure)
        where TOptions : UserGroupClientOptions
    {
        options.BaseAddress = server.BaseAddress;
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        return options;
    }
}
