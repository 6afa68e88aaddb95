using System;
using System.Linq;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.BadInput;

/// <summary>
/// Every span parameter of every member, given a wrong length while the others are right: an ArgumentException
/// naming the parameter, the expected and the actual length, and nothing written.
/// </summary>
public class WrongLengthTests
{
    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "Run");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Run_from_a_state_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "RunFromState");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void RunLast_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "RunLast");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void Step_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "Step");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void LoadWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "LoadWeights");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void LoadKerasWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "LoadKerasWeights");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void LoadPyTorchWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "LoadPyTorchWeights");

    [Theory]
    [MemberData(nameof(ModelCatalog.All), MemberType = typeof(ModelCatalog))]
    public void ExportWeights_rejects_every_wrong_length(string model) => AssertRejectsEveryWrongLength(model, "ExportWeights");

    private static void AssertRejectsEveryWrongLength(string model, string memberName)
    {
        (RnnUnderTest rnn, WeightSet loaded, Random random) = ModelCatalog.CreateLoaded(model);
        GeneratedMember member = GeneratedMember.For(memberName, rnn.Shape, WeightSet.Random(rnn.Shape, random), random);
        for (int p = 0; p < member.Parameters.Length; p++)
        {
            int expected = member.ValidArguments()[p].Length;
            foreach (int wrong in WrongLengths(expected))
            {
                float[][] arguments = member.ValidArguments();
                arguments[p] = member.Written[p] ? GeneratedMember.Filled(wrong) : RandomData.Signal(random, wrong);
                string context = $"{model}.{member}: '{member.Parameters[p]}' of length {wrong} instead of {expected}";

                ArgumentAssert.Rejects(() => member.Invoke(rnn, arguments), member.Parameters[p], context, expected, wrong);

                for (int q = 0; q < arguments.Length; q++)
                {
                    if (member.Written[q])
                    {
                        FloatAssert.Untouched(arguments[q], GeneratedMember.Sentinel, $"{context}: '{member.Parameters[q]}'");
                    }
                }

                rnn.AssertHolds(loaded, $"after {context}");
            }
        }
    }

    /// <summary>Empty, one short and one long (without repeats, and never the right length).</summary>
    private static int[] WrongLengths(int expected) => new[] { 0, expected - 1, expected + 1 }.Where(n => n >= 0 && n != expected).Distinct().ToArray();
}
