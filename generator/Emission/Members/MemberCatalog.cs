using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Cells;
using RnnGen.Generator.Helpers;
using RnnGen.Generator.Models;
using RnnGen.Layout;
using static RnnGen.Generator.Emission.Members.MemberTypes;

namespace RnnGen.Generator.Emission.Members;

/// <summary>
/// The public surface RnnGen adds to a layer class (see CONTRACT): constants, load and export methods, the
/// sequence and step members, and the weight-file loaders. What all cells share is written here; what differs
/// (the weights' layouts, the LSTM's cell state) is chosen by the cell.
/// </summary>
internal static class MemberCatalog
{
    /// <summary>Names no member of the class may reuse.</summary>
    public static readonly string[] Reserved = ["Timesteps", "InputSize", "OutputSize", WeightsField, PrepareMethod];

    public static IReadOnlyList<GeneratedMember> For(LayerModel model, string kernelNamespace, EmbeddedWeights? embedded)
    {
        var members = new MemberBuilder();
        var text = new MemberText(model, kernelNamespace);
        Constants(members, model);
        WeightsFieldAndPrepare(members, model, text);
        switch (model.Cell)
        {
            case CellKind.SimpleRnn:
                SimpleRnnMembers.AddLoaders(members, model, text);
                break;
            default:
                GatedMembers.AddLoaders(members, model, text);
                break;
        }

        FileLoaders(members, model, text);
        if (embedded is not null)
        {
            EmbeddedFactory(members, model, kernelNamespace, embedded);
        }

        if (model.Cell == CellKind.Lstm)
        {
            LstmSequenceMembers.Add(members, model, text);
        }
        else
        {
            SequenceMembers.Add(members, model, text);
        }

        BatchMembers.Add(members, model, text);
        return members.Members;
    }

    /// <summary>The members' names and parameter types, for the parser's clash check.</summary>
    public static IEnumerable<GeneratedMember> Signatures(LayerModel model)
        => For(model, "N", model.Weights is null ? null : new EmbeddedWeights("", "", "LoadKerasWeights", EquatableArray<EmbeddedTensor>.Empty));

    private static void Constants(MemberBuilder members, LayerModel model)
    {
        Constant(members, "Timesteps", model.Timesteps, "Sequence length T: the timesteps one <c>Run</c> processes.");
        Constant(members, "InputSize", model.Input, "Input features I per timestep.");
        Constant(members, "OutputSize", model.Output, "Output features O (units): the length of the state and of each output row.");
    }

    private static void Constant(MemberBuilder members, string name, int value, string summary)
        => members.Add(name, $"""
            /// <summary>{summary}</summary>
            public const int {name} = {Invariant.Int(value)};
            """);

    private static void WeightsFieldAndPrepare(MemberBuilder members, LayerModel model, MemberText text)
    {
        string bias = model.UseBias ? "true" : "false";
        (string type, string arguments) = model.Cell switch
        {
            CellKind.Gru => ("GruWeights", $"InputSize, OutputSize, useBias: {bias}, resetAfter: {(model.ResetAfter ? "true" : "false")}"),
            CellKind.Lstm => ("LstmWeights", $"InputSize, OutputSize, useBias: {bias}"),
            _ => ("SimpleRnnWeights", $"InputSize, OutputSize, useBias: {bias}"),
        };
        members.Add(WeightsField, $"""
            /// <summary>The weights, all zero until a load method is called.</summary>
            private readonly global::RnnGen.Weights.{type} {WeightsField} = new({arguments});
            """);

        string step = model.Cell == CellKind.Lstm
            ? $"""
                {Span} hidden = stackalloc float[OutputSize];
                {Span} cell = stackalloc float[OutputSize];
                Step(new float[InputSize], hidden, cell);
            """
            : $"""
                {Span} state = stackalloc float[OutputSize];
                Step(new float[InputSize], state);
            """;
        members.AddMethod(PrepareMethod, [], $$"""
            /// <summary>
            /// Every load method calls it, so the JIT compiles this machine's kernels, and Step with its argument checks,
            /// when the weights are loaded (the first compilation takes milliseconds) rather than in the caller's first hot call.
            /// </summary>
            private void {{PrepareMethod}}()
            {
                {{text.Kernel}}.Prepare({{WeightsField}});
            {{step}}
            }
            """);
    }

