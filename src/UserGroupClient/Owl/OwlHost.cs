namespace UserGroupClient.Owl;

/// <summary>An Owl host (docs/wire/owl.md §6.2). Its id is a string (<c>char(32)</c>), and so is its status.</summary>
public sealed class OwlHost
{
    /// <summary>The host's id, e.g. <c>03381a1a3ea35d5a</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The display name; often empty.</summary>
    public string? Name { get; init; }

    /// <summary>The IP address.</summary>
    public string? Ip { get; init; }

    /// <summary>The serial number.</summary>
    public string? Sn { get; init; }

    /// <summary>The host name.</summary>
    public string? Hostname { get; init; }

    /// <summary>The agent's version.</summary>
    public string? AgentVersion { get; init; }

    /// <summary>The status: <c>"0"</c> failed, <c>"1"</c> normal, <c>"2"</c> disabled, <c>"3"</c> new.</summary>
    public string? Status { get; init; }

    /// <summary>The host groups, where the answer carries them (paged <c>/api/v1/hosts</c>).</summary>
    public IReadOnlyList<OwlGroupReference>? Groups { get; init; }
}
