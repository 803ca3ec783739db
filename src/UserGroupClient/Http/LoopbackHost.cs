using System.Net;

namespace UserGroupClient.Http;

/// <summary>Whether an address names this machine: <c>localhost</c>, 127.0.0.0/8 or <c>::1</c>.</summary>
internal static class LoopbackHost
{
    public static bool Is(Uri address) => address.HostNameType switch
    {
        UriHostNameType.Dns => string.Equals(address.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase),
        UriHostNameType.IPv4 => IPAddress.TryParse(address.IdnHost, out var ip) && ip.GetAddressBytes()[0] == 127,
        UriHostNameType.IPv6 => IPAddress.TryParse(address.IdnHost, out var ip) && ip.Equals(IPAddress.IPv6Loopback),
        _ => false,
    };
}
