using System;
using System.IO;
using RnnGen.Formats;

namespace RnnGen.Runtime.Tests.Formats;

public class NpyReaderTests
{
    private static readonly float[] TwelveValues = TensorEncoding.ExactValues(12);

    [Theory]
    [InlineData("<f4", 1)]
    [InlineData("<f8", 1)]
    [InlineData("<f2", 1)]
    [InlineData(">f4", 1)]
    [InlineData(">f8", 1)]
    [InlineData(">f2", 1)]
    [InlineData("<f4", 2)]
    [InlineData("<f4", 3)]
    public void Round_trips_every_float_dtype_byte_order_and_version(string descr, int version)
    {
        TensorData tensor = Read(NpyWriter.Write(TwelveValues, [3, 4], descr, version));

        Assert.Equal("x", tensor.Name);
        Assert.Equal([3, 4], tensor.Shape);
        Assert.Equal(TwelveValues, tensor.Data);
    }

    [Theory]
    [InlineData("=f4")]
    [InlineData("|f4")]
    [InlineData("f4")]
    public void Native_order_marks_read_in_this_machines_order(string descr)
    {
        byte[] data = TensorEncoding.Encode(TwelveValues, 4, bigEndian: !BitConverter.IsLittleEndian);
        TensorData tensor = Read(NpyWriter.WriteRaw(NpyWriter.HeaderDict(descr, false, [12]), data));
        Assert.Equal(TwelveValues, tensor.Data);
    }

    [Fact]
    public void Converts_float64_by_rounding_to_nearest_float32()
    {
        byte[] data = new byte[16];
        BitConverter.TryWriteBytes(data.AsSpan(0), 0.1);
        BitConverter.TryWriteBytes(data.AsSpan(8), 1e-50);
        TensorData tensor = Read(NpyWriter.WriteRaw(NpyWriter.HeaderDict("<f8", false, [2]), data));
        Assert.Equal([0.1f, 0f], tensor.Data);
    }

    [Fact]
    public void Fortran_order_2d_is_transposed_into_row_major()
    {
        TensorData tensor = Read(NpyWriter.WriteFortran(TwelveValues, [3, 4]));
        Assert.Equal([3, 4], tensor.Shape);
        Assert.Equal(TwelveValues, tensor.Data);
    }

    [Fact]
    public void Fortran_order_3d_is_reordered_into_row_major()
    {
        float[] values = TensorEncoding.ExactValues(24, seed: 5);
        TensorData tensor = Read(NpyWriter.WriteFortran(values, [2, 3, 4]));
        Assert.Equal(values, tensor.Data);
    }

    [Fact]
    public void Reads_scalars_and_empty_arrays()
    {
        Assert.Equal([2.5f], Read(NpyWriter.Write([2.5f], [])).Data);
        TensorData empty = Read(NpyWriter.Write([], [0, 5]));
        Assert.Equal([0, 5], empty.Shape);
        Assert.Empty(empty.Data);
    }

    [Fact]
    public void Accepts_python2_long_suffixes_and_double_quotes()
    {
        string header = "{\"descr\": '<f4', 'fortran_order': False, 'shape': (3L, 4L), }";
        Assert.Equal(TwelveValues, Read(NpyWriter.WriteRaw(header, TensorEncoding.Encode(TwelveValues, 4))).Data);
    }

    [Fact]
    public void Reads_from_a_stream_that_cannot_seek()
    {
        TensorData tensor = Read(NpyWriter.Write(TwelveValues, [3, 4], "<f2"), seekable: false);
        Assert.Equal(TwelveValues, tensor.Data);
    }

    [Fact]
    public void Wrong_magic_is_rejected() => Expect.InvalidData(() => Read("PK\u0003\u0004 not numpy"u8.ToArray()), "npy file", "magic");

    [Fact]
    public void Unknown_version_is_rejected()
    {
        byte[] file = NpyWriter.Write(TwelveValues, [12]);
        file[6] = 4;
        Expect.InvalidData(() => Read(file), "version 4.0");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(100)]
    public void Truncated_file_is_rejected(int keep)
    {
        byte[] file = NpyWriter.Write(TwelveValues, [12]);
        Expect.InvalidData(() => Read(file[..keep]), "npy file", "truncated");
        Expect.InvalidData(() => Read(file[..keep], seekable: false), "npy file", "truncated");
    }

