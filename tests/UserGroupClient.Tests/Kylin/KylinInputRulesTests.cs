using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// What Kylin's input checks refuse before anything is sent: a group name the flavor's routing would cut or misread,
/// a new group name Kylin 5 and Kyligence Enterprise 4.x would refuse, blank usernames, and pages out of range.
/// </summary>
public sealed class KylinInputRulesTests
{
    [Theory]
    [InlineData(nameof(KylinWireShape.KapV2))]
    [InlineData(nameof(KylinWireShape.Apache))]
    [InlineData(nameof(KylinWireShape.OpenV4))]
    public void ANameWithoutADotIsAddressedAsGivenOnEveryFlavor(string flavor)
    {
        var shape = Enum.Parse<KylinWireShape>(flavor);

        Assert.Equal("ops team", KylinInput.GroupName("ops team", "groupName", shape));
        Assert.Equal("ops%20team%3A1", KylinInput.GroupSegment("ops team:1", "groupName", shape));
    }

    [Fact]
    public void KapIsToldWhichNameItWouldActOnInstead()
    {
        var error = Assert.Throws<ArgumentException>(() => KylinInput.GroupSegment("g1.h.x", "groupName"));

        Assert.Equal("groupName", error.ParamName);
        Assert.StartsWith("Kylin cannot address the group name 'g1.h.x': the server cuts a path name at its last '.' (it would act on 'g1.h'). Choose a name without '.'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApacheKylinIsToldItWouldReadTheDotAsAFileExtension()
    {
        var error = Assert.Throws<ArgumentException>(() => KylinInput.GroupName("g1.xml", "groupName", KylinWireShape.Apache));

        Assert.Equal("groupName", error.ParamName);
        Assert.StartsWith("Kylin cannot address the group name 'g1.xml' through Apache Kylin's API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOpenApiAddressesANameWithADot()
    {
        Assert.Equal("g1.h", KylinInput.GroupName("g1.h", "groupName", KylinWireShape.OpenV4));
        Assert.Equal("g1.h", KylinInput.GroupSegment("g1.h", "groupName", KylinWireShape.OpenV4));
    }

    [Theory]
    [InlineData(nameof(KylinWireShape.KapV2))]
    [InlineData(nameof(KylinWireShape.OpenV4))]
    public void ANameIsCheckedByThePathRulesOnEveryFlavor(string flavor) =>
        Assert.Equal("groupName", Assert.Throws<ArgumentException>(() => KylinInput.GroupName("a/b", "groupName", Enum.Parse<KylinWireShape>(flavor))).ParamName);

    [Theory]
    [InlineData("ops")]
    [InlineData("a.b")]
    [InlineData("ops team")]
    [InlineData("ÿ-latin1")]
    [InlineData("a'b&c")]
    public void ANewOpenGroupNameTheServerAcceptsIsKept(string name) => Assert.Same(name, KylinInput.NewOpenGroupName(name, "groupName"));

    [Theory]
    [InlineData(".hidden", "it starts with '.'")]
    [InlineData(" ops", "it starts or ends with a space")]
    [InlineData("ops ", "it starts or ends with a space")]
    [InlineData("运维", "'运' is not a Latin-1 character")]
    [InlineData("opsĀ", "'Ā' is not a Latin-1 character")]
    [InlineData("a:b", "it contains ':'")]
    [InlineData("a*b", "it contains '*'")]
    [InlineData("a?b", "it contains '?'")]
    [InlineData("a\"b", "it contains '\"'")]
    [InlineData("a<b", "it contains '<'")]
    [InlineData("a>b", "it contains '>'")]
    [InlineData("a|b", "it contains '|'")]
    public void ANewOpenGroupNameTheServerWouldRefuseIsRefusedWithTheReason(string name, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => KylinInput.NewOpenGroupName(name, "groupName"));

        Assert.Equal("groupName", error.ParamName);
        Assert.StartsWith($"Kylin 5 and Kyligence Enterprise 4.x refuse the group name '{name}': {problem}. A name may not start with '.'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    public void ANewOpenGroupNameIsCheckedByThePathRulesFirst(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => KylinInput.NewOpenGroupName(name, "groupName"));

        Assert.Equal("groupName", error.ParamName);
        Assert.DoesNotContain("Kylin 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsernamesGoOnceEachCaseSensitivelyInTheOrderGiven() =>
        Assert.Equal(["bob", "ADMIN", "admin"], KylinInput.Usernames(["bob", "ADMIN", "bob", "admin", "ADMIN"], "usernames"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ABlankUsernameIsRefused(string username)
    {
        var error = Assert.Throws<ArgumentException>(() => KylinInput.Usernames(["bob", username], "usernames"));

        Assert.Equal("usernames", error.ParamName);
        Assert.StartsWith("A Kylin username must not be empty or whitespace.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUsernameWithAControlCharacterIsRefused() =>
        Assert.Equal("usernames", Assert.Throws<ArgumentException>(() => KylinInput.Usernames(["bob\r\n"], "usernames")).ParamName);

    [Fact]
    public void AMissingUsernameListIsRefused() =>
        Assert.Equal("usernames", Assert.Throws<ArgumentNullException>(() => KylinInput.Usernames(null!, "usernames")).ParamName);

    [Fact]
    public void TheFirstPageOfOneItemIsAValidPage()
    {
        KylinInput.Page(0, 1);

        Assert.Equal("pageOffset", Assert.Throws<ArgumentOutOfRangeException>(() => KylinInput.Page(-1, 1)).ParamName);
        Assert.Equal("pageSize", Assert.Throws<ArgumentOutOfRangeException>(() => KylinInput.Page(0, 0)).ParamName);
    }
}
