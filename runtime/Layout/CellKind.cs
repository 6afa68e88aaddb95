namespace RnnGen.Layout;

/// <summary>The recurrent cells RnnGen generates kernels for. Shared by the generator and the runtime.</summary>
internal enum CellKind
{
    /// <summary>Elman: <c>h' = act(W·x + U·h + b)</c>; one gate.</summary>
    SimpleRnn = 0,

    /// <summary>Gated recurrent unit; gates z, r, n.</summary>
    Gru = 1,

    /// <summary>Long short-term memory; gates i, f, g, o, and a cell state besides the hidden state.</summary>
    Lstm = 2,
}
