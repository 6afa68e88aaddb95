using System.Collections.Generic;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Cells;

/// <summary>The LSTM: gates i, f, g, o; <c>c' = f ⊙ c + i ⊙ g</c>, <c>h' = o ⊙ act(c')</c>.</summary>
internal sealed class LstmCell : Cell
{
    public static LstmCell Instance { get; } = new();

    public override CellKind Kind => CellKind.Lstm;

    public override string DisplayName => "LSTM";

    public override string AttributeName => "Lstm";

    public override bool HasCellState => true;

    public override IReadOnlyList<CellPhase> Phases(LayerModel model)
    {
        BiasSource bias = Bias(model, BiasSource.Main);
        return
        [
            new CellPhase(
                [
                    new Slot("i", 0, Input: true, Recurrent: true, bias),
                    new Slot("f", 1, Input: true, Recurrent: true, bias),
                    new Slot("g", 2, Input: true, Recurrent: true, bias),
                    new Slot("o", 3, Input: true, Recurrent: true, bias),
                ],
                RecurrentOperand.Hidden),
        ];
    }

    public override void WriteEpilogue(LayerModel model, int phase, IEpilogueWriter writer)
    {
        string i = writer.Let("i", writer.Activate(model.RecurrentActivation, writer.Sum("i")));
        string f = writer.Let("f", writer.Activate(model.RecurrentActivation, writer.Sum("f")));
        string g = writer.Let("g", writer.Activate(model.Activation, writer.Sum("g")));
        string o = writer.Let("o", writer.Activate(model.RecurrentActivation, writer.Sum("o")));
        string c = writer.Let("c", writer.MultiplyAdd(f, writer.CellPrevious, $"{i} * {g}"));
        writer.StoreCell(c);
        writer.StoreHidden($"{o} * {writer.Activate(model.Activation, c)}");
    }

    public override IReadOnlyList<string> Formula(LayerModel model)
    {
        string Gate(string name, ActivationKind activation)
            => $"{name} = {Math(activation, $"W_{name}·x + U_{name}·h" + (model.UseBias ? $" + b_{name}" : ""))}";

        return
        [
            Gate("i", model.RecurrentActivation) + ",  " + Gate("f", model.RecurrentActivation),
            Gate("g", model.Activation) + ",  " + Gate("o", model.RecurrentActivation),
            "c' = f ⊙ c + i ⊙ g,  h' = o ⊙ " + Math(model.Activation, "c'"),
        ];
    }

    public override string GateOrder(LayerModel model) => "i, f, g, o (Keras i, f, c, o; PyTorch i, f, g, o)";
}
