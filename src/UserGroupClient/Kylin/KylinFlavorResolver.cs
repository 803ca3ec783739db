namespace UserGroupClient.Kylin;

/// <summary>
/// The flavor the unified service speaks, and its API: the configured one at once, or, for <see cref="KylinFlavor.Auto"/>,
/// the detected one (<see cref="KylinFlavorDetector"/>, once per client). Its <see cref="Capabilities"/> are the
/// flavor's own, and before detection what every flavor shares.
/// </summary>
internal sealed class KylinFlavorResolver
{
    private static readonly Dictionary<KylinFlavor, UserGroupCapabilities> AllCapabilities =
        Enum.GetValues<KylinFlavor>().ToDictionary(flavor => flavor, KylinFlavors.Capabilities);

    private readonly KylinFlavor _configured;
    private readonly KylinFlavorDetector _detector;
    private readonly Dictionary<KylinWireShape, IKylinServiceWire> _wires;

    public KylinFlavorResolver(KylinFlavor configured, KylinFlavorDetector detector, params IKylinServiceWire[] wires)
    {
        _configured = configured;
        _detector = detector;
        _wires = wires.ToDictionary(wire => wire.Shape);
    }

    /// <summary>The API of the flavor, when it is known without a request: configured, or detected already.</summary>
    public KylinWireShape? KnownShape =>
        _configured != KylinFlavor.Auto ? KylinFlavors.Shape(_configured)
        : _detector.Detected is { } detected ? KylinFlavors.Shape(detected)
        : null;

    /// <summary>What the service can do on the flavor it speaks, or, before an <see cref="KylinFlavor.Auto"/> client has detected it, on every flavor.</summary>
    public UserGroupCapabilities Capabilities =>
        AllCapabilities[_configured != KylinFlavor.Auto ? _configured : _detector.Detected ?? KylinFlavor.Auto];

    /// <summary>The flavor and its API, detecting it first when it is not configured.</summary>
    /// <exception cref="UserGroupUnsupportedServerException">Detection found a server the SDK does not support.</exception>
    public async ValueTask<KylinServer> ResolveAsync(CancellationToken cancellationToken)
    {
        var flavor = _configured != KylinFlavor.Auto
            ? _configured
            : (await _detector.DetectAsync(cancellationToken).ConfigureAwait(false)).Flavor;
        return new KylinServer(flavor, _wires[KylinFlavors.Shape(flavor)]);
    }
}

