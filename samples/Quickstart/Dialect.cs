namespace Quickstart;

/// <summary>A dialect the Quickstart knows: its name, its options, and how to build its target.</summary>
/// <param name="Name">The dialect's name as <c>--dialect</c> takes it.</param>
/// <param name="UrlOption">The option (and, upper-cased with <c>UGC_</c>, the variable) that selects a real server.</param>
/// <param name="Usage">The help text of its options.</param>
/// <param name="CreateAsync">Builds the target: a real server when its URL is set, else the embedded emulator.</param>
internal sealed record Dialect(
    string Name,
    string UrlOption,
    string Usage,
    Func<QuickstartSettings, CancellationToken, Task<TourTarget>> CreateAsync);
