using System;
using System.Linq;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Batch.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Batch;

/// <summary>
/// Every span of every batched member, given a length that is not a whole number of rows or that disagrees with
/// <c>inputs</c> about N while the others are right: an ArgumentException naming the parameter, the expected and
/// the actual length, and nothing written.
/// </summary>
public class BatchWrongLengthTests
{
    /// <summary>An empty batch, and one whose N is neither 0 nor 1.</summary>
    private static readonly int[] Counts = [0, 3];

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void StepBatch_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "StepBatch");

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void RunBatch_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "RunBatch");

    [Theory]
    [MemberData(nameof(BatchCatalog.All), MemberType = typeof(BatchCatalog))]
    public void RunLastBatch_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "RunLastBatch");

    private static void AssertRejectsEveryWrongLength(string model, string memberName)
    {
        (BatchedLayer layer, Random random) = BatchCatalog.CreateLoaded(model);
        BatchedMember member = BatchedMember.For(memberName, layer);
        foreach (int count in Counts)
        {
            // inputs: not a whole number of rows. With rows of one float every length is whole, so there is no such length.
            int rowLength = member.RowLengths[0];
            foreach (int wrong in OffByOne(count * rowLength).Where(length => length % rowLength != 0))
            {
                AssertRejects(layer, member, random, count, 0, wrong, $"{model}.{member}: 'inputs' of length {wrong}, not a whole number of rows of {rowLength}", rowLength, wrong);
            }

            // The written spans: a row more, a row less, a float more or less than N rows.
            for (int p = 1; p < member.Parameters.Length; p++)
            {
                int expected = member.Length(p, count);
                int[] wrongLengths = [expected + member.RowLengths[p], expected - member.RowLengths[p], .. OffByOne(expected)];
                foreach (int wrong in wrongLengths.Where(length => length >= 0).Distinct())
                {
                    AssertRejects(layer, member, random, count, p, wrong, $"{model}.{member}: '{member.Parameters[p]}' of length {wrong} while 'inputs' holds N = {count}", expected, wrong);
                }
            }
        }
    }

    /// <summary>Calls <paramref name="member"/> with valid arguments for <paramref name="count"/> but parameter <paramref name="spoiled"/> of length <paramref name="wrong"/>.</summary>
    private static void AssertRejects(BatchedLayer layer, BatchedMember member, Random random, int count, int spoiled, int wrong, string context, params int[] numbers)
    {
        var arguments = new float[member.Parameters.Length][];
        for (int p = 0; p < arguments.Length; p++)
        {
            int length = p == spoiled ? wrong : member.Length(p, count);
            arguments[p] = p == 0 ? RandomData.Signal(random, length) : GeneratedMember.Filled(length);
        }

        ArgumentAssert.Rejects(() => member.Invoke(layer, [.. arguments.Select(a => a.AsMemory())]), member.Parameters[spoiled], context, numbers);

        for (int p = 1; p < arguments.Length; p++)
        {
            FloatAssert.Untouched(arguments[p], GeneratedMember.Sentinel, $"{context}: '{member.Parameters[p]}'");
        }
    }

    /// <summary>One float more and one less than <paramref name="length"/>, never negative.</summary>
    private static int[] OffByOne(int length) => [.. new[] { length + 1, length - 1 }.Where(n => n >= 0)];
}
