using RnnGen.Generator.Models;
using static RnnGen.Generator.Emission.Members.MemberTypes;
using static RnnGen.Generator.Emission.Members.MemberText;

namespace RnnGen.Generator.Emission.Members;

/// <summary>Run, RunLast, RunStream and Step of an LSTM, whose state is the hidden state h and the cell state c.</summary>
internal static class LstmSequenceMembers
{
    public static void Add(MemberBuilder members, LayerModel model, MemberText text)
    {
        string t = text.T, i = text.I, o = text.O;
        string kernel = text.Kernel;
        members.AddMethod("Run", [ReadOnlySpanDisplay, SpanDisplay], $$"""
            /// <summary>Runs the whole sequence from zero states and writes every hidden state h_0 .. h_{T-1}.</summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Run({{ReadOnlySpan}} inputs, {{Span}} outputs)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("outputs", "Timesteps * OutputSize", text.OutputsLength)}}
                {{CheckNoOverlap("outputs", "inputs")}}
                {{Span}} cell = stackalloc float[OutputSize];
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, {{Ref("outputs")}}, ref {{NullRef}}, {{Ref("cell")}}, Timesteps, writeOutputs: true, zeroState: true);
            }
            """);
        members.AddMethod("Run", [ReadOnlySpanDisplay, SpanDisplay, ReadOnlySpanDisplay, ReadOnlySpanDisplay], $$"""
            /// <summary>Runs the whole sequence from the given states and writes every hidden state h_0 .. h_{T-1}.</summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <param name="initialHidden">h_{-1}, Output ({{o}}). May lie inside <paramref name="outputs"/>: it is read in full before anything is written.</param>
            /// <param name="initialCell">c_{-1}, Output ({{o}}); copied before anything is written.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Run({{ReadOnlySpan}} inputs, {{Span}} outputs, {{ReadOnlySpan}} initialHidden, {{ReadOnlySpan}} initialCell)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("outputs", "Timesteps * OutputSize", text.OutputsLength)}}
                {{CheckLength("initialHidden", "OutputSize", text.StateLength)}}
                {{CheckLength("initialCell", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("outputs", "inputs")}}
                {{Span}} cell = stackalloc float[OutputSize];
                initialCell.CopyTo(cell);
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, {{Ref("outputs")}}, {{Ref("initialHidden")}}, {{Ref("cell")}}, Timesteps, writeOutputs: true, zeroState: false);
            }
            """);
        members.AddMethod("RunLast", [ReadOnlySpanDisplay, SpanDisplay, SpanDisplay], $$"""
            /// <summary>
            /// Runs the whole sequence and keeps only the last states (Keras <c>return_sequences=False</c>). Calling it
            /// again with the next chunk of a stream continues the stream.
            /// </summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="hidden">Output ({{o}}): h_{-1} on entry, h_{T-1} on return. Must not overlap <paramref name="inputs"/> or <paramref name="cell"/>.</param>
            /// <param name="cell">Output ({{o}}): c_{-1} on entry, c_{T-1} on return. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void RunLast({{ReadOnlySpan}} inputs, {{Span}} hidden, {{Span}} cell)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("hidden", "OutputSize", text.StateLength)}}
                {{CheckLength("cell", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("hidden", "inputs")}}
                {{CheckNoOverlap("cell", "inputs")}}
                {{CheckNoOverlap("hidden", "cell")}}
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, ref {{NullRef}}, {{Ref("hidden")}}, {{Ref("cell")}}, Timesteps, writeOutputs: false, zeroState: false);
            }
            """);
        members.AddMethod("RunStream", [ReadOnlySpanDisplay, SpanDisplay, SpanDisplay, SpanDisplay], $$"""
            /// <summary>
            /// Runs one block of a stream: from the states in <paramref name="hidden"/> and <paramref name="cell"/>, writes
            /// every hidden state h_0 .. h_{T-1} and leaves the last states in <paramref name="hidden"/> and
            /// <paramref name="cell"/>, so that the next call continues the stream (PyTorch's <c>lstm(x, (h, c))</c>).
            /// </summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <param name="hidden">Output ({{o}}): h_{-1} on entry, h_{T-1} on return. Must not overlap any other span.</param>
            /// <param name="cell">Output ({{o}}): c_{-1} on entry, c_{T-1} on return. Must not overlap any other span.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void RunStream({{ReadOnlySpan}} inputs, {{Span}} outputs, {{Span}} hidden, {{Span}} cell)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("outputs", "Timesteps * OutputSize", text.OutputsLength)}}
                {{CheckLength("hidden", "OutputSize", text.StateLength)}}
                {{CheckLength("cell", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("outputs", "inputs")}}
                {{CheckNoOverlap("hidden", "inputs")}}
                {{CheckNoOverlap("hidden", "outputs")}}
                {{CheckNoOverlap("cell", "inputs")}}
                {{CheckNoOverlap("cell", "outputs")}}
                {{CheckNoOverlap("hidden", "cell")}}
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, {{Ref("outputs")}}, {{Ref("hidden")}}, {{Ref("cell")}}, Timesteps, writeOutputs: true, zeroState: false);
                outputs.Slice((Timesteps - 1) * OutputSize).CopyTo(hidden);
            }
            """);
        members.AddMethod("Step", [ReadOnlySpanDisplay, SpanDisplay, SpanDisplay], $$"""
            /// <summary>Advances one LSTM timestep: both states are read and replaced in place.</summary>
            /// <param name="input">x_t, Input ({{i}}).</param>
            /// <param name="hidden">Output ({{o}}): h_{t-1} on entry, h_t on return. Must not overlap <paramref name="input"/> or <paramref name="cell"/>.</param>
            /// <param name="cell">Output ({{o}}): c_{t-1} on entry, c_t on return. Must not overlap <paramref name="input"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Step({{ReadOnlySpan}} input, {{Span}} hidden, {{Span}} cell)
            {
                {{CheckLength("input", "InputSize", text.InputLength)}}
                {{CheckLength("hidden", "OutputSize", text.StateLength)}}
                {{CheckLength("cell", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("hidden", "input")}}
                {{CheckNoOverlap("cell", "input")}}
                {{CheckNoOverlap("hidden", "cell")}}
                {{kernel}}.Step({{WeightsField}}, {{Ref("input")}}, {{Ref("hidden")}}, {{Ref("cell")}});
            }
            """);
    }
}
