using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.ContractTests.Faults;

/// <summary>
/// A dialect's emulator as the fault contracts use it, for the faults WireMock.Net cannot make (a reset connection, an
/// answer lost after the server acted): its fault injection and journal, a client with retries on, and its groups.
/// </summary>
public sealed class EmulatedServer<TClient> : IAsyncDisposable
    where TClient : IDisposable
{
    /// <summary>The emulator itself, disposed with this.</summary>
    public required IAsyncDisposable Emulator { get; init; }

    public required FaultInjector Faults { get; init; }

    public required RequestJournal Journal { get; init; }

    /// <summary>A client of the emulator with <see cref="Infrastructure.ContractResilience.RetriesOn"/>, disposed with this.</summary>
    public required TClient Client { get; init; }

    /// <summary>Adds a group named so and gives its id.</summary>
    public required Func<string, string> AddGroup { get; init; }

    /// <summary>The groups the emulator holds now: id and name.</summary>
    public required Func<IReadOnlyList<(string Id, string Name)>> Groups { get; init; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
