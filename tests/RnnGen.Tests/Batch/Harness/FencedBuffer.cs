using System;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch.Harness;

/// <summary>
/// A span for a batched member to write, between two fences of sentinels. The kernels address memory by reference
/// and unchecked, so a write past either end of the span would otherwise go unnoticed.
/// </summary>
public sealed class FencedBuffer
{
    /// <summary>Four Vector512s: more than a kernel's widest store past the end.</summary>
    public const int FenceLength = 64;

    private readonly float[] _memory;

    /// <summary>A buffer holding <paramref name="content"/>.</summary>
    public FencedBuffer(ReadOnlySpan<float> content)
    {
        Length = content.Length;
        _memory = new float[Length + (2 * FenceLength)];
        Array.Fill(_memory, GeneratedMember.Sentinel);
        content.CopyTo(Span);
    }

    public int Length { get; }

    /// <summary>The span between the fences.</summary>
    public Span<float> Span => _memory.AsSpan(FenceLength, Length);

    /// <summary>A buffer of <paramref name="length"/> sentinels, for a member that overwrites every value.</summary>
    public static FencedBuffer Filled(int length) => new(GeneratedMember.Filled(length));

    /// <summary>Both fences still hold only sentinels.</summary>
    public void AssertFencesIntact(string what)
    {
        FloatAssert.Untouched(_memory.AsSpan(0, FenceLength), GeneratedMember.Sentinel, $"{what}: the fence before the span");
        FloatAssert.Untouched(_memory.AsSpan(FenceLength + Length), GeneratedMember.Sentinel, $"{what}: the fence after the span");
    }
}
