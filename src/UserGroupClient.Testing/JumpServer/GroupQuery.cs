namespace UserGroupClient.Testing.JumpServer;

/// <summary>The group view's <c>filter_queryset</c>: search, <c>name</c>, id selectors, <c>spm</c>, and <c>order</c>.</summary>
/// <remarks>The caller holds <see cref="JumpServerState.Sync"/>.</remarks>
internal static class GroupQuery
{
    private static readonly string[] OrderFields = ["name", "comment", "created_by", "updated_by", "date_created", "date_updated", "org_id"];

    public static List<GroupEntity> Filter(JumpServerRequest request, IEnumerable<GroupEntity> groups)
    {
        var query = request.Query;
        var rows = groups;

        var search = query.GetNonEmpty("search") ?? (request.Settings.IsV4 ? query.GetNonEmpty("q") : null);
        foreach (var term in SearchTerms(search))
        {
            rows = rows.Where(group => group.Name.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        if (query.GetNonEmpty("name") is { } name)
        {
            rows = rows.Where(group => group.Name == name);
        }

        if (IdSet(query.GetList("ids")) is { } ids)
        {
            rows = rows.Where(group => ids.Contains(group.Id));
        }

        if (request.Settings.IsV4 && IdSet(query.GetList("id__in")) is { } idIn)
        {
            rows = rows.Where(group => idIn.Contains(group.Id));
        }

        if (IdSet(query.GetList("id!")) is { } excluded)
        {
            rows = rows.Where(group => !excluded.Contains(group.Id));
        }

        if (query.GetNonEmpty("spm") is { } spm)
        {
            var cached = IdSet(request.State.ResolveSpm(spm))!;
            rows = rows.Where(group => cached.Contains(group.Id));
        }

        if (query.GetNonEmpty("exclude_spm") is { } excludeSpm)
        {
            var cached = IdSet(request.State.ResolveSpm(excludeSpm))!;
            rows = rows.Where(group => !cached.Contains(group.Id));
        }

        return rows.ToList();
    }

    /// <summary>DRF's <c>OrderingFilter</c> on <c>order=</c>: unknown fields are dropped, and without any the view's default (<c>name</c>) applies.</summary>
    public static List<GroupEntity> Order(JumpServerRequest request, IEnumerable<GroupEntity> groups)
    {
        var terms = (request.Query.GetNonEmpty("order") ?? string.Empty)
            .Split(',')
            .Select(term => term.Trim())
            .Where(term => OrderFields.Contains(term.TrimStart('-')))
            .DefaultIfEmpty("name")
            .ToList();

        IOrderedEnumerable<GroupEntity>? ordered = null;
        foreach (var term in terms)
        {
            var descending = term.StartsWith('-');
            var field = term.TrimStart('-');
            ordered = ordered is null
                ? (descending ? groups.OrderByDescending(group => Key(group, field), KeyComparer.Instance) : groups.OrderBy(group => Key(group, field), KeyComparer.Instance))
                : (descending ? ordered.ThenByDescending(group => Key(group, field), KeyComparer.Instance) : ordered.ThenBy(group => Key(group, field), KeyComparer.Instance));
        }

        return ordered!.ThenBy(group => group.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>DRF's search terms: commas count as spaces, and every term must match.</summary>
    public static IEnumerable<string> SearchTerms(string? search) =>
        (search ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal)
            .Replace(',', ' ')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Normalized ids; malformed ones match nothing. Null when the selector is absent.</summary>
    public static HashSet<string>? IdSet(IEnumerable<string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (PythonValues.TryNormalizeUuid(value, out var uuid))
            {
                set.Add(uuid);
            }
        }

        return set;
    }

    private static IComparable Key(GroupEntity group, string field) => field switch
    {
        "comment" => group.Comment,
        "created_by" => group.CreatedBy,
        "updated_by" => group.UpdatedBy,
        "date_created" => group.CreatedAt,
        "date_updated" => group.UpdatedAt,
        "org_id" => group.OrganizationId,
        _ => group.Name,
    };

    /// <summary>Strings compare ordinally, so ordering does not depend on the machine's culture.</summary>
    private sealed class KeyComparer : IComparer<IComparable>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(IComparable? x, IComparable? y) =>
            x is string left && y is string right ? string.CompareOrdinal(left, right) : Comparer<IComparable>.Default.Compare(x, y);
    }
}
