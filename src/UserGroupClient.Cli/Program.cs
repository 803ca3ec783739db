using UserGroupClient.Cli;

return await UgcApplication.RunAsync(args, UgcConsole.FromSystem());
