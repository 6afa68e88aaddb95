using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Layout;
using static RnnGen.Generator.Emission.Members.MemberTypes;

namespace RnnGen.Generator.Emission.Members;

/// <summary>The load and export methods of a GRU or an LSTM, in the Keras and PyTorch layouts.</summary>
internal static class GatedMembers
{
    public static void AddLoaders(MemberBuilder members, LayerModel model, MemberText text)
    {
        bool gru = model.Cell == CellKind.Gru;
        int gates = model.Gates;
        string i = text.I, o = text.O, rows = Invariant.Int(gates * model.Output), g = Invariant.Int(gates);
        string layer = gru ? "GRU" : "LSTM";
        string kerasOrder = gru ? "z, r, h" : "i, f, c, o";
        string biasNote = model.UseBias ? "" : " This layer has no bias (<c>UseBias = false</c>): every bias must be zero.";
        string kerasBias = gru && model.ResetAfter
            ? $"bias, 2×{g}·Output (2×{rows}): the input biases, then the recurrent biases (<c>reset_after=True</c>).{biasNote}"
            : $"bias, {g}·Output ({rows}).{biasNote}";
        members.AddMethod("LoadKerasWeights", [ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay], $$"""
            /// <summary>Loads the weights of a Keras <c>{{layer}}</c> layer, as <c>layer.get_weights()</c> returns them (gate blocks {{kerasOrder}}).</summary>
            /// <param name="kernel">kernel, Input×{{g}}·Output ({{i}}×{{rows}}).</param>
            /// <param name="recurrentKernel">recurrent_kernel, Output×{{g}}·Output ({{o}}×{{rows}}); row j holds the weights from h_j.</param>
            /// <param name="bias">{{kerasBias}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity; nothing is loaded.</exception>
            public void LoadKerasWeights({{ReadOnlySpan}} kernel, {{ReadOnlySpan}} recurrentKernel, {{ReadOnlySpan}} bias)
            {
                {{WeightsField}}.LoadKeras(kernel, recurrentKernel, bias);
                {{PrepareMethod}}();
            }
            """);
        if (MemberCatalog.HasPyTorchLayout(model))
        {
            string module = gru ? "torch.nn.GRU" : "torch.nn.LSTM";
            string torchOrder = gru ? "r, z, n" : "i, f, g, o";
            string sum = gru ? "" : " The bias is <c>bias_ih + bias_hh</c>.";
            members.AddMethod("LoadPyTorchWeights", [ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay], $$"""
                /// <summary>Loads the weights of layer 0 of a <c>{{module}}</c> (gate blocks {{torchOrder}}).{{sum}}</summary>
                /// <param name="weightIh">weight_ih_l0, {{g}}·Output×Input ({{rows}}×{{i}}).</param>
                /// <param name="weightHh">weight_hh_l0, {{g}}·Output×Output ({{rows}}×{{o}}).</param>
                /// <param name="biasIh">bias_ih_l0, {{rows}}.{{biasNote}}</param>
                /// <param name="biasHh">bias_hh_l0, {{rows}}.{{biasNote}}</param>
                /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity, or two biases the kernel adds sum beyond float's range; nothing is loaded.</exception>
                public void LoadPyTorchWeights({{ReadOnlySpan}} weightIh, {{ReadOnlySpan}} weightHh, {{ReadOnlySpan}} biasIh, {{ReadOnlySpan}} biasHh)
                {
                    {{WeightsField}}.LoadPyTorch(weightIh, weightHh, biasIh, biasHh);
                    {{PrepareMethod}}();
                }
                """);
        }

        members.AddMethod("ExportKerasWeights", [SpanDisplay, SpanDisplay, SpanDisplay], $$"""
            /// <summary>Copies the weights out in the Keras layout (see <see cref="LoadKerasWeights"/>).</summary>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length; nothing is written.</exception>
            public void ExportKerasWeights({{Span}} kernel, {{Span}} recurrentKernel, {{Span}} bias) => {{WeightsField}}.ExportKeras(kernel, recurrentKernel, bias);
            """);
    }
}
