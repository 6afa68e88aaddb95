using System;

namespace RnnGen.Formats;

/// <summary>
/// The tensor shapes one layer needs in the frameworks' layouts: G gates of O outputs fed by I inputs, and the
/// rows of the Keras bias (two for a GRU with <c>reset_after</c>, which keeps input and recurrent biases apart).
/// </summary>
internal sealed class LayerShapes
{
    public LayerShapes(int input, int output, int gates, int kerasBiasRows)
    {
        Input = input;
        Output = output;
        Gates = gates;
        KerasBiasRows = kerasBiasRows;
    }

    public int Input { get; }

    public int Output { get; }

    public int Gates { get; }

    /// <summary>1, or 2 for a GRU with <c>reset_after</c>.</summary>
    public int KerasBiasRows { get; }

    /// <summary>G·O: the rows of every gate together.</summary>
    public int GateRows => Gates * Output;

    /// <summary><c>Output</c>, or <c>3·Output</c> for three gates, as shape messages spell it.</summary>
    public string GateRowsMeaning => Gates == 1 ? "Output" : FormattableString.Invariant($"{Gates}·Output");

    public int[] KerasKernel => [Input, GateRows];

    public int[] KerasRecurrentKernel => [Output, GateRows];

    public int[] KerasBias => KerasBiasRows == 1 ? [GateRows] : [KerasBiasRows, GateRows];

    public string KerasBiasMeaning => KerasBiasRows == 1 ? "(" + GateRowsMeaning + ",)" : FormattableString.Invariant($"({KerasBiasRows}, {GateRowsMeaning})");

    public int[] PyTorchWeightIh => [GateRows, Input];

    public int[] PyTorchWeightHh => [GateRows, Output];

    public int[] PyTorchBias => [GateRows];
}
