using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Generator.Planning;

namespace RnnGen.Generator.Emission;

/// <summary>The public surface added to the user's class (see CONTRACT): constants, loaders, Run, RunLast, Step.</summary>
internal static class MembersEmitter
{
    private const string Guard = "global::RnnGen.Kernels.SpanGuard";
    private const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    private const string Span = "global::System.Span<float>";
    private const string NullRef = "global::System.Runtime.CompilerServices.Unsafe.NullRef<float>()";
    private const string Weights = GeneratedMembers.WeightsField;
    private const string Prepare = GeneratedMembers.PrepareMethod;

    public static void WriteClassRemarks(IndentedTextWriter writer, KernelPlan plan)
    {
        SimpleRnnModel model = plan.Model;
        writer.WriteLine("/// <remarks>");
        writer.WriteLine($"/// RnnGen generated a SimpleRNN kernel for this class: <c>{ActivationText.Formula(model.Activation, model.UseBias)}</c>, with");
        writer.WriteLine($"/// Timesteps = {Invariant.Int(model.Timesteps)}, Input = {Invariant.Int(model.Input)}, Output = {Invariant.Int(model.Output)}. Load weights once, then call");
        writer.WriteLine("/// <c>Run</c>, <c>RunLast</c> or <c>Step</c> from any number of threads; they allocate nothing.");
        writer.WriteLine("/// </remarks>");
    }

