using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// What each typed API says when it refuses to delete a built-in group or change the members of <c>ALL_USERS</c>
/// (docs/wire/kylin.md §4.1, §11.3, §12.4): what the flavor's server would do and what would be lost, as a field error
/// on the group name, with nothing sent.
/// </summary>
public sealed class KylinBuiltInGroupRefusalTests
{
    private const string Kap = "KAP / Kyligence Enterprise 3.x deletes it without a guard, first stripping it from every user";
    private const string Restarted = "the server re-creates it empty at its next start, and deleting it first strips it from every user (the server guards only ALL_USERS and ROLE_ADMIN itself)";

    public static TheoryData<KylinFlavor, string, string> Deletes => new()
    {
        { KylinFlavor.Kap3, "ALL_USERS", $"{Kap}, and every user is in it, and the server never puts a user it strips from it back" },
        { KylinFlavor.Kap3, "ROLE_MODELER", $"{Kap}, and every modeler would lose that role" },
        { KylinFlavor.Apache4, "role_admin", $"{Restarted}, and it carries the administrators' rights, so every administrator would lose them" },
        { KylinFlavor.Kylin5, "Role_Analyst", $"{Restarted}, and every analyst would lose that role" },
    };

    [Theory]
    [MemberData(nameof(Deletes))]
    public async Task DeletingABuiltInGroupIsRefusedWithWhatTheServerWouldDoAndWhatWouldBeLost(KylinFlavor flavor, string group, string why)
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = new KylinStub(stub, o => o.Flavor = flavor);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => flavor switch
        {
            KylinFlavor.Kap3 => kylin.Client.UserGroups.DeleteGroupAsync(group),
            KylinFlavor.Apache4 => kylin.Client.ApacheUserGroups.DeleteGroupAsync(group),
            _ => kylin.Client.OpenUserGroups.DeleteGroupAsync(group),
        });

        Assert.Equal($"Kylin: the SDK refuses to delete '{group}', a built-in group: {why}. Nothing was sent.", error.Message);
        AssertFieldErrorOn(group, error);
        Assert.Empty(stub.Requests);
    }

    public static TheoryData<KylinFlavor, string, string> MemberChanges => new()
    {
        { KylinFlavor.Kap3, "ALL_USERS", "KAP / Kyligence Enterprise 3.x never puts a user it removes from it back, so the removal would stick" },
        { KylinFlavor.Apache4, "ALL_USERS", "Apache Kylin puts every user back into it on every save, so a removal would silently not happen" },
        { KylinFlavor.Kylin5, "all_users", "Kylin 5 and Kyligence Enterprise 4.x refuse to take anyone out of it" },
    };

    [Theory]
    [MemberData(nameof(MemberChanges))]
    public async Task ChangingTheMembersOfAllUsersIsRefusedWithWhatTheServerWouldDo(KylinFlavor flavor, string group, string why)
    {
        var stub = new StubHandler(_ => KylinStub.Ok("\"\""));
        using var kylin = new KylinStub(stub, o => o.Flavor = flavor);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => flavor switch
        {
            KylinFlavor.Kap3 => kylin.Client.UserGroups.SetGroupUsersAsync(group, ["ADMIN"]),
            KylinFlavor.Apache4 => kylin.Client.ApacheUserGroups.SetGroupUsersAsync(group, ["ADMIN"]),
            _ => kylin.Client.OpenUserGroups.SetGroupUsersAsync(group, ["ADMIN"]),
        });

        Assert.Equal($"Kylin: the SDK refuses to change the members of '{group}', the built-in group of every user: {why}. Nothing was sent.", error.Message);
        AssertFieldErrorOn(group, error);
        Assert.Empty(stub.Requests);
    }

    private static void AssertFieldErrorOn(string group, UserGroupValidationException error)
    {
        Assert.Equal("Kylin", error.Dialect);
        var field = Assert.Single(error.FieldErrors);
        Assert.Equal("groupName", field.Key);
        Assert.Equal([$"'{group}' is a built-in group."], field.Value);
    }
}
