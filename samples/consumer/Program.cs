// Runs every C# example of the READMEs (extracted at build time, see Consumer.csproj) against the packages.
foreach ((string where, Action run) in Readme.Examples.All)
{
    Console.WriteLine($"== {where}");
    run();
}

Console.WriteLine($"== {Readme.Examples.All.Length} README examples ran");
