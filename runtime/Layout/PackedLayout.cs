namespace RnnGen.Layout;

/// <summary>
/// Where each block of a layer's packed weights lies, for one vector width of L floats. With O padded up to a
/// multiple of L (P floats, P / L chunks) and G gates, every row holds G·P floats, chunk by chunk: every gate's L
/// floats for outputs 0..L−1, then every gate's for outputs L..2L−1, and so on, padded with zeros. A tile of
/// consecutive chunks therefore reads one contiguous run of each row, whatever the number of gates. The blocks,
/// in order:
/// <list type="bullet">
/// <item>W: I rows; row i holds the weights input i sends to every gate output;</item>
/// <item>U: O rows; row j holds the weights state element j sends to every gate output;</item>
/// <item>the bias row: each gate's input bias, plus its recurrent bias unless the cell keeps that apart;</item>
/// <item>for a GRU with <c>ResetAfter</c>, the recurrent bias row: b_hn in gate n's place, zeros elsewhere.</item>
/// </list>
/// A kernel broadcasts one input or state element and multiplies it with L consecutive floats of its row, so
/// every load is a plain aligned vector load and the rows are read in order. Shared by the generator, which
/// writes these offsets into the kernels as constants, and the runtime, which packs to them.
/// </summary>
internal readonly struct PackedLayout
{
    public PackedLayout(CellKind cell, int input, int output, bool resetAfter, int lanes)
    {
        Cell = cell;
        Input = input;
        Output = output;
        Lanes = lanes;
        Gates = CellGates.Count(cell);
        PaddedOutput = Pad(output, lanes);
        HasRecurrentBiasRow = cell == CellKind.Gru && resetAfter;
    }

    public CellKind Cell { get; }

    public int Input { get; }

    public int Output { get; }

    /// <summary>L: floats per vector (1 for the scalar path).</summary>
    public int Lanes { get; }

    /// <summary>G.</summary>
    public int Gates { get; }

    /// <summary>P: O rounded up to a multiple of <see cref="Lanes"/>.</summary>
    public int PaddedOutput { get; }

    /// <summary>Whether the layout ends with a row of recurrent biases kept apart (GRU with ResetAfter).</summary>
    public bool HasRecurrentBiasRow { get; }

    /// <summary>G·P: floats per row.</summary>
    public int RowLength => Gates * PaddedOutput;

    /// <summary>Offset, within a row, of gate <paramref name="gate"/>'s vector for chunk <paramref name="chunk"/> (outputs chunk·L ..).</summary>
    public int VectorOffset(int gate, int chunk) => ((chunk * Gates) + gate) * Lanes;

    /// <summary>Offset, within a row, of gate <paramref name="gate"/>'s weight for output <paramref name="output"/>.</summary>
    public int Column(int gate, int output) => VectorOffset(gate, output / Lanes) + (output % Lanes);

    /// <summary>Offset of the U block.</summary>
    public int RecurrentOffset => Input * RowLength;

    /// <summary>Offset of the bias row.</summary>
    public int BiasOffset => (Input + Output) * RowLength;

    /// <summary>Offset of the recurrent bias row; meaningful only when <see cref="HasRecurrentBiasRow"/>.</summary>
    public int RecurrentBiasOffset => BiasOffset + RowLength;

    /// <summary>Floats in the packed copy.</summary>
    public long Length => ((long)Input + Output + (HasRecurrentBiasRow ? 2 : 1)) * RowLength;

    /// <summary><paramref name="value"/> rounded up to a multiple of <paramref name="lanes"/>.</summary>
    public static int Pad(int value, int lanes) => (value + lanes - 1) / lanes * lanes;
}
