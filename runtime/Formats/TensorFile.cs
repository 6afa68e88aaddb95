using System.Collections.Generic;

namespace RnnGen.Formats;

/// <summary>
/// What a reader found in a weight file: the name of every tensor it holds, and the selected tensors,
/// converted. Tensors nobody selected are never decoded, so an unrelated layer in an unsupported dtype does not
/// stop a load.
/// </summary>
internal sealed class TensorFile
{
    private readonly Dictionary<string, TensorData> _loaded;

    public TensorFile(string formatName, IReadOnlyList<string> names, Dictionary<string, TensorData> loaded)
    {
        FormatName = formatName;
        Names = names;
        _loaded = loaded;
    }

    /// <summary>The format's name for messages: <c>npz</c>, <c>npy</c> or <c>safetensors</c>.</summary>
    public string FormatName { get; }

    /// <summary>Every tensor name in the file, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The tensor if the file holds it and it was selected; otherwise null.</summary>
    public TensorData? Find(string name) => _loaded.TryGetValue(name, out TensorData? tensor) ? tensor : null;
}
