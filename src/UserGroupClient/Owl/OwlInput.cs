using System.Globalization;
using UserGroupClient.Http;

namespace UserGroupClient.Owl;

/// <summary>Client-side checks that turn input Owl would reject, or silently misread, into a clear error before anything is sent.</summary>
internal static class OwlInput
{
    /// <summary>The longest name Owl's <c>varchar(255)</c> columns store.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The longest host id (<c>char(32)</c>).</summary>
    public const int MaxHostIdLength = 32;

    /// <summary>Checks a group name. Owl itself accepts an empty name; a blank group name is refused here as a mistake.</summary>
    /// <exception cref="ArgumentException">The name is blank, longer than 255 characters, or holds control characters.</exception>
    public static string Name(string? name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An Owl group name must not be empty or whitespace.", parameterName);
        }

        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"An Owl name has at most {MaxNameLength} characters; this one has {name.Length}.", parameterName);
        }

        return ApiUri.RejectControlCharacters(name, parameterName);
    }

    /// <summary>Checks a numeric id (users, user groups, host groups): Owl reads 0 as "create a new row".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not positive.</exception>
    public static int Id(int id, string parameterName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1, parameterName);
        return id;
    }

    /// <summary>Parses a numeric id given as a string (the unified API's ids).</summary>
    /// <exception cref="ArgumentException">The text is not a positive decimal integer.</exception>
    public static int ParseId(string? id, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"An Owl id is a positive integer; '{id}' is not.", parameterName);
    }

    /// <summary>Parses numeric member ids, dropping duplicates and keeping the order.</summary>
    /// <exception cref="ArgumentException">An id is not a positive decimal integer.</exception>
    public static List<int> ParseIds(IEnumerable<string> ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        return ids.Select(id => ParseId(id, parameterName)).Distinct().ToList();
    }

    /// <summary>Checks numeric ids, dropping duplicates and keeping the order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public static List<int> Ids(IEnumerable<int> ids, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(ids, parameterName);
        return ids.Select(id => Id(id, parameterName)).Distinct().ToList();
    }

    /// <summary>Checks host ids: an empty id would make Owl insert a new host row.</summary>
    /// <exception cref="ArgumentException">An id is blank, longer than 32 characters, or holds a slash or control character.</exception>
    public static List<string> HostIds(IEnumerable<string> hostIds, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(hostIds, parameterName);
        var ids = new List<string>();
        foreach (var id in hostIds)
        {
            ApiUri.Id(id, parameterName);
            if (id.Length > MaxHostIdLength)
            {
                throw new ArgumentException($"An Owl host id has at most {MaxHostIdLength} characters; '{id}' has {id.Length}.", parameterName);
            }

            ids.Add(id);
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks a search or filter value that travels in the query string.</summary>
    public static string? Text(string? value, string parameterName) =>
        value is null ? null : ApiUri.RejectControlCharacters(value, parameterName);

    /// <summary>
    /// Checks a <c>group_id</c> filter: a group's id, or 0 (every user on <c>/users</c>, hosts in no group on
    /// <c>/hosts</c>). Owl reads a negative one as the id of a group that cannot exist and answers an empty list.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is negative.</exception>
    public static int? GroupFilter(int? groupId, string parameterName)
    {
        if (groupId is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, parameterName);
        }

        return groupId;
    }

    /// <summary>
    /// Checks a user <c>status</c> filter: Owl's <c>/users</c> reads -1 as "every status" (its default), so it cannot
    /// ask for users whose status is -1; leaving the filter out lists every status.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The status is -1.</exception>
    public static int? UserStatus(int? status, string parameterName) =>
        status == -1
            ? throw new ArgumentOutOfRangeException(parameterName, -1, "Owl reads status -1 as 'every status', not as users whose status is -1; leave Status null to list every status.")
            : status;

    /// <summary>Checks a page number (0 = all pages at once, where the endpoint allows it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is negative.</exception>
    public static int? Page(int? page, string parameterName)
    {
        if (page is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, parameterName);
        }

        return page;
    }

    /// <summary>Checks the filters and page of a host listing (all hosts, or a group's), in the order they are sent.</summary>
    /// <exception cref="ArgumentException">A filter holds a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page is negative or the page size less than 1.</exception>
    public static OwlHostQuery HostQuery(OwlHostListOptions options, string parameterName) =>
        new(Text(options.Status, parameterName), Text(options.Search, parameterName), Page(options.Page, parameterName), PageSize(options.PageSize, parameterName));

    /// <summary>
    /// Checks the filters and page of a group's host listing (<c>/groups/{id}/hosts</c>), where the page starts at 1:
    /// Owl computes the offset <c>(page - 1) * pageSize</c> without the <c>page=0</c> branch of <c>/hosts</c>, and its
    /// ORM drops the negative offset, so page 0 would answer page 1 instead of every host.
    /// </summary>
    /// <exception cref="ArgumentException">A filter holds a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page is less than 1 or the page size less than 1.</exception>
    public static OwlHostQuery GroupHostQuery(OwlHostListOptions options, string parameterName)
    {
        var query = HostQuery(options, parameterName);
        return query.Page == 0
            ? throw new ArgumentOutOfRangeException(parameterName, 0, "A group's host pages start at 1: Owl reads page 0 there as page 1, not as every host.")
            : query;
    }

    /// <summary>Checks a page size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is less than 1.</exception>
    public static int? PageSize(int? pageSize, string parameterName)
    {
        if (pageSize is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, parameterName);
        }

        return pageSize;
    }
}
