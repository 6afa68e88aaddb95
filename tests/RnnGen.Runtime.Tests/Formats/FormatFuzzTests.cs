using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace RnnGen.Runtime.Tests.Formats;

public class FormatFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 0x5EED;
    private const int NpzIterations = 18_000;
    private const int SafetensorsIterations = 18_000;
    private const int NpyIterations = 12_000;

    [Fact]
    public async Task Mutated_files_only_ever_load_or_throw_InvalidData_or_Argument_exceptions()
    {
        var fuzz = new FuzzRun(Seed, FuzzTarget.SimpleRnn);
        var clock = Stopwatch.StartNew();

        // On a worker, so that a hang fails the test and names the culprit instead of blocking the run.
        Task work = Task.Run(() => fuzz.Run(NpzIterations, SafetensorsIterations, NpyIterations));
        Task first = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(first == work, "The fuzz run stopped making progress at: " + fuzz.Current);
        await work;

        output.WriteLine(
            $"{fuzz.Iterations} iterations in {clock.Elapsed.TotalSeconds:F1} s (slowest {fuzz.SlowestIteration.TotalMilliseconds:F1} ms): "
            + $"{fuzz.Loaded} loaded, {fuzz.InvalidData} InvalidDataException, {fuzz.Argument} ArgumentException.");
        Assert.True(fuzz.Failures.Count == 0, $"{fuzz.Failures.Count} failures; the first ones:\n" + string.Join("\n\n", fuzz.Failures.Take(5)));
        Assert.Equal(NpzIterations + SafetensorsIterations + NpyIterations, fuzz.Iterations);

        // Each outcome must occur, or the mutations never get past the first check.
        Assert.True(fuzz.Loaded > 0 && fuzz.InvalidData > 0 && fuzz.Argument > 0);
    }
}
