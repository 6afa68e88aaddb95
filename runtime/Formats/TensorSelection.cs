using System;
using System.Collections.Generic;
using System.Text;

namespace RnnGen.Formats;

/// <summary>
/// The tensors a caller wants from a file and the shapes it needs. Readers consult it after they have read a
/// tensor's declared shape and before they read its data, so a tensor of the wrong size is refused before its
/// bytes are read and no load allocates more than the layer needs. A file that reads fine but does not fit the
/// layer (a wrong shape, a missing tensor) is the caller's mistake rather than a corrupt file, so those errors
/// are <see cref="ArgumentException"/>s.
/// </summary>
internal sealed class TensorSelection
{
    private const int NamesListed = 20;

    /// <summary>The <see cref="Exception.Data"/> key that marks a missing tensor, with its name as the value.</summary>
    public const string MissingTensorKey = "RnnGen.MissingTensor";

    private readonly Dictionary<string, Expectation?> _wanted = new(StringComparer.Ordinal);

    /// <summary>Every tensor of the file, in any shape.</summary>
    public static TensorSelection All(IReadOnlyList<string> names)
    {
        var selection = new TensorSelection();
        foreach (string name in names)
        {
            selection._wanted[name] = null;
        }

        return selection;
    }

    /// <summary>Adds a tensor the layer needs.</summary>
    /// <param name="name">The tensor's name in the file.</param>
    /// <param name="role">What the tensor is when its name does not say it (<c>the Keras kernel</c>), else null.</param>
    /// <param name="shape">The shape the layer needs.</param>
    /// <param name="meaning">The shape in words: <c>(Input, Output)</c>.</param>
    public TensorSelection Want(string name, string? role, int[] shape, string meaning)
    {
        _wanted[name] = new Expectation(role, shape, meaning);
        return this;
    }

    public bool Contains(string name) => _wanted.ContainsKey(name);

    /// <summary>Throws when a wanted tensor's declared shape is not the one the layer needs.</summary>
    public void CheckShape(string name, long[] shape)
    {
        if (_wanted.TryGetValue(name, out Expectation? expected) && expected is not null && !SameShape(shape, expected.Shape))
        {
            throw new ArgumentException(
                "Tensor " + Describe(name, expected.Role) + " has shape " + TensorData.FormatShape(shape)
                + " but this layer needs " + TensorData.FormatShape(expected.Shape) + " = " + expected.Meaning + ".");
        }
    }

    /// <summary>The tensor, or an error naming it, its shape and what the file holds instead.</summary>
    /// <param name="file">The file read with this selection.</param>
    /// <param name="name">A wanted tensor.</param>
    /// <param name="hint">A sentence appended to the message when the tensor is missing, or empty.</param>
    public TensorData Require(TensorFile file, string name, string hint) => file.Find(name) ?? throw Missing(file, name, hint);

    /// <summary>The error for a wanted tensor the file lacks.</summary>
    public ArgumentException Missing(TensorFile file, string name, string hint)
    {
        _wanted.TryGetValue(name, out Expectation? expected);
        string wanted = expected is null
            ? "'" + name + "'"
            : Describe(name, expected.Role) + " of shape " + TensorData.FormatShape(expected.Shape) + " = " + expected.Meaning;
        var exception = new ArgumentException(
            "The " + file.FormatName + " file has no tensor " + wanted + "; it holds " + ListNames(file.Names) + "."
            + (hint.Length > 0 ? " " + hint : string.Empty));

        // Marked rather than subclassed, so callers still see exactly the contract's ArgumentException.
        exception.Data[MissingTensorKey] = name;
        return exception;
    }

    private static string Describe(string name, string? role) => role is null ? "'" + name + "'" : "'" + name + "' (" + role + ")";

    private static bool SameShape(long[] found, int[] expected)
    {
        if (found.Length != expected.Length)
        {
            return false;
        }

        for (int i = 0; i < found.Length; i++)
        {
            if (found[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string ListNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return "no tensors";
        }

        var text = new StringBuilder();
        for (int i = 0; i < names.Count && i < NamesListed; i++)
        {
            text.Append(i > 0 ? ", '" : "'").Append(names[i]).Append('\'');
        }

        if (names.Count > NamesListed)
        {
            text.Append(FormattableString.Invariant($" and {names.Count - NamesListed} more"));
        }

        return text.ToString();
    }

    private sealed class Expectation
    {
        public Expectation(string? role, int[] shape, string meaning)
        {
            Role = role;
            Shape = shape;
            Meaning = meaning;
        }

        public string? Role { get; }

        public int[] Shape { get; }

        public string Meaning { get; }
    }
}
