using RnnGen.Generator.Models;
using static RnnGen.Generator.Emission.Members.MemberTypes;
using static RnnGen.Generator.Emission.Members.MemberText;

namespace RnnGen.Generator.Emission.Members;

/// <summary>
/// StepBatch, RunBatch and RunLastBatch: N independent sequences per call (many agents, many voices), batch-major,
/// N taken from the spans' lengths.
/// </summary>
internal static class BatchMembers
{
    public static void Add(MemberBuilder members, LayerModel model, MemberText text)
    {
        bool lstm = model.Cell == Layout.CellKind.Lstm;
        string t = text.T, i = text.I, o = text.O;
        string kernel = text.Kernel;
        string input = $"\"Input = {i}\"", output = $"\"Output = {o}\"";
        string inputs = $"\"Timesteps × Input = {t} × {i}\"", outputs = $"\"Timesteps × Output = {t} × {o}\"";
        string threads = "Independent sequences: split a large batch into slices, one per core (see the README), and call this on each.";

        if (lstm)
        {
            members.AddMethod("StepBatch", [ReadOnlySpanDisplay, SpanDisplay, SpanDisplay], $$"""
                /// <summary>Advances N independent sequences one LSTM timestep each. {{threads}}</summary>
                /// <param name="inputs">Each sequence's x_t, N×Input (N×{{i}}), batch-major: sequence n's input starts at n × {{i}}.</param>
                /// <param name="hidden">N×Output: each sequence's h_{t-1} on entry, h_t on return. Must not overlap <paramref name="inputs"/> or <paramref name="cell"/>.</param>
                /// <param name="cell">N×Output: each sequence's c_{t-1} on entry, c_t on return. Must not overlap <paramref name="inputs"/>.</param>
                /// <exception cref="global::System.ArgumentException">A length is not a whole number of rows, the spans disagree about N, or they overlap; nothing is written.</exception>
                public void StepBatch({{ReadOnlySpan}} inputs, {{Span}} hidden, {{Span}} cell)
                {
                    int count = {{Guard}}.Rows(inputs.Length, InputSize, {{input}}, nameof(inputs));
                    {{Guard}}.BatchLength(hidden.Length, count, OutputSize, {{output}}, nameof(hidden), nameof(inputs));
                    {{Guard}}.BatchLength(cell.Length, count, OutputSize, {{output}}, nameof(cell), nameof(inputs));
                    {{CheckNoOverlap("hidden", "inputs")}}
                    {{CheckNoOverlap("cell", "inputs")}}
                    {{CheckNoOverlap("hidden", "cell")}}
                    {{kernel}}.StepBatch({{WeightsField}}, {{Ref("inputs")}}, {{Ref("hidden")}}, {{Ref("cell")}}, count);
                }
                """);
        }
        else
        {
            members.AddMethod("StepBatch", [ReadOnlySpanDisplay, SpanDisplay], $$"""
                /// <summary>Advances N independent sequences one timestep each. {{threads}}</summary>
                /// <param name="inputs">Each sequence's x_t, N×Input (N×{{i}}), batch-major: sequence n's input starts at n × {{i}}.</param>
                /// <param name="states">N×Output: each sequence's h_{t-1} on entry, h_t on return. Must not overlap <paramref name="inputs"/>.</param>
                /// <exception cref="global::System.ArgumentException">A length is not a whole number of rows, the spans disagree about N, or they overlap; nothing is written.</exception>
                public void StepBatch({{ReadOnlySpan}} inputs, {{Span}} states)
                {
                    int count = {{Guard}}.Rows(inputs.Length, InputSize, {{input}}, nameof(inputs));
                    {{Guard}}.BatchLength(states.Length, count, OutputSize, {{output}}, nameof(states), nameof(inputs));
                    {{CheckNoOverlap("states", "inputs")}}
                    {{kernel}}.StepBatch({{WeightsField}}, {{Ref("inputs")}}, {{Ref("states")}}, count);
                }
                """);
        }

        string noCell = lstm ? $", ref {NullRef}" : "";
        members.AddMethod("RunBatch", [ReadOnlySpanDisplay, SpanDisplay], $$"""
            /// <summary>Runs N independent whole sequences from zero states and writes every state of each. {{threads}}</summary>
            /// <param name="inputs">N×Timesteps×Input (N×{{t}}×{{i}}), batch-major: sequence n's inputs start at n × {{t}} × {{i}}.</param>
            /// <param name="outputs">Receives N×Timesteps×Output (N×{{t}}×{{o}}), batch-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A length is not a whole number of sequences, the spans disagree about N, or they overlap; nothing is written.</exception>
            public void RunBatch({{ReadOnlySpan}} inputs, {{Span}} outputs)
            {
                int count = {{Guard}}.Rows(inputs.Length, Timesteps * InputSize, {{inputs}}, nameof(inputs));
                {{Guard}}.BatchLength(outputs.Length, count, Timesteps * OutputSize, {{outputs}}, nameof(outputs), nameof(inputs));
                {{CheckNoOverlap("outputs", "inputs")}}
                {{kernel}}.RunBatch({{WeightsField}}, {{Ref("inputs")}}, {{Ref("outputs")}}, ref {{NullRef}}{{noCell}}, count, Timesteps, writeOutputs: true, zeroState: true);
            }
            """);
        if (lstm)
        {
            members.AddMethod("RunLastBatch", [ReadOnlySpanDisplay, SpanDisplay, SpanDisplay], $$"""
                /// <summary>Runs N independent whole sequences and keeps only each one's last states; calling it again with the next chunks continues the streams. {{threads}}</summary>
                /// <param name="inputs">N×Timesteps×Input (N×{{t}}×{{i}}), batch-major.</param>
                /// <param name="hidden">N×Output: each h_{-1} on entry, h_{T-1} on return. Must not overlap <paramref name="inputs"/> or <paramref name="cell"/>.</param>
                /// <param name="cell">N×Output: each c_{-1} on entry, c_{T-1} on return. Must not overlap <paramref name="inputs"/>.</param>
                /// <exception cref="global::System.ArgumentException">A length is not a whole number of sequences, the spans disagree about N, or they overlap; nothing is written.</exception>
                public void RunLastBatch({{ReadOnlySpan}} inputs, {{Span}} hidden, {{Span}} cell)
                {
                    int count = {{Guard}}.Rows(inputs.Length, Timesteps * InputSize, {{inputs}}, nameof(inputs));
                    {{Guard}}.BatchLength(hidden.Length, count, OutputSize, {{output}}, nameof(hidden), nameof(inputs));
                    {{Guard}}.BatchLength(cell.Length, count, OutputSize, {{output}}, nameof(cell), nameof(inputs));
                    {{CheckNoOverlap("hidden", "inputs")}}
                    {{CheckNoOverlap("cell", "inputs")}}
                    {{CheckNoOverlap("hidden", "cell")}}
                    {{kernel}}.RunBatch({{WeightsField}}, {{Ref("inputs")}}, ref {{NullRef}}, {{Ref("hidden")}}, {{Ref("cell")}}, count, Timesteps, writeOutputs: false, zeroState: false);
                }
                """);
        }
        else
        {
            members.AddMethod("RunLastBatch", [ReadOnlySpanDisplay, SpanDisplay], $$"""
                /// <summary>Runs N independent whole sequences and keeps only each one's last state; calling it again with the next chunks continues the streams. {{threads}}</summary>
                /// <param name="inputs">N×Timesteps×Input (N×{{t}}×{{i}}), batch-major.</param>
                /// <param name="states">N×Output: each h_{-1} on entry, h_{T-1} on return. Must not overlap <paramref name="inputs"/>.</param>
                /// <exception cref="global::System.ArgumentException">A length is not a whole number of sequences, the spans disagree about N, or they overlap; nothing is written.</exception>
                public void RunLastBatch({{ReadOnlySpan}} inputs, {{Span}} states)
                {
                    int count = {{Guard}}.Rows(inputs.Length, Timesteps * InputSize, {{inputs}}, nameof(inputs));
                    {{Guard}}.BatchLength(states.Length, count, OutputSize, {{output}}, nameof(states), nameof(inputs));
                    {{CheckNoOverlap("states", "inputs")}}
                    {{kernel}}.RunBatch({{WeightsField}}, {{Ref("inputs")}}, ref {{NullRef}}, {{Ref("states")}}, count, Timesteps, writeOutputs: false, zeroState: false);
                }
                """);
        }
    }
}
