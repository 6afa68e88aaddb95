using RnnGen.Generator.Cells;
using RnnGen.Generator.Models;
using static RnnGen.Generator.Emission.Members.MemberTypes;
using static RnnGen.Generator.Emission.Members.MemberText;

namespace RnnGen.Generator.Emission.Members;

/// <summary>Run, RunLast and Step of a cell whose whole state is h (SimpleRNN, GRU).</summary>
internal static class SequenceMembers
{
    public static void Add(MemberBuilder members, LayerModel model, MemberText text)
    {
        string t = text.T, i = text.I, o = text.O;
        string kernel = text.Kernel;
        members.AddMethod("Run", [ReadOnlySpanDisplay, SpanDisplay], $$"""
            /// <summary>Runs the whole sequence from a zero state and writes every state h_0 .. h_{T-1}.</summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Run({{ReadOnlySpan}} inputs, {{Span}} outputs)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("outputs", "Timesteps * OutputSize", text.OutputsLength)}}
                {{CheckNoOverlap("outputs", "inputs")}}
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, {{Ref("outputs")}}, ref {{NullRef}}, Timesteps, writeOutputs: true, zeroState: true);
            }
            """);
        members.AddMethod("Run", [ReadOnlySpanDisplay, SpanDisplay, ReadOnlySpanDisplay], $$"""
            /// <summary>Runs the whole sequence from <paramref name="initialState"/> and writes every state h_0 .. h_{T-1}.</summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <param name="initialState">h_{-1}, Output ({{o}}). May lie inside <paramref name="outputs"/>: it is read in full before anything is written.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Run({{ReadOnlySpan}} inputs, {{Span}} outputs, {{ReadOnlySpan}} initialState)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("outputs", "Timesteps * OutputSize", text.OutputsLength)}}
                {{CheckLength("initialState", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("outputs", "inputs")}}
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, {{Ref("outputs")}}, {{Ref("initialState")}}, Timesteps, writeOutputs: true, zeroState: false);
            }
            """);
        members.AddMethod("RunLast", [ReadOnlySpanDisplay, SpanDisplay], $$"""
            /// <summary>
            /// Runs the whole sequence and keeps only the last state (Keras <c>return_sequences=False</c>). Calling it
            /// again with the next chunk of a stream continues the stream.
            /// </summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="state">Output ({{o}}): h_{-1} on entry, h_{T-1} on return. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void RunLast({{ReadOnlySpan}} inputs, {{Span}} state)
            {
                {{CheckLength("inputs", "Timesteps * InputSize", text.InputsLength)}}
                {{CheckLength("state", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("state", "inputs")}}
                {{kernel}}.Run({{WeightsField}}, {{Ref("inputs")}}, ref {{NullRef}}, {{Ref("state")}}, Timesteps, writeOutputs: false, zeroState: false);
            }
            """);
        string formula = model.Cell == Layout.CellKind.SimpleRnn
            ? $"<c>state = {ActivationText.Math(model.Activation, model.UseBias ? "W·input + U·state + b" : "W·input + U·state")}</c>"
            : $"one {Cell.For(model.Cell).DisplayName} timestep from <c>state</c> and <paramref name=\"input\"/>";
        members.AddMethod("Step", [ReadOnlySpanDisplay, SpanDisplay], $$"""
            /// <summary>Advances one timestep: {{formula}}.</summary>
            /// <param name="input">x_t, Input ({{i}}).</param>
            /// <param name="state">Output ({{o}}): h_{t-1} on entry, h_t on return. Must not overlap <paramref name="input"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Step({{ReadOnlySpan}} input, {{Span}} state)
            {
                {{CheckLength("input", "InputSize", text.InputLength)}}
                {{CheckLength("state", "OutputSize", text.StateLength)}}
                {{CheckNoOverlap("state", "input")}}
                {{kernel}}.Step({{WeightsField}}, {{Ref("input")}}, {{Ref("state")}});
            }
            """);
    }
}
