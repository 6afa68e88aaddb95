namespace RnnGen.Layout;

/// <summary>
/// Which biases a layer adds together at load time, as ranges of the frameworks' bias tensors. Every cell but a
/// GRU's candidate adds its input and recurrent biases once, into one bias row, so their sum must be finite too,
/// even where each is. Shared by the runtime's loaders and the generator's compile-time checks, so both refuse
/// the same files.
/// </summary>
internal static class BiasSums
{
    /// <summary>
    /// PyTorch's two bias tensors (bias_ih, bias_hh, G·O each): the first <c>count</c> elements of both are added
    /// (all of them, except a GRU's n block, PyTorch's last).
    /// </summary>
    public static int PyTorchSummedCount(CellKind cell, int output) => cell == CellKind.Gru ? 2 * output : CellGates.Count(cell) * output;

    /// <summary>
    /// Keras keeps two bias rows only for a GRU with reset_after: row 0 and row 1 (each 3·O, at offsets 0 and 3·O of
    /// the bias) are added over their first 2·O elements (z and r). Other Keras layers have one bias: nothing is added.
    /// </summary>
    public static int KerasSummedCount(CellKind cell, bool resetAfter, int output) => cell == CellKind.Gru && resetAfter ? 2 * output : 0;
}
