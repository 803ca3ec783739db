namespace UserGroupClient.Testing.Owl;

/// <summary>A user held by an <see cref="OwlEmulator"/>.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Username">The login name, unique (case-insensitively).</param>
/// <param name="Role">0 user, 1 administrator.</param>
/// <param name="Status">1 enabled; any other value cannot log in.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="Mail">The e-mail address.</param>
/// <param name="Weixin">The WeChat id.</param>
/// <param name="UserGroupIds">The user groups the user is in.</param>
public sealed record OwlEmulatedUser(int Id, string Username, int Role, int Status, string Phone, string Mail, string Weixin, IReadOnlyList<int> UserGroupIds);
