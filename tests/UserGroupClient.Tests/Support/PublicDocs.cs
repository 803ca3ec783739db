using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace UserGroupClient.Tests.Support;

/// <summary>
/// The XML documentation file that ships beside the SDK, read as IntelliSense shows it: what a caller learns from the
/// public members (internal classes' comments never reach a caller).
/// </summary>
internal static partial class PublicDocs
{
    private static readonly XDocument Documentation = XDocument.Load(Path.ChangeExtension(typeof(IUserGroupService).Assembly.Location, ".xml"));

    /// <summary>Every documented member.</summary>
    public static IEnumerable<XElement> Members => Documentation.Descendants("member");

    /// <summary>The one member whose documentation id starts with <paramref name="idPrefix"/> (a method's id without its parameters works).</summary>
    public static XElement Member(string idPrefix) =>
        Assert.Single(Members, member => ((string)member.Attribute("name")!).StartsWith(idPrefix, StringComparison.Ordinal));

    /// <summary>The member's text as IntelliSense shows it: a <c>see cref</c> reads as the name it points to, white space collapsed.</summary>
    public static string Text(string idPrefix) => Text(Member(idPrefix));

    /// <inheritdoc cref="Text(string)"/>
    public static string Text(XElement element) => Whitespace().Replace(Render(element), " ").Trim();

    /// <summary>The members that the element's <c>see cref</c>s point to.</summary>
    public static IEnumerable<string> Crefs(XElement element) =>
        element.Descendants("see").Select(see => (string?)see.Attribute("cref")).OfType<string>();

    private static string Render(XElement element) => string.Concat(element.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref && see.IsEmpty => ShortName(cref.Value),
        XElement child => Render(child),
        _ => string.Empty,
    }));

    private static string ShortName(string cref)
    {
        var name = cref.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
