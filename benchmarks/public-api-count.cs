#:property PublishAot=false
// Counts the public types and members of built assemblies: dotnet run benchmarks/public-api-count.cs -- BIN/Zhibiao.Analytics.dll ...
using System.Reflection;
foreach (string path in args)
{
    string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
    AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
    {
        string candidate = Path.Combine(dir, new AssemblyName(e.Name).Name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    };
    Assembly a = Assembly.LoadFrom(Path.GetFullPath(path));
    Type[] types = a.GetExportedTypes();
    const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    int members = types.Sum(t => t.GetMembers(flags).Count(m => m is not MethodInfo mi || !mi.IsSpecialName) );
    Console.WriteLine($"{a.GetName().Name}: {types.Length} public types, {members} public members, {a.GetTypes().Count(t => !t.IsNested) - types.Count(t => !t.IsNested)} internal top-level types");
}
