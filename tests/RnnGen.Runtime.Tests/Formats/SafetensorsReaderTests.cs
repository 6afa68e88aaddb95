using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RnnGen.Formats;

namespace RnnGen.Runtime.Tests.Formats;

public class SafetensorsReaderTests
{
    private static readonly float[] SixValues = TensorEncoding.ExactValues(6);

    [Theory]
    [InlineData("F32")]
    [InlineData("F64")]
    [InlineData("F16")]
    [InlineData("BF16")]
    public void Round_trips_every_float_dtype(string dtype)
    {
        byte[] file = SafetensorsWriter.Write([SafetensorsWriter.FromFloats("t", SixValues, [2, 3], dtype)]);
        foreach (bool seekable in new[] { true, false })
        {
            TensorData tensor = ReadAll(file, seekable).Find("t")!;
            Assert.Equal([2, 3], tensor.Shape);
            Assert.Equal(SixValues, tensor.Data);
        }
    }

    [Fact]
    public void Reads_only_the_selected_tensors_and_lists_all_names()
    {
        byte[] file = SafetensorsWriter.Write(
            [
                new SafetensorsWriter.Tensor("steps", "I64", [1], new byte[8]),
                SafetensorsWriter.FromFloats("a", SixValues, [6]),
                new SafetensorsWriter.Tensor("mask", "BOOL", [3], new byte[3]),
                SafetensorsWriter.FromFloats("b", SixValues, [3, 2], "F16"),
            ],
            new Dictionary<string, string> { ["format"] = "pt", ["note"] = "quote \" and \\ escaped" });

        foreach (bool seekable in new[] { true, false })
        {
            using Stream stream = Open(file, seekable);
            TensorFile read = SafetensorsReader.Read(stream, _ => TensorSelection.All(["b"]));
            Assert.Equal(["steps", "a", "mask", "b"], read.Names);
            Assert.Null(read.Find("a"));
            Assert.Equal(SixValues, read.Find("b")!.Data);
        }
    }

