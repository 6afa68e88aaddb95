namespace RnnGen.Formats;

/// <summary>One tensor described by a safetensors header. Offsets are relative to the start of the data buffer.</summary>
internal sealed class SafetensorsEntry
{
    public SafetensorsEntry(string name, string dtype, long[] shape, long begin, long end)
    {
        Name = name;
        Dtype = dtype;
        Shape = shape;
        Begin = begin;
        End = end;
    }

    public string Name { get; }

    public string Dtype { get; }

    public long[] Shape { get; }

    public long Begin { get; }

    public long End { get; }

    /// <summary>How messages name it.</summary>
    public string Part => "safetensors tensor '" + Name + "'";
}
