using System.Collections.Generic;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Cells;

/// <summary>
/// A recurrent cell as the generator sees it: its gates and their accumulators, the mathematics that turns the
/// sums into the new state, and how the header explains it. The kernels, the plan and the members are the same
/// for every cell; what differs lives in one subclass per cell.
/// </summary>
internal abstract class Cell
{
    public abstract CellKind Kind { get; }

    /// <summary>The cell's name in text: <c>SimpleRNN</c>, <c>GRU</c>, <c>LSTM</c>.</summary>
    public abstract string DisplayName { get; }

    /// <summary>The attribute's name without <c>Attribute</c>, also the file and kernel-class name: <c>SimpleRnn</c>, <c>Gru</c>, <c>Lstm</c>.</summary>
    public abstract string AttributeName { get; }

    /// <summary>The attribute's metadata name.</summary>
    public string AttributeMetadataName => "RnnGen." + AttributeName + "Attribute";

    /// <summary>Whether the cell carries a cell state c besides h (LSTM).</summary>
    public virtual bool HasCellState => false;

    /// <summary>The matrix-vector products of one timestep, in order.</summary>
    public abstract IReadOnlyList<CellPhase> Phases(LayerModel model);

    /// <summary>Rows of P floats a timestep needs besides the states (a GRU without ResetAfter keeps z and r ⊙ h there).</summary>
    public virtual IReadOnlyList<string> ScratchRows(LayerModel model) => [];

    /// <summary>Turns phase <paramref name="phase"/>'s sums for one chunk into state (or scratch) values.</summary>
    public abstract void WriteEpilogue(LayerModel model, int phase, IEpilogueWriter writer);

    /// <summary>The formula, one line each, for the header and the documentation comments.</summary>
    public abstract IReadOnlyList<string> Formula(LayerModel model);

    /// <summary>The gates in packed order, with their meaning, for the header.</summary>
    public abstract string GateOrder(LayerModel model);

    public static Cell For(CellKind kind) => kind switch
    {
        CellKind.Gru => GruCell.Instance,
        CellKind.Lstm => LstmCell.Instance,
        _ => SimpleRnnCell.Instance,
    };

    public static IReadOnlyList<Cell> All { get; } = [SimpleRnnCell.Instance, GruCell.Instance, LstmCell.Instance];

    /// <summary>σ(x) or act(x) in formulas: the activation's mathematical name.</summary>
    protected static string Math(ActivationKind activation, string value)
        => activation == ActivationKind.Linear ? value : activation.ToString().ToLowerInvariant() + "(" + value + ")";

    /// <summary>The bias slot kind for a layer with or without biases.</summary>
    protected static BiasSource Bias(LayerModel model, BiasSource source) => model.UseBias ? source : BiasSource.None;
}
