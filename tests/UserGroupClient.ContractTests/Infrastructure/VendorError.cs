using System.Net;

namespace UserGroupClient.ContractTests.Infrastructure;

/// <summary>Asserts the exception a vendor's error answer must raise: its exact type, the dialect, the HTTP status, the vendor's code and message.</summary>
public static class VendorError
{
    /// <summary>Runs <paramref name="call"/> and asserts it raises exactly <typeparamref name="T"/> (not a subtype) carrying these facts.</summary>
    public static async Task<T> AssertRaisedAsync<T>(Func<Task> call, string dialect, HttpStatusCode? status, string? errorCode, string? serverMessage)
        where T : UserGroupApiException
    {
        var error = await Assert.ThrowsAsync<T>(call);
        Assert.Equal(dialect, error.Dialect);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(serverMessage, error.ServerMessage);
        return error;
    }
}
