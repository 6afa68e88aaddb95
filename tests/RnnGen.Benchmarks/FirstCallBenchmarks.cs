using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks;

/// <summary>
/// The first Run of the main shape in a fresh process, JIT included: each launch is a new process that times
/// exactly one call, with no warm-up (see <see cref="ColdStartAttribute"/>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("FirstCall")]
[ColdStart]
public class FirstCallBenchmarks
{
    private readonly RnnCase c = RnnCase.Create(Rnn100x32x64.Timesteps, Rnn100x32x64.InputSize, Rnn100x32x64.OutputSize);
    private readonly Rnn100x32x64 model = new();
    private float[] outputs = [];

    /// <summary>Loads the weights (as a user does before the first call) but never calls Run, which must stay cold.</summary>
    [GlobalSetup]
    public void Setup()
    {
        model.LoadWeights(c.W, c.U, c.B);
        outputs = c.NewOutputs();
    }

    [Benchmark]
    public float RnnGen_FirstRun()
    {
        model.Run(c.X, outputs);
        return outputs[0] + outputs[^1];
    }

    /// <summary>Checked after the timed call, against the naive loop, since checking before would warm Run up.</summary>
    [GlobalCleanup]
    public void Check()
    {
        float[] expected = c.NewOutputs();
        new NaiveRnn(c).Run(c.X, expected);
        OutputCheck.Same("RnnGen first Run", expected, outputs, c.Output, reference: "the naive loop");
    }
}
