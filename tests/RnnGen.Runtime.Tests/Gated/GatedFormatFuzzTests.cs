using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RnnGen.Runtime.Tests.Formats;
using Xunit.Abstractions;

namespace RnnGen.Runtime.Tests.Gated;

/// <summary>The fuzz run of FormatFuzzTests against the GRU's and the LSTM's loaders, with their own tensor shapes.</summary>
public class GatedFormatFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 0x6A7E;
    private const int NpzIterations = 3_000;
    private const int SafetensorsIterations = 3_000;

    public static TheoryData<string> Targets => ["GRU", "GRU reset_after=False", "LSTM"];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Mutated_files_only_ever_load_or_throw_InvalidData_or_Argument_exceptions(string targetName)
    {
        FuzzTarget target = targetName switch
        {
            "GRU" => FuzzTarget.Gru,
            "GRU reset_after=False" => FuzzTarget.GruResetBefore,
            _ => FuzzTarget.Lstm,
        };

        // A GRU with reset_after=False has no PyTorch layout: its safetensors loads refuse every file.
        int safetensorsIterations = target.HasPyTorchLayout ? SafetensorsIterations : 0;
        var fuzz = new FuzzRun(Seed, target);
        var clock = Stopwatch.StartNew();

        // On a worker, so that a hang fails the test and names the culprit instead of blocking the run.
        Task work = Task.Run(() => fuzz.Run(NpzIterations, safetensorsIterations, npyIterations: 0));
        Task first = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(first == work, "The fuzz run stopped making progress at: " + fuzz.Current);
        await work;

        output.WriteLine(
            $"{target}: {fuzz.Iterations} iterations in {clock.Elapsed.TotalSeconds:F1} s (slowest {fuzz.SlowestIteration.TotalMilliseconds:F1} ms): "
            + $"{fuzz.Loaded} loaded, {fuzz.InvalidData} InvalidDataException, {fuzz.Argument} ArgumentException.");
        Assert.True(fuzz.Failures.Count == 0, $"{fuzz.Failures.Count} failures; the first ones:\n" + string.Join("\n\n", fuzz.Failures.Take(5)));
        Assert.Equal(NpzIterations + safetensorsIterations, fuzz.Iterations);

        // Each outcome must occur, or the mutations never get past the first check.
        Assert.True(fuzz.Loaded > 0 && fuzz.InvalidData > 0 && fuzz.Argument > 0);
    }
}
