// From the repository root:
//   dotnet run -c Release --project tests/RnnGen.Benchmarks -- --filter '*'            everything, default jobs
//   dotnet run -c Release --project tests/RnnGen.Benchmarks -- --filter '*' --quick    short job (see below)
//   ... --anyCategories Main      one group: Main, Long, Square, Wide, Step or FirstCall (SimpleRnn);
//                                 GruMain, LstmMain, GruAudio, LstmAudio, GruLong, LstmSquare or GruWide;
//                                 Gru or Lstm (every case of that cell);
//                                 Batch (256 sequences, one timestep each per call) or one case of it: BatchSimpleRnn,
//                                 BatchGruAudio, BatchLstmAudio or BatchGruMain; BatchCores (1,024 sequences, one
//                                 core against all); FmaPeak (the core's multiply-add throughput, the "% of peak" yardstick)
using System.Collections.Generic;
using BenchmarkDotNet.Running;

// "--quick" stands for BenchmarkDotNet's "--job short": one launch, 3 warm-up and 3 measured iterations.
var arguments = new List<string>(args.Length + 1);
foreach (string argument in args)
{
    if (argument == "--quick")
    {
        arguments.Add("--job");
        arguments.Add("short");
    }
    else
    {
        arguments.Add(argument);
    }
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments]);
