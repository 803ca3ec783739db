namespace UserGroupClient.Testing.JumpServer;

/// <summary>The options as read at start, with the version's defaults filled in.</summary>
internal sealed record JumpServerSettings(
    JumpServerEmulatorVersion Version,
    TimeProvider TimeProvider,
    TimeSpan TokenLifetime,
    TimeSpan SpmLifetime,
    int MaxPageSize,
    TimeSpan? SignatureDateWindow)
{
    /// <summary>Unpaged lists are cut to this many rows from v4.10.8 (<c>DEFAULT_PAGE_SIZE</c>).</summary>
    public const int UnpagedRowLimit = 200;

    public bool IsV2 => Version == JumpServerEmulatorVersion.V2_28;

    public bool IsV4 => Version == JumpServerEmulatorVersion.V4_10;

    public static JumpServerSettings From(JumpServerEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TokenLifetime, TimeSpan.Zero, nameof(options.TokenLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SpmLifetime, TimeSpan.Zero, nameof(options.SpmLifetime));
        if (options.SignatureDateWindow is { } window)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero, nameof(options.SignatureDateWindow));
        }

        if (options.MaxPageSize is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(options.MaxPageSize));
        }

        if (!Enum.IsDefined(options.Version))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Version, "Unknown JumpServer version.");
        }

        var cap = options.MaxPageSize ?? options.Version switch
        {
            JumpServerEmulatorVersion.V2_28 => 100,
            JumpServerEmulatorVersion.V3_10 => 10000,
            _ => 1000,
        };
        return new JumpServerSettings(options.Version, options.TimeProvider, options.TokenLifetime, options.SpmLifetime, cap, options.SignatureDateWindow);
    }
}
