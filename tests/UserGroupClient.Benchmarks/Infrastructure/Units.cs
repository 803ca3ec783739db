using System.Globalization;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>How the results page writes times, sizes and ratios.</summary>
internal static class Units
{
    public static string Time(double ns) => Math.Abs(ns) switch
    {
        >= 1e9 => Invariant($"{ns / 1e9:0.000} s"),
        >= 1e6 => Invariant($"{ns / 1e6:0.000} ms"),
        >= 1e3 => Invariant($"{ns / 1e3:0.000} µs"),
        _ => Invariant($"{ns:0.0} ns"),
    };

    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        >= 1 << 20 => Invariant($"{bytes / (1 << 20):0.0} MB"),
        >= 1 << 10 => Invariant($"{bytes / 1024:0.00} KB"),
        _ => Invariant($"{bytes:0} B"),
    };

    public static string Signed(double value, Func<double, string> format) => (value < 0 ? "−" : "+") + format(Math.Abs(value));

    public static string Ratio(double ratio) => Invariant($"{ratio:0.000} ×");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
