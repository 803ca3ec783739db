using System.Net;
using System.Net.Sockets;

namespace UserGroupClient.Testing.JumpServer;

/// <summary>JumpServer's <c>contains_ip</c>: an access key's <c>ip_group</c> holds <c>*</c>, addresses, CIDR networks and <c>first-last</c> ranges.</summary>
internal static class IpAllowList
{
    public static bool IsValidEntry(string entry) =>
        entry == "*" || IPAddress.TryParse(entry, out _) || TryParseNetwork(entry, out _, out _) || TryParseRange(entry, out _, out _);

    public static bool Contains(IReadOnlyList<string> entries, string clientIp)
    {
        if (entries.Contains("*"))
        {
            return true;
        }

        if (!IPAddress.TryParse(clientIp, out var address))
        {
            return entries.Contains(clientIp);
        }

        foreach (var entry in entries)
        {
            if (IPAddress.TryParse(entry, out var single))
            {
                if (single.Equals(address))
                {
                    return true;
                }
            }
            else if (TryParseNetwork(entry, out var network, out var prefix))
            {
                if (InNetwork(address, network, prefix))
                {
                    return true;
                }
            }
            else if (TryParseRange(entry, out var first, out var last) && InRange(address, first, last))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParseNetwork(string entry, out IPAddress network, out int prefix)
    {
        network = IPAddress.None;
        prefix = 0;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(entry[..slash], out var parsed) || !int.TryParse(entry[(slash + 1)..], out prefix))
        {
            return false;
        }

        network = parsed;
        var bits = parsed.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return prefix >= 0 && prefix <= bits;
    }

    private static bool TryParseRange(string entry, out IPAddress first, out IPAddress last)
    {
        first = last = IPAddress.None;
        var parts = entry.Split('-');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var start) || !IPAddress.TryParse(parts[1], out var end))
        {
            return false;
        }

        first = start;
        last = end;
        return start.AddressFamily == end.AddressFamily;
    }

    // ip_network(strict=False): host bits of the entry are ignored.
    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InRange(IPAddress address, IPAddress first, IPAddress last) =>
        address.AddressFamily == first.AddressFamily
        && Compare(address, first) >= 0
        && Compare(address, last) <= 0;

    private static int Compare(IPAddress left, IPAddress right) =>
        left.GetAddressBytes().AsSpan().SequenceCompareTo(right.GetAddressBytes());
}
