// Coverage-guided fuzzing targets for every parser a user feeds (issue 16), run by AFL++ through SharpFuzz.
//   Zhibiao.Analytics.Fuzz TARGET               fuzz loop for afl-fuzz (the input arrives on stdin)
//   Zhibiao.Analytics.Fuzz TARGET FILE...       replay inputs (a crash prints its exception and exits 1)
//   Zhibiao.Analytics.Fuzz seed TARGET DIR      write the seed corpus, taken from the repository's own files
//   Zhibiao.Analytics.Fuzz cli [--seconds S] [--seed N]   the command-line fuzzer (CliFuzzer): the real CLI on random
//                                               flags and inputs for S seconds, the contract checked on every run
//   Zhibiao.Analytics.Fuzz cli --replay DIR     runs a kept finding (benchmarks/fuzz/findings/cli/N) again
// An input is a crash when the parser throws anything but the documented user errors (AnalyticsException, or
// FormatException for Period.Parse and Quantity.Parse). benchmarks/fuzz/afl.sh TARGET SECONDS runs all of this.
using SharpFuzz;
using Zhibiao.Analytics.Fuzz;

if (args.Length > 0 && args[0] == "cli") return CliFuzzer.Run(args[1..]);
if (args.Length == 0 || (args[0] == "seed" && args.Length != 3))
{
    Console.Error.WriteLine($"usage: Zhibiao.Analytics.Fuzz TARGET [FILE...] | seed TARGET DIR   (targets: {string.Join(", ", FuzzTargets.Names)})");
    return 2;
}

string root = Repository.Root();
if (args[0] == "seed")
{
    int written = Seeds.Write(args[1], root, args[2]);
    Console.WriteLine($"{args[1]}: {written} seed files in {args[2]}");
    return 0;
}

Action<byte[]> target = FuzzTargets.Get(args[0], root);
if (args.Length > 1)
{
    int crashes = 0;
    foreach (string file in args.Skip(1))
    {
        try
        {
            target(File.ReadAllBytes(file));
            Console.WriteLine($"{file}: accepted or a user error");
        }
        catch (Exception e)
        {
            crashes++;
            Console.WriteLine($"{file}: CRASH {e}");
        }
    }

    return crashes == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
