using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/RnnGen.Generator.Benchmarks            (every benchmark)
// dotnet run -c Release --project tests/RnnGen.Generator.Benchmarks -- --filter '*Rerun*'
//
// A short job (3 warm-ups, 3 measured iterations) is enough to tell milliseconds from microseconds. In process,
// because the repository's strict build settings would reject BenchmarkDotNet's generated host project.
IConfig config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
