using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Writes safetensors files as the reference <c>safetensors</c> library does, plus raw variants.</summary>
internal static class SafetensorsWriter
{
    /// <summary>One tensor to write: its raw little-endian bytes in the given dtype.</summary>
    internal sealed record Tensor(string Name, string Dtype, int[] Shape, byte[] Data);

    /// <summary>Float32 data encoded as F32, F64, F16 or BF16.</summary>
    public static Tensor FromFloats(string name, float[] values, int[] shape, string dtype = "F32") => new(
        name,
        dtype,
        shape,
        dtype switch
        {
            "F32" => TensorEncoding.Encode(values, 4),
            "F64" => TensorEncoding.Encode(values, 8),
            "F16" => TensorEncoding.Encode(values, 2),
            "BF16" => TensorEncoding.EncodeBFloat16(values),
            _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
        });

    /// <summary>Tensors laid out back to back in the given order, with optional metadata.</summary>
    public static byte[] Write(IEnumerable<Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new StringBuilder("{");
        var buffer = new List<byte>();
        if (metadata is not null)
        {
            header.Append("\"__metadata__\":{")
                .AppendJoin(',', metadata.Select(m => Quote(m.Key) + ":" + Quote(m.Value)))
                .Append("},");
        }

        foreach (Tensor tensor in tensors)
        {
            header.Append(CultureInfo.InvariantCulture, $"{Quote(tensor.Name)}:{{\"dtype\":\"{tensor.Dtype}\",\"shape\":[{string.Join(",", tensor.Shape)}],\"data_offsets\":[{buffer.Count},{buffer.Count + tensor.Data.Length}]}},");
            buffer.AddRange(tensor.Data);
        }

        if (header[^1] == ',')
        {
            header.Length--;
        }

        header.Append('}');
        return WriteRaw(header.ToString(), [.. buffer]);
    }

    /// <summary>A PyTorch <c>torch.nn.RNN</c> layer-0 state_dict.</summary>
    public static byte[] WritePyTorch(float[] weightIh, float[] weightHh, float[]? biasIh, float[]? biasHh, int input, int output, string prefix = "", string dtype = "F32")
    {
        var tensors = new List<Tensor>
        {
            FromFloats(prefix + "weight_ih_l0", weightIh, [output, input], dtype),
            FromFloats(prefix + "weight_hh_l0", weightHh, [output, output], dtype),
        };
        if (biasIh is not null)
        {
            tensors.Add(FromFloats(prefix + "bias_ih_l0", biasIh, [output], dtype));
        }

        if (biasHh is not null)
        {
            tensors.Add(FromFloats(prefix + "bias_hh_l0", biasHh, [output], dtype));
        }

        return Write(tensors);
    }

    /// <summary>Header length, the header padded with spaces to a multiple of 8 bytes, then the buffer.</summary>
    public static byte[] WriteRaw(string headerJson, byte[] buffer)
    {
        byte[] header = Encoding.UTF8.GetBytes(headerJson);
        int padding = (8 - (header.Length % 8)) % 8;
        return WriteRaw(header.Concat(Enumerable.Repeat((byte)' ', padding)).ToArray(), (ulong)(header.Length + padding), buffer);
    }

    /// <summary>Any header bytes with any declared length.</summary>
    public static byte[] WriteRaw(byte[] header, ulong declaredLength, byte[] buffer)
    {
        byte[] file = new byte[8 + header.Length + buffer.Length];
        BitConverter.TryWriteBytes(file.AsSpan(0, 8), declaredLength);
        header.CopyTo(file, 8);
        buffer.CopyTo(file, 8 + header.Length);
        return file;
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
