namespace UserGroupClient.Testing.Owl;

/// <summary>A row of the <c>user</c> table.</summary>
internal sealed class OwlUserRow
{
    public int Id { get; init; }

    public string Username { get; set; } = "";

    public string PasswordMd5 { get; set; } = "";

    public int Role { get; set; }

    public string Phone { get; set; } = "";

    public string Mail { get; set; } = "";

    public string Weixin { get; set; } = "";

    public int Status { get; set; }
}

/// <summary>A row of the <c>user_group</c> table and its <c>user_user_group</c> rows.</summary>
internal sealed class OwlUserGroupRow
{
    public int Id { get; init; }

    public string Name { get; set; } = "";

    public List<int> UserIds { get; set; } = [];
}

/// <summary>A row of the <c>group</c> table and its <c>host_group</c> rows.</summary>
internal sealed class OwlHostGroupRow
{
    public int Id { get; init; }

    public string Name { get; set; } = "";

    public List<string> HostIds { get; set; } = [];
}

/// <summary>A row of the <c>host</c> table.</summary>
internal sealed class OwlHostRow
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Ip { get; init; } = "";

    public string Sn { get; init; } = "";

    public string Hostname { get; init; } = "";

    public string AgentVersion { get; init; } = "";

    public string Status { get; init; } = "3";
}
