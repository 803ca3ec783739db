using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UserGroupClient.Testing.Owl;

/// <summary>The emulated database. Every access holds <see cref="Sync"/>.</summary>
internal sealed class OwlState(OwlEmulatorOptions options)
{
    public const string FkError = "Error 1452: Cannot add or update a child row: a foreign key constraint fails";
    public const string TooLongError = "Error 1406: Data too long for column 'name' at row 1";

    private int _nextUserId = 1;
    private int _nextUserGroupId = 1;
    private int _nextHostGroupId = 1;

    public object Sync { get; } = new();

    public OwlEmulatorOptions Options { get; } = options;

    public OwlJwt Jwt { get; } = new(options.TimeProvider);

    /// <summary>Users in creation order; lists show the newest first (<c>create_at desc</c>).</summary>
    public List<OwlUserRow> Users { get; } = [];

    public List<OwlUserGroupRow> UserGroups { get; } = [];

    public List<OwlHostGroupRow> HostGroups { get; } = [];

    public List<OwlHostRow> Hosts { get; } = [];

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>Owl stores <c>utils.Md5(strings.TrimSpace(password))</c> as lower-case hex.</summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "The emulator reproduces Owl v4's password storage, which is MD5.")]
    public static string Md5(string text) =>
        string.Concat(MD5.HashData(Encoding.UTF8.GetBytes(text.Trim())).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>Names compare the way MySQL's <c>utf8_unicode_ci</c> does, close enough: ignoring case.</summary>
    public static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public OwlUserRow AddUser(string username, string passwordMd5, int role, int status, string phone, string mail, string weixin)
    {
        var user = new OwlUserRow { Id = _nextUserId++, Username = username, PasswordMd5 = passwordMd5, Role = role, Status = status, Phone = phone, Mail = mail, Weixin = weixin };
        Users.Add(user);
        return user;
    }

    public OwlUserGroupRow AddUserGroup(string name, IEnumerable<int> userIds)
    {
        var group = new OwlUserGroupRow { Id = _nextUserGroupId++, Name = name, UserIds = userIds.Where(id => FindUser(id) is not null).Distinct().ToList() };
        UserGroups.Add(group);
        return group;
    }

    public OwlHostGroupRow AddHostGroup(string name, IEnumerable<string> hostIds)
    {
        var group = new OwlHostGroupRow { Id = _nextHostGroupId++, Name = name, HostIds = hostIds.Where(id => FindHost(id) is not null).Distinct(StringComparer.Ordinal).ToList() };
        HostGroups.Add(group);
        return group;
    }

    public OwlUserRow? FindUser(int id) => Users.Find(u => u.Id == id);

    public OwlUserRow? FindUser(string username) => Users.Find(u => SameName(u.Username, username));

    public OwlUserGroupRow? FindUserGroup(int id) => UserGroups.Find(g => g.Id == id);

    public OwlHostGroupRow? FindHostGroup(int id) => HostGroups.Find(g => g.Id == id);

    public OwlHostRow? FindHost(string id) => Hosts.Find(h => h.Id == id);

    public IEnumerable<OwlUserGroupRow> GroupsOf(OwlUserRow user) => UserGroups.Where(g => g.UserIds.Contains(user.Id));

    public IEnumerable<OwlHostGroupRow> GroupsOf(OwlHostRow host) => HostGroups.Where(g => g.HostIds.Contains(host.Id));

    /// <summary>Replaces a user's user groups as <c>Association("Groups").Replace</c> does; returns whether every id existed.</summary>
    public bool ReplaceUserGroups(OwlUserRow user, IReadOnlyList<int> groupIds)
    {
        foreach (var group in UserGroups)
        {
            group.UserIds.Remove(user.Id);
        }

        var complete = true;
        foreach (var id in groupIds.Distinct())
        {
            if (FindUserGroup(id) is { } group)
            {
                group.UserIds.Add(user.Id);
            }
            else
            {
                complete = false;
            }
        }

        return complete;
    }

    public OwlEmulatedUser ToRecord(OwlUserRow user) =>
        new(user.Id, user.Username, user.Role, user.Status, user.Phone, user.Mail, user.Weixin, GroupsOf(user).Select(g => g.Id).ToArray());

    public static OwlEmulatedUserGroup ToRecord(OwlUserGroupRow group) => new(group.Id, group.Name, group.UserIds.ToArray());

    public static OwlEmulatedHostGroup ToRecord(OwlHostGroupRow group) => new(group.Id, group.Name, group.HostIds.ToArray());

    public static OwlEmulatedHost ToRecord(OwlHostRow host) => new(host.Id, host.Name, host.Ip, host.Hostname, host.Status);
}
