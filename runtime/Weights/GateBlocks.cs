using System;
using RnnGen.Layout;

namespace RnnGen.Weights;

/// <summary>
/// Moves weights between the frameworks' layouts and the canonical one (G·O rows, RnnGen's gate order). Keras
/// stores a layer's weights transposed (inputs as rows, gates side by side as column blocks); PyTorch stores them
/// as rows, gate after gate, in its own gate order.
/// </summary>
internal static class GateBlocks
{
    /// <summary>Keras <c>(rows × G·O)</c> → canonical <c>(G·O × rows)</c>: a transpose (the gate orders agree).</summary>
    public static void FromKeras(ReadOnlySpan<float> keras, int rows, int gatesTimesOutput, Span<float> canonical)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> source = keras.Slice(r * gatesTimesOutput, gatesTimesOutput);
            for (int c = 0; c < gatesTimesOutput; c++)
            {
                canonical[(c * rows) + r] = source[c];
            }
        }
    }

    /// <summary>Canonical <c>(G·O × rows)</c> → Keras <c>(rows × G·O)</c>.</summary>
    public static void ToKeras(ReadOnlySpan<float> canonical, int rows, int gatesTimesOutput, Span<float> keras)
    {
        for (int c = 0; c < gatesTimesOutput; c++)
        {
            ReadOnlySpan<float> source = canonical.Slice(c * rows, rows);
            for (int r = 0; r < rows; r++)
            {
                keras[(r * gatesTimesOutput) + c] = source[r];
            }
        }
    }

    /// <summary>
    /// PyTorch <c>(G·O × width)</c> (or a bias, width 1) → canonical: whole blocks of O rows move to RnnGen's gate
    /// order.
    /// </summary>
    public static void FromPyTorch(CellKind cell, ReadOnlySpan<float> torch, int output, int width, Span<float> canonical)
    {
        int block = output * width;
        for (int torchGate = 0; torchGate < CellGates.Count(cell); torchGate++)
        {
            int gate = CellGates.FromPyTorch(cell, torchGate);
            torch.Slice(torchGate * block, block).CopyTo(canonical.Slice(gate * block, block));
        }
    }
}