    private static void FileLoaders(MemberBuilder members, LayerModel model, MemberText text)
    {
        string i = text.I, o = text.O;
        string rows = model.Gates == 1 ? o : $"{Invariant.Int(model.Gates)}·{o}";
        string layer = Cell.For(model.Cell).DisplayName;
        string kerasBias = model.Cell == CellKind.Gru && model.ResetAfter ? $"2×{rows}" : rows;
        string biasFile = model.UseBias ? "" : " (absent, or all zeros: the layer has no bias)";
        members.AddMethod("LoadKerasNpz", [StringDisplay], $$"""
            /// <summary>
            /// Loads a Keras <c>{{layer}}</c> layer from an <c>.npz</c> file: arrays <c>kernel</c> ({{i}}×{{rows}}),
            /// <c>recurrent_kernel</c> ({{o}}×{{rows}}) and <c>bias</c> ({{kerasBias}}){{biasFile}}, or <c>arr_0</c>, <c>arr_1</c>, <c>arr_2</c> as
            /// <c>np.savez(path, *layer.get_weights())</c> writes them. float32, float64 and float16 are accepted.
            /// </summary>
            /// <exception cref="global::System.IO.InvalidDataException">The file is malformed; nothing is loaded.</exception>
            /// <exception cref="global::System.ArgumentException">The file does not fit this layer (a tensor is missing or has another shape, or holds NaN or infinity); nothing is loaded.</exception>
            public void LoadKerasNpz(string path)
            {
                {{WeightsField}}.LoadKerasNpz(path);
                {{PrepareMethod}}();
            }
            """);
        members.AddMethod("LoadKerasNpz", [StreamDisplay], $$"""
            /// <inheritdoc cref="LoadKerasNpz(string)"/>
            public void LoadKerasNpz({{Stream}} stream)
            {
                {{WeightsField}}.LoadKerasNpz(stream);
                {{PrepareMethod}}();
            }
            """);
        if (!HasPyTorchLayout(model))
        {
            return;
        }

        string module = model.Cell switch { CellKind.Gru => "torch.nn.GRU", CellKind.Lstm => "torch.nn.LSTM", _ => "torch.nn.RNN" };
        members.AddMethod("LoadPyTorchSafetensors", [StringDisplay, StringDisplay], $$"""
            /// <summary>
            /// Loads layer 0 of a <c>{{module}}</c> from a safetensors file of its <c>state_dict()</c>:
            /// <c>{prefix}weight_ih_l0</c> ({{rows}}×{{i}}), <c>{prefix}weight_hh_l0</c> ({{rows}}×{{o}}), <c>{prefix}bias_ih_l0</c> and
            /// <c>{prefix}bias_hh_l0</c> ({{rows}}){{biasFile}}. float32, float64, float16 and bfloat16 are accepted.
            /// </summary>
            /// <param name="path">The file.</param>
            /// <param name="prefix">The key prefix of the layer inside the file, such as <c>rnn.</c>.</param>
            /// <exception cref="global::System.IO.InvalidDataException">The file is malformed; nothing is loaded.</exception>
            /// <exception cref="global::System.ArgumentException">The file does not fit this layer (a tensor is missing or has another shape, or holds NaN or infinity); nothing is loaded.</exception>
            public void LoadPyTorchSafetensors(string path, string prefix = "")
            {
                {{WeightsField}}.LoadPyTorchSafetensors(path, prefix);
                {{PrepareMethod}}();
            }
            """);
        members.AddMethod("LoadPyTorchSafetensors", [StreamDisplay, StringDisplay], $$"""
            /// <inheritdoc cref="LoadPyTorchSafetensors(string, string)"/>
            /// <param name="stream">The file's content.</param>
            /// <param name="prefix">The key prefix of the layer inside the file, such as <c>rnn.</c>.</param>
            public void LoadPyTorchSafetensors({{Stream}} stream, string prefix = "")
            {
                {{WeightsField}}.LoadPyTorchSafetensors(stream, prefix);
                {{PrepareMethod}}();
            }
            """);
    }

    /// <summary>PyTorch has no GRU whose reset gate comes before the product.</summary>
    public static bool HasPyTorchLayout(LayerModel model) => model.Cell != CellKind.Gru || model.ResetAfter;

    private static void EmbeddedFactory(MemberBuilder members, LayerModel model, string kernelNamespace, EmbeddedWeights embedded)
    {
        string self = model.Hierarchy.Self.NameWithTypeParameters;
        string arguments = string.Join(", ", embedded.Tensors.Select(t => EmbeddedWeightsEmitter.Reference(kernelNamespace, t)));
        members.AddMethod("CreateWithEmbeddedWeights", [], $$"""
            /// <summary>
            /// A new instance holding the weights compiled in from <c>{{embedded.SourcePath}}</c> ({{embedded.Format}}):
            /// no file access, no parsing at run time.
            /// </summary>
            public static {{self}} CreateWithEmbeddedWeights()
            {
                var model = new {{self}}();
                model.{{embedded.LoadMethod}}({{arguments}});
                return model;
            }
            """);
    }
}
