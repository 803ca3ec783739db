using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What the typed user calls refuse before anything is sent (docs/wire/owl.md §7): a missing user or change, a user
/// without username or phone, a blank new username or phone, control characters in any text field, and group id 0,
/// which Owl would insert as a new group.
/// </summary>
public sealed class OwlUserInputTests
{
    public static TheoryData<string> TextFields => ["username", "phone", "mail", "weixin"];

    [Fact]
    public async Task CreatingNoUserIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentNullException>(handler, () => owl.Client.Users.CreateAsync(null!), "user");
    }

    [Theory]
    [InlineData("", "1")]
    [InlineData("dave", " ")]
    public async Task CreatingAUserWithoutUsernameOrPhoneIsRefused(string username, string phone)
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.Users.CreateAsync(new OwlUser { Username = username, Phone = phone }), "user", "Owl requires a username and a phone number.");
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task CreatingAUserWithAControlCharacterInAnyTextFieldIsRefused(string field)
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);
        var user = new OwlUser { Username = "dave", Phone = "1" };
        user = field switch
        {
            "username" => user with { Username = "dave\r\nX: y" },
            "phone" => user with { Phone = "1\n" },
            "mail" => user with { Mail = "d@x\0" },
            _ => user with { Weixin = "wx\t" },
        };

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.Users.CreateAsync(user), "user", "The value contains a control character");
    }

    [Fact]
    public async Task CreatingAUserInGroupZeroIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentOutOfRangeException>(handler, () => owl.Client.Users.CreateAsync(new OwlUser { Username = "dave", Phone = "1", Groups = [new OwlGroupReference { Id = 2 }, new OwlGroupReference { Id = 0 }] }), "user");
    }

    [Fact]
    public async Task UpdatingWithNoChangesIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentNullException>(handler, () => owl.Client.Users.UpdateAsync(7, null!), "changes");
    }

    [Fact]
    public async Task ABlankNewUsernameIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { Username = " " }), "changes", "An Owl username must not be empty or whitespace.");
    }

    [Fact]
    public async Task ABlankNewPhoneIsRefused()
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { Phone = "" }), "changes", "Owl requires a phone number; it must not be empty or whitespace.");
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task AControlCharacterInAnyChangedTextFieldIsRefused(string field)
    {
        var handler = RefusedBeforeSending.Transport();
        using var owl = new OwlStub(handler);
        var changes = field switch
        {
            "username" => new OwlUserUpdate { Username = "dave\r\nX: y" },
            "phone" => new OwlUserUpdate { Phone = "1\n" },
            "mail" => new OwlUserUpdate { Mail = "d@x\0" },
            _ => new OwlUserUpdate { Weixin = "wx\t" },
        };

        await RefusedBeforeSending.AssertAsync<ArgumentException>(handler, () => owl.Client.Users.UpdateAsync(7, changes), "changes", "The value contains a control character");
    }
}
