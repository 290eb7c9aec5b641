using BenchmarkDotNet.Running;
using Slate.Bench;

// dotnet run -c Release --project bench/Slate.Bench -- scale            MAAS calls and time of the pre-flight reads at 4..400 hosts
// dotnet run -c Release --project bench/Slate.Bench -- micro [BDN args]  BenchmarkDotNet: site, bundle and MAAS JSON parsing
return args.FirstOrDefault() switch
{
    "scale" => await ScaleRehearsal.RunAsync(Console.Out),
    "micro" => RunMicro(args[1..]),
    _ => Usage(),
};

static int RunMicro(string[] args)
{
    // Without a filter BenchmarkDotNet asks on stdin which benchmark to run.
    BenchmarkSwitcher.FromAssembly(typeof(ParsingBenchmarks).Assembly).Run(args.Contains("--filter") ? args : [.. args, "--filter", "*"]);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Slate.Bench scale | micro [BenchmarkDotNet arguments]");
    return 2;
}
