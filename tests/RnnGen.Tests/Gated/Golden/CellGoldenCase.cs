using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Golden;

namespace RnnGen.Tests.Gated.Golden;

/// <summary>
/// One case of <c>tests/data/golden/cells/manifest.json</c>, with the class cases.tsv names for it and its tensors
/// read on demand.
/// </summary>
public sealed class CellGoldenCase
{
    private readonly Dictionary<string, (string File, int[] Shape)> _tensors;

    private CellGoldenCase(JsonElement json, double tolerance, string? className)
    {
        Name = json.GetProperty("name").GetString()!;
        Cell = json.GetProperty("cell").GetString() switch
        {
            "gru" => GatedCell.Gru,
            "lstm" => GatedCell.Lstm,
            string other => throw new InvalidDataException($"Golden case {Name}: unknown cell '{other}'."),
            null => throw new InvalidDataException($"Golden case {Name}: no cell."),
        };
        Timesteps = json.GetProperty("timesteps").GetInt32();
        Input = json.GetProperty("input").GetInt32();
        Output = json.GetProperty("output").GetInt32();
        Activation = Enum.Parse<RnnActivation>(json.GetProperty("activation").GetString()!);
        RecurrentActivation = Enum.Parse<RnnActivation>(json.GetProperty("recurrent_activation").GetString()!);
        UseBias = json.GetProperty("use_bias").GetBoolean();
        ResetAfter = json.GetProperty("reset_after").ValueKind == JsonValueKind.True;
        HasInitialState = json.GetProperty("has_initial_state").GetBoolean();
        HasPyTorchLayout = json.GetProperty("torch_layout").GetBoolean();
        Tolerance = tolerance;
        ClassName = className;
        _tensors = json.GetProperty("tensors").EnumerateObject().ToDictionary(
            tensor => tensor.Name,
            tensor => (tensor.Value.GetProperty("file").GetString()!, tensor.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray()));
    }

    /// <summary>The folder of the gated golden vectors.</summary>
    public static string Directory { get; } = Path.Combine(GoldenLocation.Directory, "cells");

    /// <summary>Every case of the manifest, by name.</summary>
    public static IReadOnlyDictionary<string, CellGoldenCase> All { get; } = ReadManifest();

    public string Name { get; }

    public GatedCell Cell { get; }

    public int Timesteps { get; }

    public int Input { get; }

    public int Output { get; }

    public RnnActivation Activation { get; }

    public RnnActivation RecurrentActivation { get; }

    public bool UseBias { get; }

    /// <summary>A GRU's reset_after; false for an LSTM, whose manifest entry is null.</summary>
    public bool ResetAfter { get; }

    public bool HasInitialState { get; }

    /// <summary>Whether the case holds the torch_* tensors.</summary>
    public bool HasPyTorchLayout { get; }

    /// <summary>Absolute tolerance per element, from the manifest.</summary>
    public double Tolerance { get; }

    /// <summary>The class cases.tsv declares for the case, or null when it names none.</summary>
    public string? ClassName { get; }

    /// <summary>The shape the case describes, as the model declared for it must have.</summary>
    public GatedShape Shape => new(ClassName ?? Name, Cell, Timesteps, Input, Output, Activation, RecurrentActivation, UseBias, ResetAfter);

    /// <summary>The Keras tensors.</summary>
    public KerasTensors Keras => new(Tensor("keras_kernel"), Tensor("keras_recurrent_kernel"), Tensor("keras_bias"));

    /// <summary>The PyTorch tensors, or null when the case has none.</summary>
    public PyTorchTensors? PyTorch => HasPyTorchLayout
        ? new(Tensor("torch_weight_ih"), Tensor("torch_weight_hh"), Tensor("torch_bias_ih"), Tensor("torch_bias_hh"))
        : null;

    /// <summary>The initial states (the cell empty for a GRU).</summary>
    public GatedState InitialState => new(Tensor("initial_hidden"), Cell == GatedCell.Lstm ? Tensor("initial_cell") : []);

    /// <summary>The attribute to declare for the case, for the message that asks for it.</summary>
    public string Declaration
    {
        get
        {
            string options = (Activation == RnnActivation.Tanh ? "" : $", Activation = RnnActivation.{Activation}")
                + (RecurrentActivation == RnnActivation.Sigmoid ? "" : $", RecurrentActivation = RnnActivation.{RecurrentActivation}")
                + (UseBias ? "" : ", UseBias = false")
                + (Cell == GatedCell.Gru && !ResetAfter ? ", ResetAfter = false" : "");
            return $"[{Cell}(Timesteps = {Timesteps}, Input = {Input}, Output = {Output}{options})] public partial class {ClassName ?? "<name>"} {{ }}";
        }
    }

    /// <summary>The tensor called <paramref name="name"/>: raw little-endian float32, as many as its shape says.</summary>
    public float[] Tensor(string name)
    {
        Assert.True(_tensors.TryGetValue(name, out (string File, int[] Shape) tensor), $"Golden case {Name} has no tensor '{name}'.");
        byte[] bytes = File.ReadAllBytes(Path.Combine(Directory, tensor.File));
        int count = tensor.Shape.Aggregate(1, (product, dim) => product * dim);
        Assert.True(bytes.Length == count * sizeof(float), $"{tensor.File}: {bytes.Length} bytes, but shape [{string.Join(", ", tensor.Shape)}] needs {count * sizeof(float)}.");
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return values;
    }

    public override string ToString() => Name;

    private static Dictionary<string, CellGoldenCase> ReadManifest()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));
        JsonElement root = manifest.RootElement;
        Assert.Equal("rnngen-cells/1", root.GetProperty("format").GetString());
        Assert.Equal("float32", root.GetProperty("dtype").GetString());
        Assert.Equal("little", root.GetProperty("byte_order").GetString());
        double tolerance = root.GetProperty("tolerance").GetDouble();
        Dictionary<string, string> classes = ReadClassNames();
        return root.GetProperty("cases").EnumerateArray()
            .Select(json => new CellGoldenCase(json, tolerance, classes.GetValueOrDefault(json.GetProperty("name").GetString()!)))
            .ToDictionary(c => c.Name);
    }

    /// <summary>The <c>class</c> column of cases.tsv by the <c>case</c> column, for rows of kind <c>case</c> that name one.</summary>
    private static Dictionary<string, string> ReadClassNames()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Directory, "cases.tsv"));
        string[] header = lines[0].TrimStart('#', ' ').Split('\t');
        int kind = Array.IndexOf(header, "kind");
        int className = Array.IndexOf(header, "class");
        int caseName = Array.IndexOf(header, "case");
        Assert.True(kind >= 0 && className >= 0 && caseName >= 0, $"cases.tsv: the header lacks 'kind', 'class' or 'case': {lines[0]}");
        return lines
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(columns => columns[kind] == "case" && columns[className] != "-")
            .ToDictionary(columns => columns[caseName], columns => columns[className]);
    }
}
