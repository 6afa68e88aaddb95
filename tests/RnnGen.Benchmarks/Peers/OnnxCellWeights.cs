using System;
using RnnGen.Benchmarks.Harness;

namespace RnnGen.Benchmarks.Peers;

/// <summary>A gated case's PyTorch-layout weights in the layout of the ONNX GRU and LSTM operators.</summary>
internal static class OnnxCellWeights
{
    // For each ONNX gate block, the PyTorch block it comes from.
    // GRU: ONNX z, r, h from PyTorch r, z, n. LSTM: ONNX i, o, f, c from PyTorch i, f, g, o.
    private static readonly int[] GruBlocksFromPyTorch = [1, 0, 2];
    private static readonly int[] LstmBlocksFromPyTorch = [0, 3, 1, 2];

    /// <summary>W [1, G·O, I], R [1, G·O, O] and B [1, 2·G·O] = [input biases, recurrent biases], named as the models name them.</summary>
    public static OrtTensor[] From(CellCase c)
    {
        int[] order = c.Kind == CellKind.Gru ? GruBlocksFromPyTorch : LstmBlocksFromPyTorch;
        int rows = c.Gates * c.Output;
        float[] w = ToOnnxOrder(c.WeightIh, order, c.Output * c.Input);
        float[] r = ToOnnxOrder(c.WeightHh, order, c.Output * c.Output);
        var b = new float[2 * rows];
        ToOnnxOrder(c.BiasIh, order, c.Output).CopyTo(b, 0);
        ToOnnxOrder(c.BiasHh, order, c.Output).CopyTo(b, rows);
        return [new("W", w, [1, rows, c.Input]), new("R", r, [1, rows, c.Output]), new("B", b, [1, 2 * rows])];
    }

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
