using System.Globalization;
using UserGroupClient.IntegrationTests.JumpServer;
using UserGroupClient.JumpServer;
using UserGroupClient.Kylin;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>
/// With resilience on, a create of a name that is taken on a dialect with unique names is a conflict: the existing
/// group is never taken for the new one, and its members and comment stay exactly as they were. That holds whether the
/// name was taken before the call or by another client a moment before the create reached the server (which then
/// answers with its own refusal: Kylin's is an HTTP 500).
/// </summary>
public sealed class DuplicateNameCreateTests
{
    public static TheoryData<string> UniqueNameDialects => ["JumpServer", "Kylin", "Owl host groups", "Owl user groups"];

    [Theory]
    [MemberData(nameof(UniqueNameDialects))]
    public async Task CreatingATakenNameThrowsConflictAndLeavesTheExistingGroupAsItWas(string dialect)
    {
        await using var backend = await Backend.StartAsync(dialect, takeTheNameMeanwhile: false);
        var before = backend.DescribeTakenName();

        await Assert.ThrowsAsync<UserGroupConflictException>(() => backend.Service.CreateGroupAsync(backend.SecondCreate()));

        Assert.Equal(before, backend.DescribeTakenName());
        Assert.DoesNotContain(backend.Journal.Entries, e => backend.IsMembershipWrite(e));
    }

    [Theory]
    [MemberData(nameof(UniqueNameDialects))]
    public async Task ACreateThatMeetsTheNameTakenMeanwhileThrowsTheServersConflictAndAdoptsNothing(string dialect)
    {
        await using var backend = await Backend.StartAsync(dialect, takeTheNameMeanwhile: true);
        await Assert.ThrowsAsync<UserGroupConflictException>(() => backend.Service.CreateGroupAsync(backend.SecondCreate()));

        Assert.Equal(backend.Seeded, backend.DescribeTakenName());
        Assert.Single(backend.Journal.Entries, e => backend.IsCreate(e));
        Assert.DoesNotContain(backend.Journal.Entries, e => backend.IsMembershipWrite(e));
    }

    [Fact]
    public async Task AKylinPermissionErrorOnCreateIsNeitherRetriedNorRecovered()
    {
        await using var kylin = await KylinEmulator.StartAsync();
        kylin.GrantProjectAdministration("learn_kylin", KylinEmulator.AnalystUsername);
        var options = new KylinClientOptions
        {
            BaseAddress = kylin.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AnalystUsername, "ANALYST"),
            Project = "learn_kylin",
        };
        FastRetries.ApplyWithPatientAttempts(options);
        using var client = new KylinClient(options);

        // Kylin refuses a non-administrator's create with HTTP 500 "Access is denied".
        await Assert.ThrowsAsync<UserGroupPermissionException>(() => client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Single(kylin.Journal.Entries, e => e.Method == "POST");
        Assert.DoesNotContain("ops", kylin.GetGroups());
    }

