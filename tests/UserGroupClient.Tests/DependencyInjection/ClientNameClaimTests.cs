using Microsoft.Extensions.DependencyInjection;

namespace UserGroupClient.Tests.DependencyInjection;

/// <summary>
/// Each user-group client of a service collection holds its name (and an Owl client its host-group key) alone: a later
/// registration under a held key is refused naming both clients, and registers nothing.
/// </summary>
public sealed class ClientNameClaimTests
{
    [Fact]
    public void ASecondClientUnderTheSameNameIsRefusedNamingBoth()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("ops", _ => { });
        var before = services.Count;

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddKylinClient("ops", _ => { }));

        Assert.Equal(
            "Cannot register the Kylin user-group client 'ops': 'ops' is already the name of the JumpServer client 'ops'. Give each user-group client a name of its own.",
            refused.Message);
        Assert.Equal(before, services.Count);
    }

    [Fact]
    public void ANameThatIsAnOwlClientsHostGroupKeyIsTaken()
    {
        var services = new ServiceCollection();
        services.AddOwlClient("owl", _ => { });

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddMinAppClient("owl:host-groups", _ => { }));

        Assert.Equal(
            "Cannot register the MinApp user-group client 'owl:host-groups': 'owl:host-groups' is already the host-group key of the Owl client 'owl'. Give each user-group client a name of its own.",
            refused.Message);
    }

    [Fact]
    public void AnOwlClientWhoseHostGroupKeyIsTakenIsRefusedAndTakesNoName()
    {
        var services = new ServiceCollection();
        services.AddJumpServerClient("owl:host-groups", _ => { });

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddOwlClient("owl", _ => { }));

        Assert.Equal(
            "Cannot register the Owl user-group client 'owl': its host-group key 'owl:host-groups' is already the name of the JumpServer client 'owl:host-groups'. Give each user-group client a name of its own.",
            refused.Message);
        services.AddKylinClient("owl", _ => { });
    }

    [Fact]
    public void WhenTheNameAndTheHostGroupKeyAreBothTakenTheNameIsReported()
    {
        var services = new ServiceCollection();
        services.AddKylinClient("owl:host-groups", _ => { });
        services.AddMinAppClient("owl", _ => { });

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddOwlClient("owl", _ => { }));

        Assert.StartsWith("Cannot register the Owl user-group client 'owl': 'owl' is already the name of the MinApp client 'owl'.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameIsHeldWhateverTheCollectionHeldBefore()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKeyedSingleton("ops", new object());
        services.AddJumpServerClient("ops", _ => { });

        Assert.Throws<InvalidOperationException>(() => services.AddKylinClient("ops", _ => { }));
    }

    [Fact]
    public void DifferentNamesLiveSideBySide()
    {
        var services = new ServiceCollection();

        services.AddJumpServerClient("a", _ => { });
        services.AddKylinClient("b", _ => { });
        services.AddMinAppClient("c", _ => { });
        services.AddOwlClient("d", _ => { });

        Assert.Throws<InvalidOperationException>(() => services.AddOwlClient("a", _ => { }));
        Assert.Throws<InvalidOperationException>(() => services.AddOwlClient("d", _ => { }));
    }

    [Fact]
    public void NamesAreHeldPerServiceCollectionAndCaseSensitively()
    {
        var first = new ServiceCollection();
        var second = new ServiceCollection();
        first.AddJumpServerClient("ops", _ => { });

        second.AddJumpServerClient("ops", _ => { });
        first.AddJumpServerClient("OPS", _ => { });
    }
}
