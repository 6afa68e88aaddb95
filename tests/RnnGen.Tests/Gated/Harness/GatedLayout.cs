using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>The ways weights reach a gated layer.</summary>
public enum GatedLayout
{
    /// <summary>LoadKerasWeights.</summary>
    Keras,

    /// <summary>LoadPyTorchWeights.</summary>
    PyTorch,

    /// <summary>LoadKerasNpz(Stream), named float32 arrays.</summary>
    KerasNpz,

    /// <summary>LoadKerasNpz(Stream), unnamed float64 arrays, compressed.</summary>
    KerasNpzUnnamed,

    /// <summary>LoadKerasNpz(string).</summary>
    KerasNpzFile,

    /// <summary>LoadPyTorchSafetensors(Stream, prefix).</summary>
    PyTorchSafetensors,

    /// <summary>LoadPyTorchSafetensors(string, prefix).</summary>
    PyTorchSafetensorsFile,
}

/// <summary>Loads the same layer through each <see cref="GatedLayout"/>.</summary>
public static class GatedLoader
{
    /// <summary>The layouts a layer of <paramref name="shape"/> loads: the PyTorch ones only where it has that layout.</summary>
    public static IEnumerable<GatedLayout> Layouts(GatedShape shape)
        => Enum.GetValues<GatedLayout>().Where(layout => shape.HasPyTorchLayout || !IsPyTorch(layout));

    /// <summary>Whether <paramref name="layout"/> reads PyTorch tensors.</summary>
    public static bool IsPyTorch(GatedLayout layout) => layout is GatedLayout.PyTorch or GatedLayout.PyTorchSafetensors or GatedLayout.PyTorchSafetensorsFile;

    /// <summary>Every model whose shape passes <paramref name="filter"/>, with every layout it loads.</summary>
    public static TheoryData<string, GatedLayout> ModelsAndLayouts(Func<GatedShape, bool> filter)
    {
        var data = new TheoryData<string, GatedLayout>();
        foreach (string model in GatedCatalog.NamesWhere(filter))
        {
            foreach (GatedLayout layout in Layouts(GatedCatalog.Shape(model)))
            {
                data.Add(model, layout);
            }
        }

        return data;
    }

    /// <summary>Loads <paramref name="weights"/> into <paramref name="rnn"/> through <paramref name="layout"/>.</summary>
    public static void Load(GatedUnderTest rnn, GatedLayout layout, GatedWeights weights)
        => Load(rnn, layout, weights.Keras, IsPyTorch(layout) ? weights.PyTorch : null);

    /// <summary>Loads the Keras tensors, or for a PyTorch layout the PyTorch ones, through <paramref name="layout"/>.</summary>
    public static void Load(GatedUnderTest rnn, GatedLayout layout, KerasTensors keras, PyTorchTensors? torch)
    {
        GatedShape shape = rnn.Shape;
        switch (layout)
        {
            case GatedLayout.Keras:
                rnn.Load(keras);
                break;
            case GatedLayout.PyTorch:
                rnn.Load(Required(torch));
                break;
            case GatedLayout.KerasNpz:
                rnn.LoadKerasNpz(new MemoryStream(GatedFiles.KerasNpz(shape, keras)));
                break;
            case GatedLayout.KerasNpzUnnamed:
                rnn.LoadKerasNpz(new MemoryStream(GatedFiles.KerasNpz(shape, keras, named: false)));
                break;
            case GatedLayout.KerasNpzFile:
                WithFile(GatedFiles.KerasNpz(shape, keras), rnn.LoadKerasNpzFile);
                break;
            case GatedLayout.PyTorchSafetensors:
                Assert.True(rnn.LoadPyTorchSafetensors is not null, $"{shape}: no LoadPyTorchSafetensors(Stream, string).");
                rnn.LoadPyTorchSafetensors(new MemoryStream(GatedFiles.PyTorchSafetensors(shape, Required(torch))), GatedFiles.Prefix);
                break;
            case GatedLayout.PyTorchSafetensorsFile:
                Assert.True(rnn.LoadPyTorchSafetensorsFile is not null, $"{shape}: no LoadPyTorchSafetensors(string, string).");
                WithFile(GatedFiles.PyTorchSafetensors(shape, Required(torch)), path => rnn.LoadPyTorchSafetensorsFile(path, GatedFiles.Prefix));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layout), layout, null);
        }
    }

    private static PyTorchTensors Required(PyTorchTensors? torch) => torch ?? throw new ArgumentNullException(nameof(torch), "A PyTorch layout needs the PyTorch tensors.");

    private static void WithFile(byte[] content, Action<string> load)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, content);
            load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
