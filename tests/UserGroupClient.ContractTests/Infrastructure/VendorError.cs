using System.Net;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>Asserts the exception a vendor's error example must raise: its exact type, the HTTP status, the vendor's code and message.</summary>
public static class VendorError
{
    /// <summary>Runs <paramref name="call"/> and asserts it raises exactly <typeparamref name="T"/> carrying these facts.</summary>
    public static async Task<T> AssertRaisedAsync<T>(Func<Task> call, HttpStatusCode? status, string? errorCode, string? serverMessage)
        where T : UserGroupApiException
    {
        var error = await Assert.ThrowsAsync<T>(call);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(serverMessage, error.ServerMessage);
        return error;
    }
}
