using System;
using System.IO;

namespace RnnGen.Formats;

/// <summary>
/// A read-only view of a decompressing stream that turns the library's corruption exceptions into
/// <see cref="InvalidDataException"/> naming the entry, so the reader on top keeps its own messages apart.
/// </summary>
internal sealed class CorruptionGuardStream : Stream
{
    private readonly Stream _inner;
    private readonly string _part;

    public CorruptionGuardStream(Stream inner, string part)
    {
        _inner = inner;
        _part = part;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return _inner.Read(buffer, offset, count);
        }
        catch (Exception exception) when (ZipFailures.IsCorruption(exception))
        {
            throw ZipFailures.Wrap(_part, exception);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
