using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs a client options' own <c>Validate()</c> for one named client, so a bad setting stops the host at start with its name.</summary>
internal sealed class ClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : UserGroupClient.UserGroupClientOptions
{
    private readonly string _name;

    public ClientOptionsValidator(string name) => _name = name;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (name != _name)
        {
            return ValidateOptionsResult.Skip;
        }

        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"User-group client '{_name}': {exception.Message}");
        }
    }
}
