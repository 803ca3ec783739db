using System.CommandLine;
using UserGroupClient.Cli.Backends;

namespace UserGroupClient.Cli.Commands;

/// <summary>A group named on the command line: by its name, looked up on the backend (one request on most dialects).</summary>
internal static class GroupArgument
{
    public static Argument<string> Create() => new("GROUP") { Description = "The group's name." };

    /// <exception cref="UgcException">The backend has no group of this name.</exception>
    public static async Task<UserGroup> FindAsync(IUserGroupService groups, UserGroupBackend backend, string name, CancellationToken cancellationToken) =>
        await groups.FindGroupByNameAsync(name, cancellationToken)
        ?? throw new UgcException($"Backend '{backend.Name}' has no group named '{name}'.");
}
