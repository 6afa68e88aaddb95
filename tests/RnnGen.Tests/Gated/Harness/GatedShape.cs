namespace RnnGen.Tests.Gated.Harness;

/// <summary>The two gated cells.</summary>
public enum GatedCell
{
    Gru,
    Lstm,
}

/// <summary>The shape and options of one generated GRU or LSTM, and the span lengths its members take.</summary>
public sealed record GatedShape(
    string Name,
    GatedCell Cell,
    int Timesteps,
    int Input,
    int Output,
    RnnActivation Activation,
    RnnActivation RecurrentActivation,
    bool UseBias,
    bool ResetAfter)
{
    public bool IsLstm => Cell == GatedCell.Lstm;

    /// <summary>G: 3 for a GRU, 4 for an LSTM.</summary>
    public int Gates => IsLstm ? 4 : 3;

    /// <summary>G·O: the rows of every gate together.</summary>
    public int GateRows => Gates * Output;

    /// <summary>2 for a GRU with ResetAfter (input biases, then recurrent biases), else 1.</summary>
    public int KerasBiasRows => !IsLstm && ResetAfter ? 2 : 1;

    /// <summary>PyTorch has no GRU whose reset gate comes before the product.</summary>
    public bool HasPyTorchLayout => IsLstm || ResetAfter;

    /// <summary>Length of <c>inputs</c> for Run and RunLast: T×I.</summary>
    public int InputsLength => Timesteps * Input;

    /// <summary>Length of <c>outputs</c> for Run: T×O.</summary>
    public int OutputsLength => Timesteps * Output;

    /// <summary>Keras kernel: I×G·O.</summary>
    public int KernelLength => Input * GateRows;

    /// <summary>Keras recurrent kernel: O×G·O.</summary>
    public int RecurrentKernelLength => Output * GateRows;

    /// <summary>Keras bias: G·O, or 2×3·O for a GRU with ResetAfter.</summary>
    public int KerasBiasLength => KerasBiasRows * GateRows;

    /// <summary>The cell state's length: O for an LSTM; a GRU has none.</summary>
    public int CellLength => IsLstm ? Output : 0;

    /// <summary>
    /// Where element <paramref name="index"/> of a G·O vector in Keras's gate order lies in PyTorch's: a GRU's first
    /// two blocks of O swap places (z, r against r, z); an LSTM's order is the same. The mapping is its own inverse.
    /// </summary>
    public int PyTorchIndex(int index)
    {
        int gate = index / Output;
        return IsLstm || gate == 2 ? index : ((1 - gate) * Output) + (index % Output);
    }

    public override string ToString() => Name;
}
