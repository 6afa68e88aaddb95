using System;
using System.Globalization;
using System.Text;

namespace RnnGen.Formats;

/// <summary>One tensor read from a weight file, converted to float32, row-major (C order).</summary>
internal sealed class TensorData
{
    public TensorData(string name, int[] shape, float[] data)
    {
        Name = name;
        Shape = shape;
        Data = data;
    }

    /// <summary>The tensor's name in the file (an .npz entry name without <c>.npy</c>, or a safetensors key).</summary>
    public string Name { get; }

    /// <summary>Dimensions, outermost first; empty for a scalar.</summary>
    public int[] Shape { get; }

    /// <summary>The elements in row-major order.</summary>
    public float[] Data { get; }

    /// <summary>The shape the way NumPy prints it: <c>(3, 4)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string FormatShape(int[] shape) => FormatShape(Array.ConvertAll(shape, d => (long)d));

    /// <inheritdoc cref="FormatShape(int[])"/>
    public static string FormatShape(long[] shape)
    {
        var text = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        if (shape.Length == 1)
        {
            text.Append(',');
        }

        return text.Append(')').ToString();
    }
}