    [Fact]
    public void Header_length_beyond_the_limit_is_rejected()
    {
        byte[] file = NpyWriter.Write(TwelveValues, [12], version: 2);
        BitConverter.TryWriteBytes(file.AsSpan(8), 0x7FFF_FFFF);
        Expect.InvalidData(() => Read(file), "2147483647-byte header");
    }

    [Fact]
    public void Header_length_beyond_the_file_is_rejected()
    {
        byte[] file = NpyWriter.Write(TwelveValues, [12]);
        BitConverter.TryWriteBytes(file.AsSpan(8), (ushort)60000);
        Expect.InvalidData(() => Read(file), "npy file header", "truncated", "60000");
        Expect.InvalidData(() => Read(file, seekable: false), "npy file header", "truncated", "60000");
    }

    [Fact]
    public void Bytes_after_the_data_are_rejected()
        => Expect.InvalidData(() => Read([.. NpyWriter.Write(TwelveValues, [12]), 0]), "bytes after the 48 data bytes");

    [Theory]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (12,), }", "dtype '<i4' is not supported")]
    [InlineData("{'descr': '<f16', 'fortran_order': False, 'shape': (12,), }", "dtype '<f16' is not supported")]
    [InlineData("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (12,), }", "structured dtype")]
    [InlineData("{'fortran_order': False, 'shape': (12,), }", "no 'descr' key")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (12,), 'extra': 1}", "unexpected key 'extra'")]
    [InlineData("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (12,)}", "duplicate key 'descr'")]
    [InlineData("{'descr': '<f4', 'fortran_order': 0, 'shape': (12,), }", "'fortran_order' must be True or False")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (12), }", "'shape' must be a tuple")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (-3, -4), }", "non-negative")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "too large")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4}", "not a valid Python literal")]
    [InlineData("{'descr': '<f4', 'fortran_order': False 'shape': (3, 4)}", "expected ',' or '}'")]
    [InlineData("{'descr': '<f4, 'fortran_order': False, 'shape': (3, 4)}", "not a valid Python literal")]
    [InlineData("['descr', '<f4']", "not a dict")]
    [InlineData("", "ends where a value should start")]
    [InlineData("{'descr': (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((('<f4',)", "nesting deeper than 64 levels")]
    public void Malformed_header_is_rejected_with_a_reason(string header, string reason)
        => Expect.InvalidData(() => Read(NpyWriter.WriteRaw(header, TensorEncoding.Encode(TwelveValues, 4))), "npy file header", reason);

    [Fact]
    public void Shape_whose_product_overflows_is_rejected()
    {
        string header = NpyWriter.HeaderDict("<f4", false, [12]).Replace("(12,)", "(4294967296, 4294967296, 4294967296)", StringComparison.Ordinal);
        Expect.InvalidData(() => Read(NpyWriter.WriteRaw(header, [])), "(4294967296, 4294967296, 4294967296)", "overflows");
    }

    [Fact]
    public void Shape_larger_than_the_tensor_limit_is_rejected_before_reading()
    {
        string header = NpyWriter.HeaderDict("<f8", false, [1 << 30]);
        Expect.InvalidData(() => Read(NpyWriter.WriteRaw(header, new byte[16])), "8589934592 bytes", "limit");
    }

    [Fact]
    public void Data_shorter_than_the_shape_is_rejected()
        => Expect.InvalidData(() => Read(NpyWriter.WriteRaw(NpyWriter.HeaderDict("<f4", false, [3, 5]), TensorEncoding.Encode(TwelveValues, 4))), "shape (3, 5)", "needs 60 bytes", "48");

    private static TensorData Read(byte[] file, bool seekable = true)
    {
        using Stream stream = seekable ? new MemoryStream(file) : new NonSeekableStream(file);
        return NpyReader.ReadFile(stream, "x").Find("x")!;
    }
}
