namespace RnnGen.Layout;

/// <summary>
/// The gates of each cell in the order RnnGen packs them, and how the frameworks order them. Keras orders GRU
/// gates z, r, h and LSTM gates i, f, c, o, which is RnnGen's order too; PyTorch orders GRU gates r, z, n.
/// Shared by the generator (header text, kernel offsets) and the runtime (packing, loading).
/// </summary>
internal static class CellGates
{
    /// <summary>G: the gates of <paramref name="cell"/>, each with O rows of weights.</summary>
    public static int Count(CellKind cell) => cell switch
    {
        CellKind.Gru => 3,
        CellKind.Lstm => 4,
        _ => 1,
    };

    /// <summary>The gates' names in packed order: <c>h</c>; <c>z, r, n</c>; <c>i, f, g, o</c>.</summary>
    public static string[] Names(CellKind cell) => cell switch
    {
        CellKind.Gru => ["z", "r", "n"],
        CellKind.Lstm => ["i", "f", "g", "o"],
        _ => ["h"],
    };

    /// <summary>The packed gate of PyTorch's gate <paramref name="torchGate"/> (PyTorch's GRU order is r, z, n).</summary>
    public static int FromPyTorch(CellKind cell, int torchGate)
        => cell == CellKind.Gru && torchGate < 2 ? 1 - torchGate : torchGate;

    /// <summary>The packed gate of Keras's gate <paramref name="kerasGate"/>: Keras and RnnGen share the order.</summary>
    public static int FromKeras(int kerasGate) => kerasGate;

    /// <summary>
    /// Whether gate <paramref name="gate"/> keeps its recurrent bias apart from its input bias: only a GRU's
    /// candidate n with <c>ResetAfter</c>, where the reset gate multiplies <c>U_n·h + b_hn</c> as a whole. Every
    /// other gate adds both biases once, at load time.
    /// </summary>
    public static bool RecurrentBiasApart(CellKind cell, bool resetAfter, int gate) => cell == CellKind.Gru && resetAfter && gate == 2;
}
