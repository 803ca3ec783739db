namespace UserGroupClient.JumpServer;

/// <summary>The answer of <c>POST /api/v1/common/resources/cache/</c>.</summary>
internal sealed class JumpServerResourceCacheResult
{
    public string? Spm { get; init; }
}