    [Fact]
    public async Task AJumpServerPermissionErrorOnCreateIsNeitherRetriedNorRecovered()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddUser("auditor", "Auditor");
        var key = jms.AddAccessKey("auditor");
        var options = new JumpServerClientOptions { BaseAddress = jms.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) };
        FastRetries.ApplyWithPatientAttempts(options);
        using var client = new JumpServerClient(options);

        await Assert.ThrowsAsync<UserGroupPermissionException>(() => client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Single(jms.Journal.Entries, e => e.StatusCode == 403);
        Assert.Empty(jms.GetGroups());
    }

    /// <summary>One dialect's emulator with the name <c>ops</c> taken (at once, or just before the create arrives).</summary>
    private sealed class Backend : IAsyncDisposable
    {
        public const string Name = "ops";

        private readonly IAsyncDisposable _emulator;
        private readonly IDisposable _client;

        private Backend(IAsyncDisposable emulator, IDisposable client)
        {
            _emulator = emulator;
            _client = client;
        }

        public required IUserGroupService Service { get; init; }

        public required RequestJournal Journal { get; init; }

        /// <summary>The taken name's group as the server holds it: id, members (and comment), for comparison.</summary>
        public required Func<string> DescribeTakenName { get; init; }

        /// <summary>What <see cref="DescribeTakenName"/> gave right after the name was taken.</summary>
        public string Seeded { get; private set; } = "";

        public required string OtherMember { get; init; }

        public required Func<RecordedRequest, bool> IsCreate { get; init; }

        public required Func<RecordedRequest, bool> IsMembershipWrite { get; init; }

        public bool SupportsComment => Service.Capabilities.SupportsComment;

        public static async Task<Backend> StartAsync(string dialect, bool takeTheNameMeanwhile) => dialect switch
        {
            "JumpServer" => await JumpServerAsync(takeTheNameMeanwhile),
            "Kylin" => await KylinAsync(takeTheNameMeanwhile),
            _ => await OwlAsync(hostGroups: dialect == "Owl host groups", takeTheNameMeanwhile),
        };

        public NewUserGroup SecondCreate() => new(Name) { MemberIds = [OtherMember], Comment = SupportsComment ? "another team" : null };

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _emulator.DisposeAsync();
        }

        private static async Task<Backend> JumpServerAsync(bool meanwhile)
        {
            var jms = await JumpServerEmulator.StartAsync();
            var alice = jms.AddUser("alice", "Alice").Id;
            var bob = jms.AddUser("bob", "Bob").Id;
            var options = new JumpServerClientOptions { BaseAddress = jms.BaseAddress, Credentials = JumpServerTestServer.Credentials(jms, JumpServerAuthentication.AccessKey) };
            FastRetries.ApplyWithPatientAttempts(options);
            var backend = default(Backend);
            void Take()
            {
                jms.AddGroup(Name, comment: "on call", userIds: [alice]);
                backend!.Seeded = backend.DescribeTakenName();
            }

            var client = meanwhile
                ? new JumpServerClient(options, Meanwhile.Client(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == "/api/v1/users/groups/", Take))
                : new JumpServerClient(options);
            backend = new Backend(jms, client)
            {
                Service = client.AsUserGroupService(),
                Journal = jms.Journal,
                OtherMember = bob,
                DescribeTakenName = () => string.Join(" / ", jms.GetGroups().Where(g => g.Name == Name).Select(g => $"{g.Id} '{g.Comment}' [{string.Join(',', g.UserIds)}]")),
                IsCreate = e => e.Method == "POST" && e.Path == "/api/v1/users/groups/",
                IsMembershipWrite = e => e.Method is "PATCH" or "PUT" || e.Path.StartsWith("/api/v1/users/users-groups-relations/", StringComparison.Ordinal),
            };
            if (!meanwhile)
            {
                Take();
            }

            return backend;
        }

        private static async Task<Backend> KylinAsync(bool meanwhile)
        {
            var kylin = await KylinEmulator.StartAsync();
            kylin.AddUser("alice", "alice-password");
            kylin.AddUser("bob", "bob-password");
            var options = new KylinClientOptions
            {
                BaseAddress = kylin.BaseAddress,
                Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
                Project = "learn_kylin",
            };
            FastRetries.ApplyWithPatientAttempts(options);
            var backend = default(Backend);
            void Take()
            {
                kylin.AddGroup(Name, ["alice"]);
                backend!.Seeded = backend.DescribeTakenName();
            }

            var client = meanwhile
                ? new KylinClient(options, Meanwhile.Client(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == "/kylin/api/user_group/" + Name, Take))
                : new KylinClient(options);
            backend = new Backend(kylin, client)
            {
                Service = client.AsUserGroupService(),
                Journal = kylin.Journal,
                OtherMember = "bob",
                DescribeTakenName = () => kylin.GetGroups().Contains(Name) ? $"[{string.Join(',', kylin.GetGroupMembers(Name))}]" : "",
                IsCreate = e => e.Method == "POST" && e.Path == "/kylin/api/user_group/" + Name,
                IsMembershipWrite = e => e.Path.StartsWith("/kylin/api/user_group/users/", StringComparison.Ordinal),
            };
            if (!meanwhile)
            {
                Take();
            }

            return backend;
        }

        private static async Task<Backend> OwlAsync(bool hostGroups, bool meanwhile)
        {
            var owl = await OwlEmulator.StartAsync();
            var members = hostGroups
                ? [owl.AddHost("web-1", "10.0.0.1").Id, owl.AddHost("web-2", "10.0.0.2").Id]
                : new[] { owl.AddUser("alice").Id, owl.AddUser("bob").Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray();
            var options = new OwlClientOptions { BaseAddress = owl.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) };
            FastRetries.ApplyWithPatientAttempts(options);
            var collection = hostGroups ? "/api/v1/groups" : "/api/v1/usergroups";
            var backend = default(Backend);
            void Take()
            {
                if (hostGroups)
                {
                    owl.AddHostGroup(Name, [members[0]]);
                }
                else
                {
                    owl.AddUserGroup(Name, [int.Parse(members[0], CultureInfo.InvariantCulture)]);
                }

                backend!.Seeded = backend.DescribeTakenName();
            }

            var client = meanwhile
                ? new OwlClient(options, Meanwhile.Client(r => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath == collection, Take))
                : new OwlClient(options);
            backend = new Backend(owl, client)
            {
                Service = hostGroups ? client.AsHostGroupService() : client.AsUserGroupService(),
                Journal = owl.Journal,
                OtherMember = members[1],
                DescribeTakenName = () => hostGroups
                    ? string.Join(" / ", owl.GetHostGroups().Where(g => g.Name == Name).Select(g => $"{g.Id} [{string.Join(',', g.HostIds)}]"))
                    : string.Join(" / ", owl.GetUserGroups().Where(g => g.Name == Name).Select(g => $"{g.Id} [{string.Join(',', g.UserIds)}]")),
                IsCreate = e => e.Method == "PUT" && e.Path == collection,
                IsMembershipWrite = e => e.Method == "POST" && e.Path == collection,
            };
            if (!meanwhile)
            {
                Take();
            }

            return backend;
        }
    }
}
