using System;
#if !NET
using System.Runtime.InteropServices;
#endif

namespace RnnGen.Formats;

/// <summary>The floating-point element types the readers convert to float32.</summary>
internal enum FloatEncoding
{
    Float16,
    BFloat16,
    Float32,
    Float64,
}

/// <summary>
/// Converts raw tensor bytes of either byte order to float32. Written without <c>Half</c>,
/// <c>BinaryPrimitives</c> or spans so the same source also builds for netstandard2.0.
/// </summary>
internal static class FloatDecoding
{
    /// <summary>Bytes per element.</summary>
    public static int ByteSize(FloatEncoding encoding) => encoding switch
    {
        FloatEncoding.Float16 or FloatEncoding.BFloat16 => 2,
        FloatEncoding.Float32 => 4,
        _ => 8,
    };

    /// <summary>Decodes <paramref name="count"/> elements starting at <paramref name="offset"/>.</summary>
    public static float[] Decode(byte[] bytes, int offset, int count, FloatEncoding encoding, bool bigEndian)
    {
        float[] values = new float[count];
        int size = ByteSize(encoding);
        if (encoding == FloatEncoding.Float32 && bigEndian != BitConverter.IsLittleEndian)
        {
            // The file already has the host's layout: one block copy.
            Buffer.BlockCopy(bytes, offset, values, 0, count * size);
            return values;
        }

        for (int i = 0; i < count; i++)
        {
            long bits = ReadBits(bytes, offset + (i * size), size, bigEndian);
            values[i] = encoding switch
            {
                FloatEncoding.Float16 => HalfToSingle((int)bits),
                FloatEncoding.BFloat16 => BitsToSingle((int)bits << 16),
                FloatEncoding.Float32 => BitsToSingle((int)bits),
                _ => (float)BitConverter.Int64BitsToDouble(bits),
            };
        }

        return values;
    }

    /// <summary>IEEE 754 binary16 to binary32; every half value is exactly representable as a float.</summary>
    public static float HalfToSingle(int bits)
    {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0)
        {
            // Zero or subnormal: mantissa × 2^-24, exact because the scale is a power of two.
            float magnitude = mantissa * (1f / 16777216f);
            return sign != 0 ? -magnitude : magnitude;
        }

        if (exponent == 0x1F)
        {
            // Infinity or NaN, payload kept.
            return BitsToSingle(sign | 0x7F800000 | (mantissa << 13));
        }

        // Rebias the exponent from 15 to 127 and widen the mantissa from 10 to 23 bits.
        return BitsToSingle(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static long ReadBits(byte[] bytes, int offset, int size, bool bigEndian)
    {
        long bits = 0;
        for (int k = 0; k < size; k++)
        {
            int index = bigEndian ? offset + k : offset + size - 1 - k;
            bits = (bits << 8) | bytes[index];
        }

        return bits;
    }

    private static float BitsToSingle(int bits)
    {
#if NET
        return BitConverter.Int32BitsToSingle(bits);
#else
        return new SingleBits { Bits = bits }.Value;
#endif
    }

#if !NET
    /// <summary>netstandard2.0 has no <c>Int32BitsToSingle</c>; an overlay reinterprets without unsafe code.</summary>
    [StructLayout(LayoutKind.Explicit)]
    private struct SingleBits
    {
        [FieldOffset(0)]
        public int Bits;

        [FieldOffset(0)]
        public float Value;
    }
#endif
}
