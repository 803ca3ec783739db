namespace UserGroupClient.Testing.Hosting;

/// <summary>
/// How <see cref="FaultInjector.EnableRandom(RandomFaultSettings)"/> picks faults: each eligible request is faulted with
/// <see cref="Probability"/>, the kind drawn evenly from <see cref="Kinds"/>, all from one generator seeded with
/// <see cref="Seed"/>. Requests sent one after another therefore get the same faults on every run.
/// </summary>
public sealed class RandomFaultSettings
{
    /// <summary>The kinds every transient failure is drawn from by default: all but <see cref="EmulatedFaultKind.Response"/>.</summary>
    public static IReadOnlyList<EmulatedFaultKind> TransientKinds { get; } =
    [
        EmulatedFaultKind.RateLimited,
        EmulatedFaultKind.InternalServerError,
        EmulatedFaultKind.BadGateway,
        EmulatedFaultKind.ServiceUnavailable,
        EmulatedFaultKind.HtmlErrorPage,
        EmulatedFaultKind.ConnectionReset,
        EmulatedFaultKind.Stall,
        EmulatedFaultKind.TruncatedBody,
        EmulatedFaultKind.IncompleteBody,
        EmulatedFaultKind.ResponseLost,
    ];

    /// <summary>The seed of the generator that decides which requests fail and how.</summary>
    public required int Seed { get; init; }

    /// <summary>The chance, 0 to 1, that an eligible request is faulted. Default 0.2.</summary>
    public double Probability { get; init; } = 0.2;

    /// <summary>The kinds to draw from, evenly; list a kind twice to weight it. Default <see cref="TransientKinds"/>.</summary>
    public IReadOnlyList<EmulatedFaultKind> Kinds { get; init; } = TransientKinds;

    /// <summary>Only requests with this HTTP method (compared case-insensitively) are eligible; <see langword="null"/> (the default) admits every method.</summary>
    public string? Method { get; init; }

    /// <summary>Only requests whose raw path starts with this text (compared ordinally) are eligible; <see langword="null"/> (the default) admits every path.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Requests whose raw path starts with one of these (compared ordinally) are never faulted, for example login or token endpoints.</summary>
    public IReadOnlyList<string> ExemptPathPrefixes { get; init; } = [];

    /// <summary>The longest <c>Retry-After</c> of a drawn <see cref="EmulatedFaultKind.RateLimited"/>; whole seconds from 0 to this are drawn. Default 1 second.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a drawn <see cref="EmulatedFaultKind.Stall"/> holds a request unless the client gives up first. Default 30 seconds.</summary>
    public TimeSpan StallDuration { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (double.IsNaN(Probability) || Probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "The probability must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(Kinds, nameof(Kinds));
        ArgumentNullException.ThrowIfNull(ExemptPathPrefixes, nameof(ExemptPathPrefixes));
        if (Kinds.Count == 0)
        {
            throw new ArgumentException("At least one fault kind is needed.", nameof(Kinds));
        }

        if (Kinds.Any(kind => kind == EmulatedFaultKind.Response || !Enum.IsDefined(kind)))
        {
            throw new ArgumentException("Random faults are drawn from the defined kinds other than Response, which needs a status of its own.", nameof(Kinds));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StallDuration, TimeSpan.Zero, nameof(StallDuration));
    }

    internal bool Admits(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal))
        && !ExemptPathPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));
}
