namespace UserGroupClient.Benchmarks.Raw;

/// <summary>What a hand-written client would declare for a JumpServer group: the same fields the SDK reads.</summary>
public sealed class RawGroup
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Comment { get; set; }

    public List<RawUserReference>? Users { get; set; }

    public int? UsersAmount { get; set; }

    public string? OrgId { get; set; }

    public string? OrgName { get; set; }

    public string? CreatedBy { get; set; }

    public string? DateCreated { get; set; }
}

/// <summary>A member in a group detail.</summary>
public sealed class RawUserReference
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public bool? IsServiceAccount { get; set; }
}

/// <summary>A JumpServer page.</summary>
public sealed class RawPage
{
    public int Count { get; set; }

    public string? Next { get; set; }

    public string? Previous { get; set; }

    public List<RawGroup> Results { get; set; } = [];
}
