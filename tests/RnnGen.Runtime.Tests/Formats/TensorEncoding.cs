using System;
using System.Buffers.Binary;

namespace RnnGen.Runtime.Tests.Formats;

/// <summary>Encodes float32 test data as the element types the readers accept, in either byte order.</summary>
internal static class TensorEncoding
{
    /// <summary>Bytes for <paramref name="values"/> as float16 (2), float32 (4) or float64 (8) bytes per element.</summary>
    public static byte[] Encode(float[] values, int elementSize, bool bigEndian = false)
    {
        byte[] bytes = new byte[values.Length * elementSize];
        for (int i = 0; i < values.Length; i++)
        {
            Span<byte> slot = bytes.AsSpan(i * elementSize, elementSize);
            switch (elementSize)
            {
                case 2:
                    ushort half = BitConverter.HalfToUInt16Bits((Half)values[i]);
                    if (bigEndian) { BinaryPrimitives.WriteUInt16BigEndian(slot, half); } else { BinaryPrimitives.WriteUInt16LittleEndian(slot, half); }
                    break;
                case 4:
                    if (bigEndian) { BinaryPrimitives.WriteSingleBigEndian(slot, values[i]); } else { BinaryPrimitives.WriteSingleLittleEndian(slot, values[i]); }
                    break;
                case 8:
                    if (bigEndian) { BinaryPrimitives.WriteDoubleBigEndian(slot, values[i]); } else { BinaryPrimitives.WriteDoubleLittleEndian(slot, values[i]); }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(elementSize));
            }
        }

        return bytes;
    }

    /// <summary>bfloat16: the top half of each float32 (the test values are chosen to be exact).</summary>
    public static byte[] EncodeBFloat16(float[] values)
    {
        byte[] bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)(BitConverter.SingleToUInt32Bits(values[i]) >> 16));
        }

        return bytes;
    }

    /// <summary>Values every element type represents exactly: small multiples of 1/8, signed.</summary>
    public static float[] ExactValues(int count, int seed = 1)
    {
        var random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(-64, 65) / 8f;
        }

        return values;
    }
}
