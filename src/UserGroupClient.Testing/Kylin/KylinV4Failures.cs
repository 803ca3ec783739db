using Microsoft.AspNetCore.Http;

namespace UserGroupClient.Testing.Kylin;

/// <summary>The errors Kylin 5's and KE 4's user-group code raises (docs/wire/kylin.md §12.3), by case.</summary>
internal static class KylinV4Failures
{
    private const int Failed = StatusCodes.Status500InternalServerError;

    public static KylinV4Error AccessDenied { get; } = new(StatusCodes.Status400BadRequest, "KE-010024001", "The user doesn't have access.");

    public static KylinV4Error BuiltInGroup { get; } = new(Failed, "KE-010004003", "Failed to delete user group, user groups of ALL_USERS and ROLE_ADMIN cannot be deleted.");

    public static KylinV4Error SuperAdmin { get; } = new(Failed, "KE-010024002", "You cannot add,modify or remove the system administrator’s rights");

    public static KylinV4Error Self { get; } = new(Failed, "KE-010003006", "The object is invalid. Please check and try again.");

    public static KylinV4Error AllUsersRemoval { get; } = new(Failed, "KE-010024002", "Can not remove user from ALL USERS group.");

    public static KylinV4Error Duplicate(string names) => new(Failed, "KE-010004004", $"The user group \"{names}\" already exists. Please check and try again.");

    public static KylinV4Error NotFound(string? name) => new(Failed, "KE-010004001", NotExistText(name));

    /// <summary><c>PUT users</c> names an unknown group: the same text under the invalid-parameter code.</summary>
    public static KylinV4Error UnknownGroupToUpdate(string name) => new(Failed, "KE-010000003", NotExistText(name));

    public static KylinV4Error UnknownUuid(string uuid) => new(Failed, "KE-010004001", $"Can’t operate user group (UUID: {uuid}). Please check and try again.");

    public static KylinV4Error UnknownUser(string username) =>
        KylinV4Error.Java("org.springframework.security.core.userdetails.UsernameNotFoundException", $"User '{username}' not found.");

    public static KylinV4Error EmptyName(KylinEmulatorFlavor flavor) => flavor == KylinEmulatorFlavor.Kylin5
        ? new(Failed, "KE-010043201", "Request parameter \"group_name\" is empty or value is empty. Please check the request parameters.", NewStyle: true)
        : new(Failed, "KE-010004002", "User group name should not be empty.");

    public static KylinV4Error InvalidName(string text) => new(Failed, "KE-010004003", text);

    public static KylinV4Error InvalidParameter(string text) => new(StatusCodes.Status400BadRequest, "KE-010000003", text);

    /// <summary>What a Java exception from paging becomes: an illegal argument is a bad request, anything else unknown.</summary>
    public static KylinV4Error Paging(JavaFailure failure) =>
        failure.IsIllegalArgument ? InvalidParameter(failure.Message) : KylinV4Error.Java(failure.ExceptionType, failure.Message);

    private static string NotExistText(string? name) => $"Invalid values in parameter “group_name“. The value {name} doesn’t exist.";
}
