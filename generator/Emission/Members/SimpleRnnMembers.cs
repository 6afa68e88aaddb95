using RnnGen.Generator.Models;
using static RnnGen.Generator.Emission.Members.MemberTypes;

namespace RnnGen.Generator.Emission.Members;

/// <summary>The SimpleRNN's load and export methods: the seed layout, Keras and PyTorch.</summary>
internal static class SimpleRnnMembers
{
    public static void AddLoaders(MemberBuilder members, LayerModel model, MemberText text)
    {
        string i = text.I, o = text.O;
        string biasNote = model.UseBias ? "" : " This layer has no bias (<c>UseBias = false</c>): the bias must be all zeros.";
        members.AddMethod("LoadWeights", [ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay], $$"""
            /// <summary>Loads the weights in the seed layout: W (Output×Input), U (Output×Output), b (Output), all row-major.</summary>
            /// <param name="w">W, {{o}}×{{i}}: <c>w[o * InputSize + i]</c> multiplies input i into output o.</param>
            /// <param name="u">U, {{o}}×{{o}}: <c>u[o * OutputSize + j]</c> multiplies h_{t-1}[j] into output o.</param>
            /// <param name="b">b, {{o}}.{{biasNote}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity; nothing is loaded.</exception>
            public void LoadWeights({{ReadOnlySpan}} w, {{ReadOnlySpan}} u, {{ReadOnlySpan}} b)
            {
                {{WeightsField}}.LoadSeed(w, u, b);
                {{PrepareMethod}}();
            }
            """);
        members.AddMethod("LoadKerasWeights", [ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay], $$"""
            /// <summary>Loads the weights of a Keras <c>SimpleRNN</c> layer, as <c>layer.get_weights()</c> returns them.</summary>
            /// <param name="kernel">kernel, Input×Output ({{i}}×{{o}}).</param>
            /// <param name="recurrentKernel">recurrent_kernel, Output×Output ({{o}}×{{o}}); row j holds the weights from h_j.</param>
            /// <param name="bias">bias, {{o}}.{{biasNote}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity; nothing is loaded.</exception>
            public void LoadKerasWeights({{ReadOnlySpan}} kernel, {{ReadOnlySpan}} recurrentKernel, {{ReadOnlySpan}} bias)
            {
                {{WeightsField}}.LoadKeras(kernel, recurrentKernel, bias);
                {{PrepareMethod}}();
            }
            """);
        members.AddMethod("LoadPyTorchWeights", [ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay], $$"""
            /// <summary>Loads the weights of layer 0 of a <c>torch.nn.RNN</c>; the bias is <c>bias_ih + bias_hh</c>.</summary>
            /// <param name="weightIh">weight_ih_l0, {{o}}×{{i}}.</param>
            /// <param name="weightHh">weight_hh_l0, {{o}}×{{o}}.</param>
            /// <param name="biasIh">bias_ih_l0, {{o}}.{{biasNote}}</param>
            /// <param name="biasHh">bias_hh_l0, {{o}}.{{biasNote}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity, or the two biases sum beyond float's range; nothing is loaded.</exception>
            public void LoadPyTorchWeights({{ReadOnlySpan}} weightIh, {{ReadOnlySpan}} weightHh, {{ReadOnlySpan}} biasIh, {{ReadOnlySpan}} biasHh)
            {
                {{WeightsField}}.LoadPyTorch(weightIh, weightHh, biasIh, biasHh);
                {{PrepareMethod}}();
            }
            """);
        members.AddMethod("ExportWeights", [SpanDisplay, SpanDisplay, SpanDisplay], $$"""
            /// <summary>Copies the weights out in the seed layout (see <see cref="LoadWeights"/>).</summary>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length; nothing is written.</exception>
            public void ExportWeights({{Span}} w, {{Span}} u, {{Span}} b) => {{WeightsField}}.Export(w, u, b);
            """);
    }
}
