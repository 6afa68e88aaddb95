using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RnnGen.Tests.Golden;

/// <summary>One case of <c>tests/data/golden/manifest.json</c>, with its tensors read on demand.</summary>
public sealed class GoldenCase
{
    private readonly Dictionary<string, (string File, int[] Shape)> _tensors;

    private GoldenCase(JsonElement json, double tolerance)
    {
        Name = json.GetProperty("name").GetString()!;
        Timesteps = json.GetProperty("timesteps").GetInt32();
        Input = json.GetProperty("input").GetInt32();
        Output = json.GetProperty("output").GetInt32();
        Activation = Enum.Parse<RnnActivation>(json.GetProperty("activation").GetString()!);
        UseBias = json.GetProperty("use_bias").GetBoolean();
        HasInitialState = json.GetProperty("has_initial_state").GetBoolean();
        Tolerance = tolerance;
        _tensors = json.GetProperty("tensors").EnumerateObject().ToDictionary(
            tensor => tensor.Name,
            tensor => (tensor.Value.GetProperty("file").GetString()!, tensor.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray()));
    }

    /// <summary>Every case of the manifest, by name.</summary>
    public static IReadOnlyDictionary<string, GoldenCase> All { get; } = ReadManifest();

    public string Name { get; }

    public int Timesteps { get; }

    public int Input { get; }

    public int Output { get; }

    public RnnActivation Activation { get; }

    public bool UseBias { get; }

    public bool HasInitialState { get; }

    /// <summary>Absolute tolerance per element, from the manifest.</summary>
    public double Tolerance { get; }

    /// <summary>The tensor called <paramref name="name"/>: raw little-endian float32, as many as its shape says.</summary>
    public float[] Tensor(string name)
    {
        Assert.True(_tensors.TryGetValue(name, out (string File, int[] Shape) tensor), $"Golden case {Name} has no tensor '{name}'.");
        byte[] bytes = File.ReadAllBytes(Path.Combine(GoldenLocation.Directory, tensor.File));
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

    private static Dictionary<string, GoldenCase> ReadManifest()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(GoldenLocation.Directory, "manifest.json")));
        JsonElement root = manifest.RootElement;
        Assert.Equal("rnngen-golden/1", root.GetProperty("format").GetString());
        Assert.Equal("float32", root.GetProperty("dtype").GetString());
        Assert.Equal("little", root.GetProperty("byte_order").GetString());
        double tolerance = root.GetProperty("tolerance").GetDouble();
        return root.GetProperty("cases").EnumerateArray()
            .Select(json => new GoldenCase(json, tolerance))
            .ToDictionary(c => c.Name);
    }
}
