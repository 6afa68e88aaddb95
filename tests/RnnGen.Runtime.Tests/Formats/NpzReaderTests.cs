using System;
using System.IO;
using RnnGen.Formats;

namespace RnnGen.Runtime.Tests.Formats;

public class NpzReaderTests
{
    private static readonly float[] TwelveValues = TensorEncoding.ExactValues(12);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Round_trips_stored_and_deflated_archives_from_any_stream(bool compressed, bool seekable)
    {
        byte[] npz = NpzWriter.Write([("a", NpyWriter.Write(TwelveValues, [3, 4])), ("b", NpyWriter.Write(TwelveValues, [12], "<f8"))], compressed);

        TensorFile file = ReadAll(npz, seekable);

        Assert.Equal(["a", "b"], file.Names);
        Assert.Equal([3, 4], file.Find("a")!.Shape);
        Assert.Equal(TwelveValues, file.Find("a")!.Data);
        Assert.Equal(TwelveValues, file.Find("b")!.Data);
    }

    [Fact]
    public void Reads_from_a_stream_that_does_not_start_at_position_zero()
    {
        byte[] npz = NpzWriter.Write([("a", NpyWriter.Write(TwelveValues, [12]))]);
        using var stream = new MemoryStream([0xEE, 0xEE, .. npz]);
        stream.Position = 2;
        Assert.Equal(TwelveValues, NpzReader.Read(stream, TensorSelection.All).Find("a")!.Data);
    }

    [Fact]
    public void Only_selected_arrays_are_decoded_and_other_entries_are_passed_over()
    {
        byte[] ints = NpyWriter.WriteRaw(NpyWriter.HeaderDict("<i8", false, [2]), new byte[16]);
        byte[] npz = NpzWriter.WriteEntries([("steps.npy", ints), ("README.txt", "not an array"u8.ToArray()), ("w.npy", NpyWriter.Write(TwelveValues, [12]))]);

        using var stream = new MemoryStream(npz);
        TensorFile file = NpzReader.Read(stream, _ => TensorSelection.All(["w"]));

        Assert.Equal(["steps", "w"], file.Names);
        Assert.Null(file.Find("steps"));
        Assert.Equal(TwelveValues, file.Find("w")!.Data);
    }

    [Fact]
    public void Duplicate_entry_names_are_rejected()
    {
        byte[] npy = NpyWriter.Write(TwelveValues, [12]);
        Expect.InvalidData(() => ReadAll(NpzWriter.WriteEntries([("kernel.npy", npy), ("kernel.npy", npy)])), "more than one entry named 'kernel.npy'");
    }

    [Fact]
    public void Data_that_is_not_a_zip_is_rejected()
        => Expect.InvalidData(() => ReadAll(NpyWriter.Write(TwelveValues, [12])), "npz archive is corrupt");

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void Truncated_archive_is_rejected(double keep)
    {
        byte[] npz = NpzWriter.Write([("a", NpyWriter.Write(TwelveValues, [12]))]);
        Expect.InvalidData(() => ReadAll(npz[..(int)(npz.Length * keep)]), "npz archive");
    }

    [Fact]
    public void Bad_array_inside_an_entry_is_reported_with_the_entry_name()
    {
        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.Write(TwelveValues, [12], "<f4")[..70])], compressed: true);
        Expect.InvalidData(() => ReadAll(npz), "npz entry 'kernel.npy'", "truncated");
    }

    [Fact]
    public void Corrupt_deflate_data_is_rejected_with_the_entry_name()
    {
        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.Write(TensorEncoding.ExactValues(4000), [4000]))], compressed: true);
        for (int i = 60; i < 200; i++)
        {
            npz[i] = 0xFF;
        }

        Expect.InvalidData(() => ReadAll(npz), "npz entry 'kernel.npy'");
    }

    [Theory]
    [InlineData(false, false, 0xFFFF_FFF0u)]
    [InlineData(true, false, 0xFFFF_FFF0u)]
    [InlineData(false, false, 10u)]
    [InlineData(true, false, 10u)]
    [InlineData(false, true, 0x7FFF_FFF0u)]
    [InlineData(true, true, 0x7FFF_FFF0u)]
    [InlineData(false, true, 10u)]
    [InlineData(true, true, 0u)]
    public void Bogus_declared_entry_sizes_give_the_true_data_or_an_error_and_never_a_large_allocation(bool compressed, bool compressedSizeField, uint declared)
    {
        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.Write(TwelveValues, [12]))], compressed);
        byte[] lying = compressedSizeField ? ZipPatch.DeclareCompressedSize(npz, declared) : ZipPatch.DeclareUncompressedSize(npz, declared);

        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            // The zip library may honour or ignore a size field; the reader only trusts the .npy header.
            Assert.Equal(TwelveValues, ReadAll(lying).Find("kernel")!.Data);
        }
        catch (InvalidDataException exception)
        {
            Assert.Contains("npz", exception.Message, StringComparison.Ordinal);
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000);
    }

    [Fact]
    public void Entry_whose_header_claims_more_than_the_tensor_limit_is_rejected_before_decompressing()
    {
        byte[] npy = NpyWriter.WriteRaw(NpyWriter.HeaderDict("<f4", false, [300_000_000]), new byte[1024]);
        Expect.InvalidData(() => ReadAll(NpzWriter.Write([("bomb", npy)], compressed: true)), "npz entry 'bomb.npy'", "1200000000 bytes", "limit");
    }

    [Fact]
    public void Decompression_bomb_after_the_array_is_stopped_after_one_byte()
    {
        byte[] npy = [.. NpyWriter.Write(TwelveValues, [12]), .. new byte[64_000_000]];
        byte[] npz = NpzWriter.Write([("bomb", npy)], compressed: true);
        Assert.True(npz.Length < 200_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Expect.InvalidData(() => ReadAll(npz), "npz entry 'bomb.npy'", "bytes after the 48 data bytes");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000);
    }

    private static TensorFile ReadAll(byte[] npz, bool seekable = true)
    {
        using Stream stream = seekable ? new MemoryStream(npz) : new NonSeekableStream(npz);
        return NpzReader.Read(stream, TensorSelection.All);
    }
}
