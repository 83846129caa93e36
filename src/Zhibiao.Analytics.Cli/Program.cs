using Zhibiao.Analytics.Cli;

return AnalyticsCli.Run(args, Console.Out, Console.Error);
