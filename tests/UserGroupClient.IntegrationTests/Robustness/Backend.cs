using System.Globalization;
using System.Text.RegularExpressions;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.MinApp;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// One emulator and one <see cref="IUserGroupService"/> over it, seeded with a group and two members, with the shape of
/// the requests the dialect may send: the routes of its API and the query parameters it uses.
/// </summary>
internal sealed partial class Backend : IAsyncDisposable
{
    /// <summary>Every dialect and both Owl facades.</summary>
    public static readonly string[] Names = ["JumpServer", "MinApp", "Kylin", "OwlHostGroups", "OwlUserGroups"];

    private readonly IDisposable _client;
    private readonly IAsyncDisposable _emulator;

    private Backend(string name, IUserGroupService service, IDisposable client, IAsyncDisposable emulator, RequestJournal journal, string groupId, IReadOnlyList<string> memberIds, Regex routes, IReadOnlySet<string> queryNames)
    {
        Name = name;
        Service = service;
        _client = client;
        _emulator = emulator;
        Journal = journal;
        GroupId = groupId;
        MemberIds = memberIds;
        Routes = routes;
        QueryNames = queryNames;
    }

    public string Name { get; }

    public IUserGroupService Service { get; }

    public RequestJournal Journal { get; }

    /// <summary>The id of a seeded group.</summary>
    public string GroupId { get; }

    /// <summary>Ids of two seeded members (users, or hosts for Owl host groups).</summary>
    public IReadOnlyList<string> MemberIds { get; }

    /// <summary>Every raw request path the dialect may send; a path segment is one or more characters other than <c>/</c>.</summary>
    public Regex Routes { get; }

    /// <summary>The query parameter names the dialect sends.</summary>
    public IReadOnlySet<string> QueryNames { get; }

    public static async Task<Backend> StartAsync(string name, Action<UserGroupClientOptions>? configure = null) => name switch
    {
        "JumpServer" => await JumpServerAsync(configure),
        "MinApp" => await MinAppAsync(configure),
        "Kylin" => await KylinAsync(configure),
        "OwlHostGroups" => await OwlAsync(name, hostGroups: true, configure),
        "OwlUserGroups" => await OwlAsync(name, hostGroups: false, configure),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown backend."),
    };

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static async Task<Backend> JumpServerAsync(Action<UserGroupClientOptions>? configure)
    {
        var emulator = await JumpServerEmulator.StartAsync();
        var users = new[] { emulator.AddUser("alice", "Alice").Id, emulator.AddUser("bob", "Bob").Id };
        var group = emulator.AddGroup("seeded", userIds: [users[0]]);
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var options = new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) };
        configure?.Invoke(options);
        var client = new JumpServerClient(options);
        return new Backend(
            "JumpServer", client.AsUserGroupService(), client, emulator, emulator.Journal, group.Id, users,
            JumpServerRoutes(),
            new HashSet<string>(["limit", "offset", "search", "name", "order", "spm", "usergroup", "user", "group_id"], StringComparer.Ordinal));
    }

    private static async Task<Backend> MinAppAsync(Action<UserGroupClientOptions>? configure)
    {
        var emulator = await MinAppEmulator.StartAsync();
        var users = new[] { emulator.AddUser("Alice").UserId, emulator.AddUser("Bob").UserId };
        var group = emulator.AddUserGroup("seeded");
        emulator.AddGroupMember(group.Id, users[0]);
        var options = new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) };
        configure?.Invoke(options);
        var client = new MinAppClient(options);
        return new Backend(
            "MinApp", client.AsUserGroupService(), client, emulator, emulator.Journal, Text(group.Id), users.Select(Text).ToList(),
            MinAppRoutes(),
            new HashSet<string>(["limit", "offset", "name", "name__contains", "name__icontains", "parent", "id__in", "group_id", "group_id__in", "where", "user_id__in", "return_total_count"], StringComparer.Ordinal));
    }

    private static async Task<Backend> KylinAsync(Action<UserGroupClientOptions>? configure)
    {
        var emulator = await KylinEmulator.StartAsync();
        emulator.AddUser("alice", "alice-password");
        emulator.AddUser("bob", "bob-password");
        emulator.AddGroup("seeded", ["alice"]);
        var options = new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword), Project = "learn_kylin" };
        configure?.Invoke(options);
        var client = new KylinClient(options);
        return new Backend(
            "Kylin", client.AsUserGroupService(), client, emulator, emulator.Journal, "seeded", ["alice", "bob"],
            KylinRoutes(),
            new HashSet<string>(["project", "pageOffset", "pageSize", "name", "isCaseSensitive"], StringComparer.Ordinal));
    }

    private static async Task<Backend> OwlAsync(string name, bool hostGroups, Action<UserGroupClientOptions>? configure)
    {
        var emulator = await OwlEmulator.StartAsync();
        var hosts = new[] { emulator.AddHost("web-1", "10.0.0.1").Id, emulator.AddHost("web-2", "10.0.0.2").Id };
        var users = new[] { emulator.AddUser("alice").Id, emulator.AddUser("bob").Id };
        var groupId = hostGroups ? emulator.AddHostGroup("seeded", [hosts[0]]).Id : emulator.AddUserGroup("seeded", [users[0]]).Id;
        var options = new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) };
        configure?.Invoke(options);
        var client = new OwlClient(options);
        return new Backend(
            name, hostGroups ? client.AsHostGroupService() : client.AsUserGroupService(), client, emulator, emulator.Journal,
            Text(groupId), hostGroups ? hosts : users.Select(id => Text(id)).ToList(),
            OwlRoutes(),
            new HashSet<string>(["q", "page", "pageSize", "order", "desc", "all", "group_id", "user_group_id", "status"], StringComparer.Ordinal));
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^/api/v1/(users/groups/([^/]+/(add-all-users/)?)?|users/users-groups-relations/|users/users/|common/resources/cache/|authentication/auth/)$")]
    private static partial Regex JumpServerRoutes();

    [GeneratedRegex("^/(oserve/v1/(user-group/([^/]+/)?|user-supergroup/([^/]+/)?|miniapp/group/membership/|miniapp/user-profile/)|api/oauth2/(hydrogen/openapi/authorize/|access_token/)|api/oauth2/hydrogen/openapi/authorize/[^/]+/|oauth/[^/]+/?)$")]
    private static partial Regex MinAppRoutes();

    // admin/version: the flavor probe a client with KylinFlavor.Auto (the default) sends before its first facade call.
    [GeneratedRegex("^/kylin/api/(user_group/(groups|usersWithGroup|groupMembers/[^/]+|[^/]+)|user_group/users/[^/]+|admin/version)$")]
    private static partial Regex KylinRoutes();

    [GeneratedRegex("^/api/v1/(login|refresh_token|groups(/[^/]+(/hosts)?)?|hosts(/[^/]+)?|usergroups(/[^/]+(/users)?)?|users(/[^/]+(/usergroups)?)?)$")]
    private static partial Regex OwlRoutes();
}
