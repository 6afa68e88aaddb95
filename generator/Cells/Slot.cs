namespace RnnGen.Generator.Cells;

/// <summary>Which packed bias row an accumulator starts from.</summary>
internal enum BiasSource
{
    /// <summary>No bias: the accumulator starts at zero.</summary>
    None,

    /// <summary>The bias row: the gate's input bias, plus its recurrent bias where the cell adds both.</summary>
    Main,

    /// <summary>The recurrent bias row (a GRU's b_hn with ResetAfter).</summary>
    Recurrent,
}

/// <summary>The vector a phase's recurrent columns multiply.</summary>
internal enum RecurrentOperand
{
    /// <summary>The previous hidden state h.</summary>
    Hidden,

    /// <summary>r ⊙ h, which the previous phase wrote to a scratch row (a GRU without ResetAfter).</summary>
    ResetHidden,
}

/// <summary>
/// One accumulator per output chunk: which gate's rows of weights feed it, from which operands, and where it
/// starts. Most gates need one slot; a GRU with ResetAfter splits gate n into its input part and its recurrent
/// part, which the reset gate multiplies before they meet.
/// </summary>
/// <param name="Name">The accumulator's name in generated code (<c>z</c>, <c>hn</c>).</param>
/// <param name="Gate">The gate whose packed weights it reads.</param>
/// <param name="Input">Whether W·x adds into it.</param>
/// <param name="Recurrent">Whether U·(the phase's operand) adds into it.</param>
/// <param name="Bias">The bias it starts from (when the layer has biases).</param>
internal sealed record Slot(string Name, int Gate, bool Input, bool Recurrent, BiasSource Bias);

/// <summary>One matrix-vector product of a timestep: its accumulators and the vector its recurrent columns multiply.</summary>
internal sealed record CellPhase(Slot[] Slots, RecurrentOperand Operand)
{
    public int RecurrentSlots => System.Array.FindAll(Slots, s => s.Recurrent).Length;

    public int InputSlots => System.Array.FindAll(Slots, s => s.Input).Length;
}
