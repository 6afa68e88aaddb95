using System;
using System.IO;
using System.Linq;
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Archive_declaring_more_entries_than_the_limit_is_rejected_before_its_directory_is_listed(bool seekable)
    {
        byte[] npz = ManyEntryZip.Empty(200_000);
        long copy = seekable ? 0 : AllocationOf(() => StreamReading.CopyToMemory(new NonSeekableStream(npz, 65_536), long.MaxValue, "copy").Dispose());

        long allocated = AllocationOf(() => Expect.InvalidData(
            () => NpzReader.Read(seekable ? new MemoryStream(npz) : new NonSeekableStream(npz, 65_536), _ => new TensorSelection()),
            "npz archive declares 200000 entries",
            "4096-entry limit"));

        // Listing the directory cost about 750 bytes per entry (150 MB here); beyond the copy of a stream that cannot
        // seek, only the end records may be read.
        Assert.True(allocated - copy < 1_000_000, $"{allocated - copy} bytes allocated beyond the copy of the archive");
    }

    [Theory]
    [InlineData(5_000, 3)]
    [InlineData(200_000, 3)]
    [InlineData(200_000, 0)]
    public void Archive_whose_end_record_understates_its_entries_is_rejected_by_the_entries_it_holds(int entries, int declared)
    {
        byte[] npz = ManyEntryZip.Empty(entries, declaredCount: declared);
        Assert.Equal(declared, ManyEntryZip.DeclaredCount(npz));

        long allocated = AllocationOf(() => Expect.InvalidData(
            () => ReadAll(npz),
            $"npz archive declares {declared} entries, but its central directory holds more than 4096"));

        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Archive_with_as_many_entries_as_the_limit_loads_and_one_more_is_rejected()
    {
        static byte[] Archive(int entries) => NpzWriter.WriteEntries(
            [("w.npy", NpyWriter.Write(TwelveValues, [12])), .. Enumerable.Range(1, entries - 1).Select(i => ($"notes/{i}.txt", Array.Empty<byte>()))]);

        TensorFile file = NpzReader.Read(new MemoryStream(Archive(FormatLimits.MaxEntries)), _ => TensorSelection.All(["w"]));
        Assert.Equal(TwelveValues, file.Find("w")!.Data);

        Expect.InvalidData(() => ReadAll(Archive(FormatLimits.MaxEntries + 1)), "declares 4097 entries", "4096-entry limit");
    }

    [Fact]
    public void Central_directory_larger_than_the_limit_is_rejected_before_it_is_listed()
    {
        // Few entries, each carrying the longest comment a central directory header can hold.
        byte[] npz = ManyEntryZip.Write([.. Enumerable.Range(0, 20).Select(i => new ManyEntryZip.Entry($"{i}.npy", CommentLength: ushort.MaxValue))]);

        long allocated = AllocationOf(() => Expect.InvalidData(() => ReadAll(npz), "central directory larger than the 1048576-byte limit after 16 entries"));

        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated");
    }

    private static long AllocationOf(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static TensorFile ReadAll(byte[] npz, bool seekable = true)
    {
        using Stream stream = seekable ? new MemoryStream(npz) : new NonSeekableStream(npz);
        return NpzReader.Read(stream, TensorSelection.All);
    }
}