    public static void Write(IndentedTextWriter writer, KernelPlan plan, EmbeddedWeights? embedded)
    {
        SimpleRnnModel model = plan.Model;
        string t = Invariant.Int(model.Timesteps), i = Invariant.Int(model.Input), o = Invariant.Int(model.Output);
        string kernel = $"global::{SimpleRnnEmitter.KernelNamespace}.{SimpleRnnEmitter.KernelClass}";

        WriteConstant(writer, "Timesteps", t, "Sequence length T: the timesteps one <c>Run</c> processes.");
        WriteConstant(writer, "InputSize", i, "Input features I per timestep.");
        WriteConstant(writer, "OutputSize", o, "Output features O (units): the length of the state and of each output row.");

        writer.WriteLine("/// <summary>The weights, all zero until a load method is called.</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
        writer.WriteLine($"private readonly global::RnnGen.Weights.SimpleRnnWeights {Weights} = new(InputSize, OutputSize, useBias: {(model.UseBias ? "true" : "false")});");
        writer.WriteLine();
        WriteMember(writer, $$"""
            /// <summary>
            /// Every load method calls it, so the JIT compiles this machine's kernels, and Step with its argument checks,
            /// when the weights are loaded (the first compilation takes milliseconds) rather than in the caller's first hot call.
            /// </summary>
            private void {{Prepare}}()
            {
                {{kernel}}.Prepare({{Weights}});
                {{Span}} state = stackalloc float[OutputSize];
                Step(new float[InputSize], state);
            }
            """);

        string biasNote = model.UseBias ? "" : " This layer has no bias (<c>UseBias = false</c>): the bias must be all zeros.";
        WriteMember(writer, $$"""
            /// <summary>Loads the weights in the seed layout: W (Output×Input), U (Output×Output), b (Output), all row-major.</summary>
            /// <param name="w">W, {{o}}×{{i}}: <c>w[o * InputSize + i]</c> multiplies input i into output o.</param>
            /// <param name="u">U, {{o}}×{{o}}: <c>u[o * OutputSize + j]</c> multiplies h_{t-1}[j] into output o.</param>
            /// <param name="b">b, {{o}}.{{biasNote}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity; nothing is loaded.</exception>
            public void LoadWeights({{ReadOnlySpan}} w, {{ReadOnlySpan}} u, {{ReadOnlySpan}} b)
            {
                {{Weights}}.LoadSeed(w, u, b);
                {{Prepare}}();
            }
            """);
        WriteMember(writer, $$"""
            /// <summary>Loads the weights of a Keras <c>SimpleRNN</c> layer, as <c>layer.get_weights()</c> returns them.</summary>
            /// <param name="kernel">kernel, Input×Output ({{i}}×{{o}}).</param>
            /// <param name="recurrentKernel">recurrent_kernel, Output×Output ({{o}}×{{o}}); row j holds the weights from h_j.</param>
            /// <param name="bias">bias, {{o}}.{{biasNote}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity; nothing is loaded.</exception>
            public void LoadKerasWeights({{ReadOnlySpan}} kernel, {{ReadOnlySpan}} recurrentKernel, {{ReadOnlySpan}} bias)
            {
                {{Weights}}.LoadKeras(kernel, recurrentKernel, bias);
                {{Prepare}}();
            }
            """);
        WriteMember(writer, $$"""
            /// <summary>Loads the weights of layer 0 of a <c>torch.nn.RNN</c>; the bias is <c>bias_ih + bias_hh</c>.</summary>
            /// <param name="weightIh">weight_ih_l0, {{o}}×{{i}}.</param>
            /// <param name="weightHh">weight_hh_l0, {{o}}×{{o}}.</param>
            /// <param name="biasIh">bias_ih_l0, {{o}}.{{biasNote}}</param>
            /// <param name="biasHh">bias_hh_l0, {{o}}.{{biasNote}}</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length or holds NaN or infinity, or biasIh + biasHh overflows to infinity; nothing is loaded.</exception>
            public void LoadPyTorchWeights({{ReadOnlySpan}} weightIh, {{ReadOnlySpan}} weightHh, {{ReadOnlySpan}} biasIh, {{ReadOnlySpan}} biasHh)
            {
                {{Weights}}.LoadPyTorch(weightIh, weightHh, biasIh, biasHh);
                {{Prepare}}();
            }
            """);
        string biasFile = model.UseBias ? "" : " (absent, or all zeros: the layer has no bias)";
        WriteMember(writer, $$"""
            /// <summary>
            /// Loads a Keras <c>SimpleRNN</c> layer from an <c>.npz</c> file: arrays <c>kernel</c> ({{i}}×{{o}}),
            /// <c>recurrent_kernel</c> ({{o}}×{{o}}) and <c>bias</c> ({{o}}){{biasFile}}, or <c>arr_0</c>, <c>arr_1</c>, <c>arr_2</c> as
            /// <c>np.savez(path, *layer.get_weights())</c> writes them. float32, float64 and float16 are accepted.
            /// </summary>
            /// <exception cref="global::System.IO.InvalidDataException">The file is malformed; nothing is loaded.</exception>
            /// <exception cref="global::System.ArgumentException">The file does not fit this layer (a tensor is missing or has another shape, or holds NaN or infinity); nothing is loaded.</exception>
            public void LoadKerasNpz(string path)
            {
                {{Weights}}.LoadKerasNpz(path);
                {{Prepare}}();
            }
            """);
        WriteMember(writer, $$"""
            /// <inheritdoc cref="LoadKerasNpz(string)"/>
            public void LoadKerasNpz(global::System.IO.Stream stream)
            {
                {{Weights}}.LoadKerasNpz(stream);
                {{Prepare}}();
            }
            """);
        WriteMember(writer, $$"""
            /// <summary>
            /// Loads layer 0 of a <c>torch.nn.RNN</c> from a safetensors file of its <c>state_dict()</c>:
            /// <c>{prefix}weight_ih_l0</c> ({{o}}×{{i}}), <c>{prefix}weight_hh_l0</c> ({{o}}×{{o}}), <c>{prefix}bias_ih_l0</c> and
            /// <c>{prefix}bias_hh_l0</c> ({{o}}){{biasFile}}. float32, float64, float16 and bfloat16 are accepted.
            /// </summary>
            /// <param name="path">The file.</param>
            /// <param name="prefix">The key prefix of the layer inside the file, such as <c>rnn.</c>.</param>
            /// <exception cref="global::System.IO.InvalidDataException">The file is malformed; nothing is loaded.</exception>
            /// <exception cref="global::System.ArgumentException">The file does not fit this layer (a tensor is missing or has another shape, or holds NaN or infinity, or the two biases sum to infinity); nothing is loaded.</exception>
            public void LoadPyTorchSafetensors(string path, string prefix = "")
            {
                {{Weights}}.LoadPyTorchSafetensors(path, prefix);
                {{Prepare}}();
            }
            """);
        WriteMember(writer, $$"""
            /// <inheritdoc cref="LoadPyTorchSafetensors(string, string)"/>
            /// <param name="stream">The file's content.</param>
            /// <param name="prefix">The key prefix of the layer inside the file, such as <c>rnn.</c>.</param>
            public void LoadPyTorchSafetensors(global::System.IO.Stream stream, string prefix = "")
            {
                {{Weights}}.LoadPyTorchSafetensors(stream, prefix);
                {{Prepare}}();
            }
            """);
        if (embedded is not null)
        {
            string self = model.Hierarchy.Self.NameWithTypeParameters;
            WriteMember(writer, $$"""
                /// <summary>
                /// A new instance holding the weights compiled in from <c>{{embedded.SourcePath}}</c> ({{embedded.Format}}):
                /// no file access, no parsing at run time.
                /// </summary>
                public static {{self}} CreateWithEmbeddedWeights()
                {
                    var model = new {{self}}();
                    model.LoadWeights({{EmbeddedWeightsEmitter.Reference("W")}}, {{EmbeddedWeightsEmitter.Reference("U")}}, {{EmbeddedWeightsEmitter.Reference("B")}});
                    return model;
                }
                """);
        }

        WriteMember(writer, $$"""
            /// <summary>Copies the weights out in the seed layout (see <see cref="LoadWeights"/>).</summary>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length; nothing is written.</exception>
            public void ExportWeights({{Span}} w, {{Span}} u, {{Span}} b) => {{Weights}}.Export(w, u, b);
            """);

        string inputsLength = $"\"Timesteps × Input = {t} × {i}\"";
        string outputsLength = $"\"Timesteps × Output = {t} × {o}\"";
        string stateLength = $"\"Output = {o}\"";
        string inputLength = $"\"Input = {i}\"";

        WriteMember(writer, $$"""
            /// <summary>Runs the whole sequence from a zero state and writes every state h_0 .. h_{T-1}.</summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Run({{ReadOnlySpan}} inputs, {{Span}} outputs)
            {
                {{Guard}}.Length(inputs.Length, Timesteps * InputSize, {{inputsLength}}, nameof(inputs));
                {{Guard}}.Length(outputs.Length, Timesteps * OutputSize, {{outputsLength}}, nameof(outputs));
                {{Guard}}.NoOverlap(outputs, inputs, nameof(outputs), nameof(inputs));
                {{kernel}}.Run({{Weights}}, ref {{MemoryMarshal}}.GetReference(inputs), ref {{MemoryMarshal}}.GetReference(outputs), ref {{NullRef}}, Timesteps, writeOutputs: true, zeroState: true);
            }
            """);
        WriteMember(writer, $$"""
            /// <summary>Runs the whole sequence from <paramref name="initialState"/> and writes every state h_0 .. h_{T-1}.</summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="outputs">Receives h_0 .. h_{T-1}, Timesteps×Output ({{t}}×{{o}}), row-major. Must not overlap <paramref name="inputs"/>.</param>
            /// <param name="initialState">h_{-1}, Output ({{o}}). May lie inside <paramref name="outputs"/>: it is read in full before anything is written.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Run({{ReadOnlySpan}} inputs, {{Span}} outputs, {{ReadOnlySpan}} initialState)
            {
                {{Guard}}.Length(inputs.Length, Timesteps * InputSize, {{inputsLength}}, nameof(inputs));
                {{Guard}}.Length(outputs.Length, Timesteps * OutputSize, {{outputsLength}}, nameof(outputs));
                {{Guard}}.Length(initialState.Length, OutputSize, {{stateLength}}, nameof(initialState));
                {{Guard}}.NoOverlap(outputs, inputs, nameof(outputs), nameof(inputs));
                {{kernel}}.Run({{Weights}}, ref {{MemoryMarshal}}.GetReference(inputs), ref {{MemoryMarshal}}.GetReference(outputs), ref {{MemoryMarshal}}.GetReference(initialState), Timesteps, writeOutputs: true, zeroState: false);
            }
            """);
        WriteMember(writer, $$"""
            /// <summary>
            /// Runs the whole sequence and keeps only the last state (Keras <c>return_sequences=False</c>). Calling it
            /// again with the next chunk of a stream continues the stream.
            /// </summary>
            /// <param name="inputs">x_0 .. x_{T-1}, Timesteps×Input ({{t}}×{{i}}), row-major.</param>
            /// <param name="state">Output ({{o}}): h_{-1} on entry, h_{T-1} on return. Must not overlap <paramref name="inputs"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void RunLast({{ReadOnlySpan}} inputs, {{Span}} state)
            {
                {{Guard}}.Length(inputs.Length, Timesteps * InputSize, {{inputsLength}}, nameof(inputs));
                {{Guard}}.Length(state.Length, OutputSize, {{stateLength}}, nameof(state));
                {{Guard}}.NoOverlap(state, inputs, nameof(state), nameof(inputs));
                {{kernel}}.Run({{Weights}}, ref {{MemoryMarshal}}.GetReference(inputs), ref {{NullRef}}, ref {{MemoryMarshal}}.GetReference(state), Timesteps, writeOutputs: false, zeroState: false);
            }
            """);
        WriteMember(writer, $$"""
            /// <summary>Advances one timestep: <c>state = {{ActivationText.Math(model.Activation, model.UseBias ? "W·input + U·state + b" : "W·input + U·state")}}</c>.</summary>
            /// <param name="input">x_t, Input ({{i}}).</param>
            /// <param name="state">Output ({{o}}): h_{t-1} on entry, h_t on return. Must not overlap <paramref name="input"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span has the wrong length, or the spans overlap; nothing is written.</exception>
            public void Step({{ReadOnlySpan}} input, {{Span}} state)
            {
                {{Guard}}.Length(input.Length, InputSize, {{inputLength}}, nameof(input));
                {{Guard}}.Length(state.Length, OutputSize, {{stateLength}}, nameof(state));
                {{Guard}}.NoOverlap(state, input, nameof(state), nameof(input));
                {{kernel}}.Step({{Weights}}, ref {{MemoryMarshal}}.GetReference(input), ref {{MemoryMarshal}}.GetReference(state), ref {{MemoryMarshal}}.GetReference(state), zeroState: false);
            }
            """, last: true);
    }

    private static void WriteConstant(IndentedTextWriter writer, string name, string value, string summary)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
        writer.WriteLine($"public const int {name} = {value};");
        writer.WriteLine();
    }

    /// <summary>Writes a member: its doc comment lines, the GeneratedCode attribute before the declaration, then the body.</summary>
    private static void WriteMember(IndentedTextWriter writer, string text, bool last = false)
    {
        bool attributeWritten = false;
        foreach (string line in text.Split('\n'))
        {
            if (!attributeWritten && !line.StartsWith("///", System.StringComparison.Ordinal))
            {
                writer.WriteLine(GeneratorInfo.GeneratedCodeAttribute);
                attributeWritten = true;
            }

            writer.WriteLine(line);
        }

        if (!last)
        {
            writer.WriteLine();
        }
    }
}
