namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>The four ways a JumpServer client authenticates; integration tests run under each.</summary>
public enum JumpServerAuthentication
{
    AccessKey,
    Bearer,
    PrivateToken,
    Password,
}
