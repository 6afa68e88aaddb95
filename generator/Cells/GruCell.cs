using System.Collections.Generic;
using RnnGen.Generator.Models;
using RnnGen.Layout;

namespace RnnGen.Generator.Cells;

/// <summary>
/// The GRU: update gate z, reset gate r, candidate n, <c>h' = z ⊙ h + (1 − z) ⊙ n</c>, computed as
/// <c>n + z ⊙ (h − n)</c>. With ResetAfter the reset gate multiplies <c>U_n·h + b_hn</c>, so gate n's input and
/// recurrent parts are summed apart in one product; without it, it multiplies h before a second product.
/// </summary>
internal sealed class GruCell : Cell
{
    private const string UpdateRow = "update";
    private const string ResetHiddenRow = "resetHidden";

    public static GruCell Instance { get; } = new();

    public override CellKind Kind => CellKind.Gru;

    public override string DisplayName => "GRU";

    public override string AttributeName => "Gru";

    public override IReadOnlyList<CellPhase> Phases(LayerModel model)
    {
        Slot z = new("z", 0, Input: true, Recurrent: true, Bias(model, BiasSource.Main));
        Slot r = new("r", 1, Input: true, Recurrent: true, Bias(model, BiasSource.Main));
        if (model.ResetAfter)
        {
            Slot xn = new("xn", 2, Input: true, Recurrent: false, Bias(model, BiasSource.Main));
            Slot hn = new("hn", 2, Input: false, Recurrent: true, Bias(model, BiasSource.Recurrent));
            return [new CellPhase([z, r, xn, hn], RecurrentOperand.Hidden)];
        }

        Slot n = new("n", 2, Input: true, Recurrent: true, Bias(model, BiasSource.Main));
        return [new CellPhase([z, r], RecurrentOperand.Hidden), new CellPhase([n], RecurrentOperand.ResetHidden)];
    }

    public override IReadOnlyList<string> ScratchRows(LayerModel model) => model.ResetAfter ? [] : [UpdateRow, ResetHiddenRow];

    public override void WriteEpilogue(LayerModel model, int phase, IEpilogueWriter writer)
    {
        if (model.ResetAfter)
        {
            string z = writer.Let("z", writer.Activate(model.RecurrentActivation, writer.Sum("z")));
            string r = writer.Let("r", writer.Activate(model.RecurrentActivation, writer.Sum("r")));
            string n = writer.Let("n", writer.Activate(model.Activation, writer.MultiplyAdd(r, writer.Sum("hn"), writer.Sum("xn"))));
            writer.StoreHidden(writer.MultiplyAdd(z, $"{writer.HiddenPrevious} - {n}", n));
            return;
        }

        if (phase == 0)
        {
            writer.Comment("z waits in a scratch row; r ⊙ h is the operand of the candidate's product.");
            writer.StoreScratch(UpdateRow, writer.Activate(model.RecurrentActivation, writer.Sum("z")));
            string r = writer.Let("r", writer.Activate(model.RecurrentActivation, writer.Sum("r")));
            writer.StoreScratch(ResetHiddenRow, $"{r} * {writer.HiddenPrevious}");
            return;
        }

        string candidate = writer.Let("n", writer.Activate(model.Activation, writer.Sum("n")));
        writer.StoreHidden(writer.MultiplyAdd(writer.LoadScratch(UpdateRow), $"{writer.HiddenPrevious} - {candidate}", candidate));
    }

    public override IReadOnlyList<string> Formula(LayerModel model)
    {
        string b = model.UseBias ? " + b_z" : "";
        string br = model.UseBias ? " + b_r" : "";
        string z = $"z = {Math(model.RecurrentActivation, "W_z·x + U_z·h" + b)}";
        string r = $"r = {Math(model.RecurrentActivation, "W_r·x + U_r·h" + br)}";
        string n = model.ResetAfter
            ? "n = " + Math(model.Activation, model.UseBias ? "W_n·x + b_xn + r ⊙ (U_n·h + b_hn)" : "W_n·x + r ⊙ (U_n·h)")
            : "n = " + Math(model.Activation, model.UseBias ? "W_n·x + U_n·(r ⊙ h) + b_n" : "W_n·x + U_n·(r ⊙ h)");
        return [z + ",  " + r, n, "h' = z ⊙ h + (1 − z) ⊙ n"];
    }

    public override string GateOrder(LayerModel model)
        => model.ResetAfter
            ? "z, r, n (Keras z, r, h; PyTorch's r, z, n reordered at load time)"
            : "z, r, n (Keras z, r, h)";
}
