using Microsoft.Extensions.Hosting;

namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// Replaces the default console lifetime, which would hook Ctrl+C and SIGTERM of the test process and stall its
/// shutdown until the emulator is disposed; the emulator's owner decides when it stops.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
