using System.Text;

namespace UserGroupClient.Cli.Tests;

/// <summary>A writer a running command writes to while the test reads what it has written so far.</summary>
internal sealed class LiveWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _sync = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_sync)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_sync)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_sync)
        {
            _text.Append(value);
        }
    }

    /// <summary>Waits until the text written so far satisfies <paramref name="done"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> done, Task<int> running)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done(Text))
        {
            if (running.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The command wrote: {Text}");
            }

            await Task.Delay(20);
        }

        return Text;
    }
}
