namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>
/// KAP deletes built-in groups without a guard and never puts a user back into <c>ALL_USERS</c>, so the SDK refuses
/// those requests itself, before anything is sent, with the exception the server's own guard maps to.
/// </summary>
public sealed class KylinBuiltInGroupTests
{
    public static TheoryData<string> BuiltInNames => new() { "ALL_USERS", "all_users", "ROLE_ADMIN", "Role_Admin", "ROLE_ANALYST", "role_modeler" };

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public async Task TheFacadeRefusesToDeleteABuiltInGroupBeforeSendingAnything(string name)
    {
        await using var server = await KylinTestServer.StartAsync();

        var refused = await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.DeleteGroupAsync(name));

        AssertRefusal(refused, name);
        Assert.Empty(server.Emulator.Journal.Entries);
        Assert.Equal(["ADMIN"], server.Emulator.GetGroupMembers("ROLE_ADMIN"));
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public async Task TheTypedApiRefusesToDeleteABuiltInGroupBeforeSendingAnything(string name)
    {
        await using var server = await KylinTestServer.StartAsync();

        var refused = await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Client.UserGroups.DeleteGroupAsync(name));

        AssertRefusal(refused, name);
        Assert.Empty(server.Emulator.Journal.Entries);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], server.Emulator.GetGroups());
    }

    [Fact]
    public async Task ABatchDeleteWithABuiltInGroupDeletesNoneOfTheGroups()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.AddGroup("ops", ["alice"]);

        var refused = await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.DeleteGroupsAsync(["ops", "ROLE_ADMIN"]));

        AssertRefusal(refused, "ROLE_ADMIN");
        Assert.Empty(server.Emulator.Journal.Entries);
        Assert.Contains("ops", server.Emulator.GetGroups());
        Assert.Equal(["alice"], server.Emulator.GetGroupMembers("ops"));
    }

    [Fact]
    public async Task MemberChangesOfAllUsersAreRefusedBeforeAnythingIsSent()
    {
        await using var server = await KylinTestServer.StartAsync();
        var service = server.Service;
        var everyone = server.Emulator.GetGroupMembers("ALL_USERS");

        AssertRefusal(await Assert.ThrowsAsync<UserGroupValidationException>(() => service.RemoveMembersAsync("ALL_USERS", ["alice"])), "ALL_USERS");
        AssertRefusal(await Assert.ThrowsAsync<UserGroupValidationException>(() => service.AddMembersAsync("ALL_USERS", ["alice"])), "ALL_USERS");
        AssertRefusal(await Assert.ThrowsAsync<UserGroupValidationException>(() => service.SetMembersAsync("ALL_USERS", ["alice"])), "ALL_USERS");
        AssertRefusal(await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Client.UserGroups.SetGroupUsersAsync("ALL_USERS", everyone)), "ALL_USERS");

        Assert.Empty(server.Emulator.Journal.Entries);
        Assert.Equal(everyone, server.Emulator.GetGroupMembers("ALL_USERS"));
    }

    [Fact]
    public async Task AGroupSpelledLikeAllUsersInAnotherCaseIsAnOrdinaryGroupForMembers()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.AddGroup("all_users");

        await server.Service.SetMembersAsync("all_users", ["alice"]);

        Assert.Equal(["alice"], server.Emulator.GetGroupMembers("all_users"));
    }

    private static void AssertRefusal(UserGroupValidationException refused, string name)
    {
        Assert.Equal("Kylin", refused.Dialect);
        Assert.Null(refused.StatusCode);
        Assert.Contains($"'{name}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("built-in", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["groupName"], refused.FieldErrors.Keys);
    }
}
