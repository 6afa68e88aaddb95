using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Order;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Shapes;

/// <summary>
/// The peers of one shape, on the same weights and inputs. Each derived class adds the generated kernel's
/// benchmarks, written as direct calls on its concrete class (as a user writes them, with no interface or
/// delegate in between), and makes one of them the baseline.
/// </summary>
/// <remarks>
/// Every benchmark returns a value read from its output, so the work cannot be dropped. <see cref="Setup"/>
/// checks every peer against the generated kernel before anything is timed. The disassembler, run after the
/// measurements, reports the jitted code size: depth 4 reaches from a benchmark through Run and the kernel's
/// dispatcher to the kernel for this CPU (the exported *-asm.md lists each method's size). Rows are sorted by
/// method name so that runs compare line by line.
/// </remarks>
[MemoryDiagnoser]
[DisassemblyDiagnoser(maxDepth: 4)]
[Orderer(SummaryOrderPolicy.Method)]
public abstract class ShapeBenchmarks : IDisposable
{
    private readonly bool fromInitialState;
    private readonly NaiveRnn naive;
    private readonly TensorPrimitivesRnn tensorPrimitives;
    private OrtRnn? ort;

    /// <param name="fromInitialState">Start every forward from <see cref="RnnCase.H0"/> instead of zeros.</param>
    protected ShapeBenchmarks(int timesteps, int input, int output, bool fromInitialState = false)
    {
        this.fromInitialState = fromInitialState;
        Case = RnnCase.Create(timesteps, input, output);
        Outputs = Case.NewOutputs();
        State = new float[output];
        naive = new NaiveRnn(Case);
        tensorPrimitives = new TensorPrimitivesRnn(Case);
    }

    /// <summary>The weights and inputs every peer uses.</summary>
    protected RnnCase Case { get; }

    /// <summary>T×O output buffer the benchmarks write into.</summary>
    protected float[] Outputs { get; }

    /// <summary>O-element state buffer for the Step benchmarks.</summary>
    protected float[] State { get; }

    /// <summary>The state every forward starts from: H0, or null for zeros.</summary>
    protected float[]? InitialState => fromInitialState ? Case.H0 : null;

    [GlobalSetup]
    public void Setup()
    {
        LoadGenerated(Case);
        float[] expected = Case.NewOutputs();
        RunGenerated(Case.X, expected, InitialState);
        float[] actual = Case.NewOutputs();

        // Step, one timestep at a time, must retrace Run.
        Span<float> state = new float[Case.Output];
        InitialState?.CopyTo(state);
        for (int t = 0; t < Case.Timesteps; t++)
        {
            StepGenerated(Case.X.AsSpan(t * Case.Input, Case.Input), state);
            state.CopyTo(actual.AsSpan(t * Case.Output));
        }

        OutputCheck.Same("RnnGen Step", expected, actual, Case.Output);

        naive.Run(Case.X, actual, InitialState);
        OutputCheck.Same(nameof(Naive), expected, actual, Case.Output);

        tensorPrimitives.Run(Case.X, actual, InitialState);
        OutputCheck.Same(nameof(TensorPrimitives), expected, actual, Case.Output);

        ort = new OrtRnn(Case, fromInitialState);
        ort.Run();
        OutputCheck.Same(nameof(OnnxRuntime), expected, ort.Outputs, Case.Output);
    }

    /// <summary>The seed loop in plain C#: float[], scalar loops, MathF.Tanh.</summary>
    [Benchmark]
    public float Naive()
    {
        naive.Run(Case.X, Outputs, InitialState);
        return Checksum(Outputs);
    }

    /// <summary>TensorPrimitives.Dot per output row, TensorPrimitives.Tanh per step.</summary>
    [Benchmark]
    public float TensorPrimitives()
    {
        tensorPrimitives.Run(Case.X, Outputs, InitialState);
        return Checksum(Outputs);
    }

    /// <summary>The ONNX RNN operator in ONNX Runtime, 1+1 threads, inputs and outputs bound once.</summary>
    [Benchmark]
    public float OnnxRuntime()
    {
        ort!.Run();
        return Checksum(ort.Outputs);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A value that depends on the first and the last output, returned so that no run is optimised away.</summary>
    protected static float Checksum(float[] values) => values[0] + values[^1];

    /// <summary>Loads <paramref name="c"/>'s weights into the generated kernel.</summary>
    protected abstract void LoadGenerated(RnnCase c);

    /// <summary>The generated Run (from <paramref name="initialState"/> when it is not null), for the checks.</summary>
    protected abstract void RunGenerated(float[] inputs, float[] outputs, float[]? initialState);

    /// <summary>The generated Step, for the checks.</summary>
    protected abstract void StepGenerated(ReadOnlySpan<float> input, Span<float> state);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ort?.Dispose();
            ort = null;
        }
    }
}