    [Fact]
    public void Offsets_in_any_header_order_are_accepted()
    {
        byte[] buffer = [.. TensorEncoding.Encode([1f, 2f], 4), .. TensorEncoding.Encode([3f], 4)];
        string header = """{"second":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},"first":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";
        TensorFile read = ReadAll(SafetensorsWriter.WriteRaw(header, buffer));
        Assert.Equal([1f, 2f], read.Find("first")!.Data);
        Assert.Equal([3f], read.Find("second")!.Data);
    }

    [Fact]
    public void Empty_file_with_only_a_header_is_valid()
        => Assert.Empty(ReadAll(SafetensorsWriter.WriteRaw("{}", [])).Names);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void File_shorter_than_the_length_prefix_is_rejected(int length)
        => Expect.InvalidData(() => ReadAll(new byte[length]), "safetensors header length", "truncated");

    [Fact]
    public void Header_length_larger_than_the_file_is_rejected()
    {
        byte[] file = SafetensorsWriter.WriteRaw("{}"u8.ToArray(), 5000, []);
        Expect.InvalidData(() => ReadAll(file), "safetensors header", "truncated", "5000");
        Expect.InvalidData(() => ReadAll(file, seekable: false), "safetensors header", "truncated", "5000");
    }

    [Theory]
    [InlineData(100_000_001UL)]
    [InlineData(ulong.MaxValue)]
    public void Absurd_header_length_is_rejected_before_reading(ulong length)
        => Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw("{}"u8.ToArray(), length, [])), "header length is " + length, "100000000-byte limit");

    [Theory]
    [InlineData("", "ends where a value should start")]
    [InlineData("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},}", "expected a string key")]
    [InlineData("{\"t\":{\"dtype\":\"F32\" \"shape\":[1]}}", "expected ',' or '}'")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"t\": 5}", "must be described by an object")]
    public void Malformed_json_is_rejected(string header, string reason)
        => Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, [])), "safetensors", reason);

    [Fact]
    public void Duplicate_tensor_names_are_rejected()
    {
        string header = """{"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"t":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[8])), "duplicate key 't'");
    }

    [Fact]
    public void Offsets_past_the_end_of_the_data_are_rejected()
    {
        string header = """{"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[4])), "truncated", "cover 8 bytes", "only 4");
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[4]), seekable: false), "truncated", "8 bytes", "only 4");
    }

    [Fact]
    public void Overlapping_tensors_are_rejected()
    {
        string header = """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[12])), "tensor 'b' overlaps tensor 'a'", "begins at byte 4", "ends at byte 8");
    }

    [Fact]
    public void Holes_in_the_data_buffer_are_rejected()
    {
        string header = """{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[8])), "tensor 'a' leaves a gap after the start of the data buffer");
    }

    [Fact]
    public void Bytes_after_the_last_tensor_are_rejected()
    {
        string header = """{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[6])), "2 bytes after the 4 bytes");
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[6]), seekable: false), "bytes after the 4 bytes");
    }

    [Fact]
    public void Offsets_that_do_not_match_shape_and_dtype_are_rejected()
    {
        string header = """{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[20])), "tensor 'w'", "span 20 bytes", "shape (2, 3) of F32 needs 24 bytes");
    }

    [Fact]
    public void Offsets_that_end_before_they_begin_are_rejected()
    {
        string header = """{"w":{"dtype":"F32","shape":[0],"data_offsets":[8,4]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[8])), "tensor 'w'", "[8, 4]", "end before they begin");
    }

    [Fact]
    public void Unknown_dtype_is_rejected()
    {
        string header = """{"w":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}""";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[4])), "tensor 'w'", "unknown dtype 'F33'");
    }

    [Fact]
    public void Selected_tensor_of_an_unloadable_dtype_is_rejected()
    {
        byte[] file = SafetensorsWriter.Write([new SafetensorsWriter.Tensor("w", "I32", [2], new byte[8])]);
        Expect.InvalidData(() => ReadAll(file), "tensor 'w' has dtype I32", "F32, F64, F16 and BF16");
    }

    [Theory]
    [InlineData("[-1,2]", "non-negative integers, but element 0 is the number -1")]
    [InlineData("[1.5]", "element 0 is the number 1.5")]
    [InlineData("[\"2\"]", "element 0 is a string")]
    [InlineData("[99999999999999999999]", "element 0 is the number 99999999999999999999")]
    [InlineData("[4294967296,4294967296,4294967296]", "overflows")]
    public void Bad_shapes_are_rejected(string shape, string reason)
    {
        string header = "{\"w\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[0,4]}}";
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[4])), "tensor 'w'", reason);
    }

    [Theory]
    [InlineData("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", "has no 'dtype'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", "has no 'shape'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", "has no 'data_offsets'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", "two numbers [begin, end]")]
    [InlineData("{\"w\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", "'dtype' must be a string")]
    public void Incomplete_tensor_descriptions_are_rejected(string header, string reason)
        => Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, new byte[4])), "tensor 'w'", reason);

    [Fact]
    public void Metadata_must_map_strings_to_strings()
        => Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw("""{"__metadata__":{"epoch":3}}""", [])), "'__metadata__' entry 'epoch' must be a string");

    [Fact]
    public void Header_with_invalid_utf8_is_rejected()
    {
        byte[] header = [.. "{\""u8, 0xFF, .. "\":{}}"u8];
        Expect.InvalidData(() => ReadAll(SafetensorsWriter.WriteRaw(header, (ulong)header.Length, [])), "invalid UTF-8");
    }

    [Fact]
    public void Huge_declared_header_on_a_stream_that_cannot_seek_does_not_allocate_it()
    {
        byte[] file = SafetensorsWriter.WriteRaw("{}"u8.ToArray(), 99_000_000, []);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Expect.InvalidData(() => ReadAll(file, seekable: false), "truncated", "99000000");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void Header_describing_more_tensors_than_the_limit_is_rejected_and_the_limit_is_accepted()
    {
        Assert.Equal(FormatLimits.MaxEntries, ReadAll(EmptyTensors(FormatLimits.MaxEntries)).Names.Count);
        Expect.InvalidData(() => ReadAll(EmptyTensors(FormatLimits.MaxEntries + 1)), "safetensors header describes 4097 tensors, more than the 4096-tensor limit");
    }

    [Theory]
    [InlineData("tensors")]
    [InlineData("metadata")]
    public void Header_of_200000_unneeded_entries_is_rejected_at_a_bounded_cost(string entries)
    {
        byte[] file = entries == "tensors"
            ? EmptyTensors(200_000)
            : SafetensorsWriter.Write([], Enumerable.Range(0, 200_000).ToDictionary(i => "k" + i.ToString(CultureInfo.InvariantCulture), _ => string.Empty));
        long headerBytes = AllocationOf(() => StreamReading.ReadExactly(new MemoryStream(file), file.Length, "file"));

        long allocated = AllocationOf(() => Expect.InvalidData(() => ReadAll(file), "safetensors header holds more than 65536 JSON values, the limit"));

        // Parsing all of it cost about 1.9 kB per tensor (over 350 MB here); now parsing stops at the value limit.
        Assert.True(allocated - headerBytes < 24_000_000, $"{allocated - headerBytes} bytes allocated beyond reading the header");
    }

    /// <summary>A file of <paramref name="count"/> empty F32 tensors, which tile an empty data buffer.</summary>
    private static byte[] EmptyTensors(int count)
        => SafetensorsWriter.Write(Enumerable.Range(0, count).Select(i => new SafetensorsWriter.Tensor("t" + i.ToString(CultureInfo.InvariantCulture), "F32", [0], [])));

    private static long AllocationOf(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static TensorFile ReadAll(byte[] file, bool seekable = true)
    {
        using Stream stream = Open(file, seekable);
        return SafetensorsReader.Read(stream, TensorSelection.All);
    }

    private static Stream Open(byte[] file, bool seekable) => seekable ? new MemoryStream(file) : new NonSeekableStream(file);
}
