using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Order;
using RnnGen.Benchmarks.Harness;
using RnnGen.Benchmarks.Peers;

namespace RnnGen.Benchmarks.Cells;

/// <summary>
/// The peers of one GRU or LSTM case, on the same weights and inputs: a naive loop and ONNX Runtime, both over the
/// whole sequence from zero states. <see cref="GruBenchmarks"/> and <see cref="LstmBenchmarks"/> add what depends on
/// the cell; each case's class adds the generated kernel's benchmarks as direct calls on its concrete class (as a user
/// writes them) and makes one of them the baseline.
/// </summary>
/// <remarks>
/// As for the SimpleRnn shapes (see <see cref="Shapes.ShapeBenchmarks"/>): every benchmark returns a value read from
/// its output, <see cref="Setup"/> checks every peer against the generated kernel before anything is timed, the
/// disassembler reports the jitted code size, and rows are sorted by method name.
/// </remarks>
[MemoryDiagnoser]
[DisassemblyDiagnoser(maxDepth: 4)]
[Orderer(SummaryOrderPolicy.Method)]
public abstract class CellBenchmarks : IDisposable
{
    private OrtCell? ort;

    protected CellBenchmarks(CellKind kind, int timesteps, int input, int output)
    {
        Case = CellCase.Create(kind, timesteps, input, output);
        Outputs = Case.NewOutputs();
    }

    /// <summary>The weights and inputs every peer uses.</summary>
    protected CellCase Case { get; }

    /// <summary>T×O output buffer the benchmarks write into.</summary>
    protected float[] Outputs { get; }

    [GlobalSetup]
    public void Setup()
    {
        LoadGenerated(Case);
        float[] expected = Case.NewOutputs();
        RunGenerated(Case.X, expected);
        float[] actual = Case.NewOutputs();

        // Step, one timestep at a time with the state carried, must retrace Run.
        StepThroughGenerated(Case.X, actual);
        OutputCheck.Same("RnnGen Step", expected, actual, Case.Output);

        RunNaive(Case.X, actual);
        OutputCheck.Same(nameof(Naive), expected, actual, Case.Output);

        ort = new OrtCell(Case);
        ort.Run();
        OutputCheck.Same(nameof(OnnxRuntime), expected, ort.Outputs, Case.Output);
    }

    /// <summary>The cell's equations in plain C#: float[], scalar loops, MathF.Tanh and MathF.Exp.</summary>
    [Benchmark]
    public float Naive()
    {
        RunNaive(Case.X, Outputs);
        return Checksum(Outputs);
    }

    /// <summary>The ONNX GRU or LSTM operator in ONNX Runtime, 1+1 threads, weights pre-packed, X and Y bound once.</summary>
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

    /// <summary>A value that depends on the first and the last element, returned so that no run is optimised away.</summary>
    protected static float Checksum(float[] values) => values[0] + values[^1];

    /// <summary>The naive peer's whole sequence from zero states.</summary>
    protected abstract void RunNaive(float[] inputs, float[] outputs);

    /// <summary>Loads <paramref name="c"/>'s weights (PyTorch layout) into the generated kernel.</summary>
    protected abstract void LoadGenerated(CellCase c);

    /// <summary>The generated Run from zero states, for the checks.</summary>
    protected abstract void RunGenerated(float[] inputs, float[] outputs);

    /// <summary>T generated Step calls from zero states, writing each h_t into row t of <paramref name="outputs"/>, for the checks.</summary>
    protected abstract void StepThroughGenerated(float[] inputs, float[] outputs);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ort?.Dispose();
            ort = null;
        }
    }
}
