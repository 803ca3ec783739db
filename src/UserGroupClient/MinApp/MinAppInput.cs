using System.Globalization;
using UserGroupClient.Http;

namespace UserGroupClient.MinApp;

/// <summary>Client-side checks that turn input the server would reject into a clear error before anything is sent.</summary>
internal static class MinAppInput
{
    /// <summary>Parses a string id (as <see cref="IUserGroupService"/> takes them): MinApp ids are positive integers.</summary>
    /// <exception cref="ArgumentException">The id is blank, would change the path, or is not a positive integer.</exception>
    public static long Id(string? id, string parameterName)
    {
        var checkedId = ApiUri.Id(id, parameterName);
        return long.TryParse(checkedId, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"A MinApp id is a positive integer; '{checkedId}' is not.", parameterName);
    }

    /// <summary>Checks a numeric id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not positive.</exception>
    public static long Id(long id, string parameterName) =>
        id > 0 ? id : throw new ArgumentOutOfRangeException(parameterName, id, "A MinApp id is a positive integer.");

    /// <summary>Parses string ids, dropping duplicates.</summary>
    /// <exception cref="ArgumentException">An id is not a positive integer.</exception>
    public static List<long> Ids(IEnumerable<string> ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        return ids.Select(id => Id(id, parameterName)).Distinct().ToList();
    }

    /// <summary>Checks numeric ids, dropping duplicates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public static List<long> Ids(IEnumerable<long> ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        return ids.Select(id => Id(id, parameterName)).Distinct().ToList();
    }

    /// <summary>Checks a group or supergroup name: the server refuses an empty one; control characters are refused here.</summary>
    /// <exception cref="ArgumentException">The name is blank or holds control characters.</exception>
    public static string Name(string? name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A MinApp group name must not be empty or whitespace.", parameterName);
        }

        return name.Any(char.IsControl)
            ? throw new ArgumentException("A MinApp group name must not contain control characters (such as CR, LF or NUL).", parameterName)
            : name;
    }

    /// <summary>
    /// The <c>limit</c> to send: the default when none is asked for, lowered to the server's maximum, as the server
    /// lowers a larger one itself (docs/wire/minapp.md §2), so the page is the same.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The page size is less than 1 (the server reads 0 as "the maximum").</exception>
    public static int Limit(int? requested, int defaultPageSize, string parameterName) => requested switch
    {
        < 1 => throw new ArgumentOutOfRangeException(parameterName, requested, "The page size must be at least 1 (MinApp reads 0 as 'the maximum')."),
        _ => Math.Min(requested ?? defaultPageSize, MinAppClientOptions.MaxPageSize),
    };

    /// <summary>The <c>offset</c> to send.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative.</exception>
    public static int? Offset(int? offset, string parameterName) =>
        offset is < 0 ? throw new ArgumentOutOfRangeException(parameterName, offset, "The offset must not be negative.") : offset;

    /// <summary>The comma-separated id list of an <c>__in</c> filter.</summary>
    public static string Join(IEnumerable<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
}
