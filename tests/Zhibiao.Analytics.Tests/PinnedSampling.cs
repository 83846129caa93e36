using System.Runtime.CompilerServices;
using CsCheck;

namespace Zhibiao.Analytics.Tests;

/// <summary>
/// Property tests with a fixed case set. CsCheck's <c>Sample(seed:)</c> pins only the first iteration and draws the others
/// at random on every run, so a "seeded" property test still checked new cases each run (and could fail on one).
/// <c>SamplePinned</c> runs iteration k on the PCG stream k of one base seed — the given seed, else one derived from
/// the test's file and name — each as a one-iteration CsCheck sample, in order: the same cases on every run and every
/// machine; a failure names the case's seed, which reproduces it with <c>Sample(assert, seed: …, iter: 1)</c>.
/// </summary>
internal static class PinnedSampling
{
    private static IEnumerable<string> Seeds(string? seed, long iter, string file, string member)
    {
        ulong basis = seed is null ? Fnv(Path.GetFileName(file) + "." + member) : PCG.Parse(seed).Seed;
        for (long k = 0; k < iter; k++) yield return new PCG((uint)k, basis).ToString();
    }

    /// <summary>FNV-1a, 64 bits, of a name: a base seed that is stable across runs and machines.</summary>
    private static ulong Fnv(string s)
    {
        ulong h = 14695981039346656037;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211;
        }

        return h;
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1>(this Gen<T1> gen, Action<T1> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1>(this Gen<T1> gen, Func<T1, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2>(this Gen<(T1, T2)> gen, Func<T1, T2, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Func<T1, T2, T3, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Func<T1, T2, T3, T4, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Func<T1, T2, T3, T4, T5, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Action<T1, T2, T3, T4, T5, T6> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4, T5, T6>(this Gen<(T1, T2, T3, T4, T5, T6)> gen, Func<T1, T2, T3, T4, T5, T6, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the assertion on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4, T5, T6, T7>(this Gen<(T1, T2, T3, T4, T5, T6, T7)> gen, Action<T1, T2, T3, T4, T5, T6, T7> assert, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(assert, seed: s, iter: 1, threads: 1);
    }

    /// <summary>Runs the predicate (false fails) on <paramref name="iter"/> fixed cases of <paramref name="gen"/> (see <see cref="PinnedSampling"/>).</summary>
    public static void SamplePinned<T1, T2, T3, T4, T5, T6, T7>(this Gen<(T1, T2, T3, T4, T5, T6, T7)> gen, Func<T1, T2, T3, T4, T5, T6, T7, bool> predicate, string? seed = null, long iter = 100,
        [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        foreach (string s in Seeds(seed, iter, file, member)) gen.Sample(predicate, seed: s, iter: 1, threads: 1);
    }
}
