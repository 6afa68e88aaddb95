using System;
using RnnGen.Formats;

namespace RnnGen.Runtime.Tests.Formats;

public class FloatDecodingTests
{
    [Fact]
    public void Every_half_bit_pattern_converts_exactly()
    {
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            float expected = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
            float actual = FloatDecoding.HalfToSingle(bits);
            if (float.IsNaN(expected))
            {
                Assert.True(float.IsNaN(actual), $"0x{bits:X4}");
            }
            else
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual));
            }
        }
    }

    [Theory]
    [InlineData((int)FloatEncoding.Float16, 2)]
    [InlineData((int)FloatEncoding.Float32, 4)]
    [InlineData((int)FloatEncoding.Float64, 8)]
    public void Both_byte_orders_decode_the_same_values(int encodingValue, int size)
    {
        var encoding = (FloatEncoding)encodingValue;
        float[] values = TensorEncoding.ExactValues(33);
        Assert.Equal(values, FloatDecoding.Decode(TensorEncoding.Encode(values, size), 0, values.Length, encoding, bigEndian: false));
        Assert.Equal(values, FloatDecoding.Decode(TensorEncoding.Encode(values, size, bigEndian: true), 0, values.Length, encoding, bigEndian: true));
    }

    [Fact]
    public void BFloat16_is_the_top_half_of_float32()
    {
        float[] values = [1f, -2.5f, 0.15625f, float.PositiveInfinity, -0f];
        Assert.Equal(values, FloatDecoding.Decode(TensorEncoding.EncodeBFloat16(values), 0, values.Length, FloatEncoding.BFloat16, bigEndian: false));
    }

    [Fact]
    public void Float64_outside_the_float32_range_becomes_infinity_for_the_finite_check_to_report()
    {
        byte[] bytes = BitConverter.GetBytes(1e300);
        Assert.Equal(float.PositiveInfinity, FloatDecoding.Decode(bytes, 0, 1, FloatEncoding.Float64, bigEndian: false)[0]);
    }
}
