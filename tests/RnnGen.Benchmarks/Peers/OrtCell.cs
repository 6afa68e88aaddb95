using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>
/// ONNX Runtime running the ONNX GRU (linear_before_reset=1, PyTorch's semantics) or LSTM operator (models written
/// by Onnx/make_cell_models.py), set up as <see cref="OrtBoundModel"/> describes. Unlike <see cref="OrtRnn"/>'s, the
/// weights are constant initializers rather than inputs: ONNX Runtime's GRU and LSTM kernels pre-pack W and R once
/// when they are constants, as in an exported model, and would otherwise repack them on every forward.
/// </summary>
public sealed class OrtCell : IDisposable
{
    // For each ONNX gate block, the PyTorch block it comes from.
    // GRU: ONNX z, r, h from PyTorch r, z, n. LSTM: ONNX i, o, f, c from PyTorch i, f, g, o.
    private static readonly int[] GruBlocksFromPyTorch = [1, 0, 2];
    private static readonly int[] LstmBlocksFromPyTorch = [0, 3, 1, 2];

    private readonly OrtBoundModel model;

    public OrtCell(CellCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        int[] order = c.Kind == CellKind.Gru ? GruBlocksFromPyTorch : LstmBlocksFromPyTorch;
        int rows = c.Gates * c.Output;

        // ONNX layouts: W [1, G·O, I], R [1, G·O, O], B [1, 2·G·O] = [input biases, recurrent biases].
        float[] w = ToOnnxOrder(c.WeightIh, order, c.Output * c.Input);
        float[] r = ToOnnxOrder(c.WeightHh, order, c.Output * c.Output);
        var b = new float[2 * rows];
        ToOnnxOrder(c.BiasIh, order, c.Output).CopyTo(b, 0);
        ToOnnxOrder(c.BiasHh, order, c.Output).CopyTo(b, rows);

        model = new OrtBoundModel(c.Name, new("W", w, [1, rows, c.Input]), new("R", r, [1, rows, c.Output]), new("B", b, [1, 2 * rows]));
        Outputs = c.NewOutputs();
        model.BindInput(new("X", c.X, [c.Timesteps, 1, c.Input]));
        model.BindOutput(new("Y", Outputs, [c.Timesteps, 1, 1, c.Output]));
    }

    /// <summary>Y of the last <see cref="Run"/>: T×O, row-major.</summary>
    public float[] Outputs { get; }

    /// <summary>One forward: reads X, writes <see cref="Outputs"/>.</summary>
    public void Run() => model.Run();

    public void Dispose() => model.Dispose();

    private static float[] ToOnnxOrder(float[] pyTorch, int[] blocksFromPyTorch, int blockLength)
    {
        var onnx = new float[pyTorch.Length];
        for (int block = 0; block < blocksFromPyTorch.Length; block++)
        {
            Array.Copy(pyTorch, blocksFromPyTorch[block] * blockLength, onnx, block * blockLength, blockLength);
        }

        return onnx;
    }
}
