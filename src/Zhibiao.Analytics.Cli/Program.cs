using System.Runtime.InteropServices;
using Zhibiao.Analytics.Cli;
using Zhibiao.Analytics.Data;

// Ctrl-C or SIGTERM while a file is being written: remove its temporary file, then let the process end.
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => AtomicFile.RemovePending());
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => AtomicFile.RemovePending());
return AnalyticsCli.Run(args, Console.Out, Console.Error);
