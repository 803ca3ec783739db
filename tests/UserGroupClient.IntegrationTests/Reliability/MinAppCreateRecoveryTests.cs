using UserGroupClient.MinApp;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>
/// MinApp accepts duplicate names, so a group with the name proves nothing about a create whose answer was lost:
/// recovery takes a group only when it is the one new group with that name since the create began.
/// </summary>
public sealed class MinAppCreateRecoveryTests
{
    private const string GroupsPath = "/oserve/v1/user-group/";

    [Fact]
    public async Task ALostCreateReturnsTheNewGroupNeverOneThatHadTheNameBefore()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var existing = minapp.AddUserGroup("ops");
        using var client = Connect(minapp);
        minapp.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "POST", pathPrefix: GroupsPath));

        var created = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        Assert.NotEqual(existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), created.Id);
        Assert.Equal(2, minapp.GetUserGroups().Count(g => g.Name == "ops"));
        Assert.Single(minapp.Journal.Entries, e => e.Method == "POST" && e.Path == GroupsPath);
    }

    [Fact]
    public async Task ACreateThatNeverReachedTheServerIsSentAgain()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        minapp.AddUserGroup("ops");
        using var client = Connect(minapp);
        minapp.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ConnectionReset, method: "POST", pathPrefix: GroupsPath));

        var created = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal(2, minapp.GetUserGroups().Count(g => g.Name == "ops"));
        Assert.Contains(minapp.GetUserGroups(), g => g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == created.Id);
        Assert.Equal(2, minapp.Journal.Entries.Count(e => e.Method == "POST" && e.Path == GroupsPath));
    }

    [Fact]
    public async Task ALostCreateAdoptsNoneWhenAnotherGroupOfTheNameAppearedMeanwhileAndSaysSo()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var options = Options(minapp);
        using var client = new MinAppClient(options, Meanwhile.Client(
            r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == GroupsPath,
            () => minapp.AddUserGroup("ops")));
        minapp.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "POST", pathPrefix: GroupsPath));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        Assert.Contains("cannot tell which of them, if any, it created", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.Equal(2, minapp.GetUserGroups().Count(g => g.Name == "ops"));
        Assert.Single(minapp.Journal.Entries, e => e.Method == "POST" && e.Path == GroupsPath);
    }

    [Fact]
    public async Task WithRetriesOffACreateLooksNothingUpAndALostAnswerIsTheCallersToHandle()
    {
        await using var minapp = await MinAppEmulator.StartAsync();
        var options = Options(minapp);
        options.Resilience.Enabled = false;
        using var client = new MinAppClient(options);
        minapp.Faults.Enqueue(EmulatedFault.Create(EmulatedFaultKind.ResponseLost, method: "POST", pathPrefix: GroupsPath));

        await Assert.ThrowsAsync<UserGroupApiException>(() => client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops")));

        Assert.DoesNotContain(minapp.Journal.Entries, e => e.Method == "GET" && e.Path == GroupsPath);
    }

    private static MinAppClient Connect(MinAppEmulator minapp) => new(Options(minapp));

    private static MinAppClientOptions Options(MinAppEmulator minapp)
    {
        var options = new MinAppClientOptions
        {
            BaseAddress = minapp.BaseAddress,
            Credentials = MinAppCredentials.AccessToken(minapp.IssueAccessToken()),
        };
        FastRetries.ApplyWithPatientAttempts(options);
        return options;
    }
}
