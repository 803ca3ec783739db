using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>What a caller sees in IntelliSense: which Kylin servers are supported, and what the Kylin facade does differently.</summary>
public sealed class KylinPublicDocsTests
{
    [Theory]
    [InlineData("T:UserGroupClient.Kylin.KylinClient")]
    [InlineData("T:UserGroupClient.Kylin.KylinClientOptions")]
    public void TheClientAndItsOptionsNameTheSupportedServerVersions(string member)
    {
        var doc = DocOf(member);

        Assert.Contains("Supported servers: KAP / Kyligence Enterprise 3.x, Apache Kylin 3.x and 4.x, Kylin 5, and Kyligence Enterprise 4.x", doc, StringComparison.Ordinal);
        Assert.Contains("v4-public open API", doc, StringComparison.Ordinal);
        Assert.Contains("UserGroupUnsupportedServerException", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("not supported yet", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFacadeSaysHowKylinComparesNamesWhatEachOperationCostsAndWhereItCanLoseOrHalfDoAChange()
    {
        var doc = DocOf("M:UserGroupClient.Kylin.KylinClient.AsUserGroupService");

        Assert.Contains("A group's id is its name", doc, StringComparison.Ordinal);
        Assert.Contains("compared case-sensitively (ordinal) on KAP 3.x and", doc, StringComparison.Ordinal);
        Assert.Contains("On Kylin 5 and Kyligence Enterprise 4.x they are unique ignoring case", doc, StringComparison.Ordinal);
        Assert.Contains("add and remove members cost the group check, every member page and one replace", doc, StringComparison.Ordinal);
        Assert.Contains("between the read and the replace is lost", doc, StringComparison.Ordinal);
        Assert.Contains("The replace is not transactional on KAP and Apache Kylin", doc, StringComparison.Ordinal);
        Assert.Contains("refuse, whole, any member change that adds or removes the system administrator", doc, StringComparison.Ordinal);
        Assert.Contains("changing the members of ALL_USERS are refused", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMemberReplaceSaysWhatAnUnknownUsernameLeavesBehind()
    {
        var doc = DocOf("M:UserGroupClient.Kylin.IKylinUserGroupsApi.SetGroupUsersAsync(System.String,System.Collections.Generic.IEnumerable{System.String},System.Threading.CancellationToken)");

        Assert.Contains("not transactional", doc, StringComparison.Ordinal);
        Assert.Contains("the users listed before it have been added, none after it, and nobody has been removed", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDocClaimsThatAllUsersKeepsEveryUser()
    {
        var claims = PublicDocs.Members.Where(m => PublicDocs.Text(m).Contains("always keeps every user", StringComparison.OrdinalIgnoreCase));

        Assert.Empty(claims.Select(m => (string?)m.Attribute("name")));
    }

    private static string DocOf(string member) => PublicDocs.Text(PublicDocs.Members.Single(m => (string?)m.Attribute("name") == member));
}
