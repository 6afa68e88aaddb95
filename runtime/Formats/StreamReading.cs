using System;
using System.IO;

namespace RnnGen.Formats;

/// <summary>
/// Reads from streams that may or may not seek, without trusting any size a file declares: buffers grow
/// with the bytes that actually arrive, so a size field that lies costs no more memory than the data behind it.
/// </summary>
internal static class StreamReading
{
    private const int FirstChunk = 64 * 1024;

    /// <summary>Arrays of bytes cannot be longer than this on any runtime.</summary>
    private const long MaxArrayLength = 0x7FFFFFC7;

    /// <summary>Reads exactly <paramref name="count"/> bytes or throws naming <paramref name="part"/>.</summary>
    public static byte[] ReadExactly(Stream stream, long count, string part)
    {
        if (count < 0 || count > MaxArrayLength)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part} would be {count} bytes long, which cannot be read into memory."));
        }

        long available = Remaining(stream);
        if (available >= 0 && count > available)
        {
            throw Truncated(part, count, available);
        }

        byte[] buffer = new byte[Math.Min(count, FirstChunk)];
        int filled = 0;
        while (filled < count)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            }

            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read <= 0)
            {
                throw Truncated(part, count, filled);
            }

            filled += read;
        }

        return buffer;
    }

    /// <summary>Fills <paramref name="buffer"/> from its start with up to <paramref name="count"/> bytes; fewer only where the stream ends.</summary>
    /// <returns>How many bytes were read.</returns>
    public static int ReadUpTo(Stream stream, byte[] buffer, int count)
    {
        int filled = 0;
        int read;
        while (filled < count && (read = stream.Read(buffer, filled, count - filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>Moves <paramref name="count"/> bytes forward, seeking when possible and reading otherwise.</summary>
    public static void Skip(Stream stream, long count, string part)
    {
        if (count <= 0)
        {
            return;
        }

        long available = Remaining(stream);
        if (available >= 0)
        {
            if (count > available)
            {
                throw Truncated(part, count, available);
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        byte[] scratch = new byte[(int)Math.Min(count, FirstChunk)];
        long skipped = 0;
        while (skipped < count)
        {
            int read = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, count - skipped));
            if (read <= 0)
            {
                throw Truncated(part, count, skipped);
            }

            skipped += read;
        }
    }

    /// <summary>Whether anything follows the current position (reads one byte from a stream that cannot seek).</summary>
    public static bool HasMoreBytes(Stream stream)
    {
        long available = Remaining(stream);
        return available >= 0 ? available > 0 : stream.ReadByte() >= 0;
    }

    /// <summary>Copies the rest of a stream into memory, refusing more than <paramref name="limit"/> bytes.</summary>
    public static MemoryStream CopyToMemory(Stream stream, long limit, string part)
    {
        var copy = new MemoryStream();
        byte[] chunk = new byte[FirstChunk];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (copy.Length + read > limit)
            {
                throw new InvalidDataException(FormattableString.Invariant($"{part} is larger than the {limit}-byte limit."));
            }

            copy.Write(chunk, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    /// <summary>Bytes left in a seekable stream; -1 when the stream cannot tell.</summary>
    public static long Remaining(Stream stream) => stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : -1;

    private static InvalidDataException Truncated(string part, long needed, long found)
        => new(FormattableString.Invariant($"{part} is truncated: it needs {needed} bytes, but the file has only {found} left."));
}
