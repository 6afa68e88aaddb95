using System;
using System.Linq;
using RnnGen.Tests.Batch.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch;

/// <summary>
/// A written span of a batched member that shares memory with another of its spans (two slices of one array) is
/// rejected like the single-sequence members reject it, and every span is left as it was.
/// </summary>
public class BatchOverlapTests
{
    /// <summary>Enough sequences for the kernel tiles and the one-at-a-time rest to meet the shared memory.</summary>
    private const int Count = 9;

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void StepBatch_rejects_overlapping_spans(string model) => AssertRejectsEveryOverlap(model, "StepBatch");

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void RunBatch_rejects_overlapping_spans(string model) => AssertRejectsEveryOverlap(model, "RunBatch");

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void RunLastBatch_rejects_overlapping_spans(string model) => AssertRejectsEveryOverlap(model, "RunLastBatch");

    /// <summary>
    /// Every written span against every other span (inputs, and for an LSTM hidden against cell), placed in one array
    /// in three ways: the written one starting on the other's last element, the other one starting on the written
    /// one's last element, and both at the same start.
    /// </summary>
    private static void AssertRejectsEveryOverlap(string model, string memberName)
    {
        (BatchedLayer layer, Random random) = BatchCatalog.CreateLoaded(model);
        BatchedMember member = BatchedMember.For(memberName, layer);
        for (int written = 1; written < member.Parameters.Length; written++)
        {
            for (int other = 0; other < written; other++)
            {
                int writtenLength = member.Length(written, Count), otherLength = member.Length(other, Count);
                foreach ((int writtenStart, int otherStart) in new[] { (otherLength - 1, 0), (0, writtenLength - 1), (0, 0) })
                {
                    float[][] separate = [.. Enumerable.Range(0, member.Parameters.Length).Select(p => RandomData.Signal(random, member.Length(p, Count)))];
                    float[][] separateBefore = [.. separate.Select(a => (float[])a.Clone())];
                    float[] shared = RandomData.Signal(random, Math.Max(writtenStart + writtenLength, otherStart + otherLength));
                    float[] sharedBefore = (float[])shared.Clone();
                    Memory<float>[] arguments = [.. separate.Select(a => a.AsMemory())];
                    arguments[written] = shared.AsMemory(writtenStart, writtenLength);
                    arguments[other] = shared.AsMemory(otherStart, otherLength);
                    string[] names = [member.Parameters[written], member.Parameters[other]];
                    string context = $"{model}.{member}: '{names[0]}' at [{writtenStart}, {writtenStart + writtenLength}) and '{names[1]}' at [{otherStart}, {otherStart + otherLength}) of one array";

                    ArgumentException exception = Assert.ThrowsAny<ArgumentException>(() => member.Invoke(layer, arguments));

                    Assert.True(names.Contains(exception.ParamName), $"{context}: ParamName is '{exception.ParamName}', expected '{names[0]}' or '{names[1]}'.");
                    FloatAssert.Identical(sharedBefore, shared, layer.Output, $"{context}: the shared array");
                    for (int p = 0; p < separate.Length; p++)
                    {
                        FloatAssert.Identical(separateBefore[p], separate[p], layer.Output, $"{context}: '{member.Parameters[p]}'");
                    }
                }
            }
        }
    }
}
