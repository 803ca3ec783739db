using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Conventions;

/// <summary>
/// A client made by the mocking constructor (a test double of the caller's) says what to do when a member it did not
/// override is used.
/// </summary>
public sealed class MockedClientTests
{
    [Fact]
    public void AMemberNotOverriddenSaysToOverrideIt()
    {
        using var client = new FakeJumpServer();

        var error = Assert.Throws<InvalidOperationException>(() => client.CreateApi<IDisposable>());

        Assert.Equal("This FakeJumpServer was created by the mocking constructor; override the member you use.", error.Message);
    }

    private sealed class FakeJumpServer : JumpServerClient;
}
