using System.Collections.Generic;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Cells;

/// <summary>The Elman cell: <c>h' = act(W·x + U·h + b)</c>.</summary>
internal sealed class SimpleRnnCell : Cell
{
    public static SimpleRnnCell Instance { get; } = new();

    public override CellKind Kind => CellKind.SimpleRnn;

    public override string DisplayName => "SimpleRNN";

    public override string AttributeName => "SimpleRnn";

    public override IReadOnlyList<CellPhase> Phases(LayerModel model)
        => [new CellPhase([new Slot("acc", 0, Input: true, Recurrent: true, Bias(model, BiasSource.Main))], RecurrentOperand.Hidden)];

    public override void WriteEpilogue(LayerModel model, int phase, IEpilogueWriter writer)
        => writer.StoreHidden(writer.Activate(model.Activation, writer.Sum("acc")));

    public override IReadOnlyList<string> Formula(LayerModel model)
        => ["h_t = " + Math(model.Activation, model.UseBias ? "W·x_t + U·h_{t-1} + b" : "W·x_t + U·h_{t-1}")];

    public override string GateOrder(LayerModel model) => "one gate";
}
