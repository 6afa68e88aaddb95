using System;
using RnnGen.Tests.BadInput;
using RnnGen.Tests.Gated.Harness;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.BadInput;

/// <summary>
/// One generated member of a GRU or an LSTM with valid arguments for it, so that a single routine can spoil one
/// argument at a time. Every call gets fresh arrays; the spans a member writes are filled with <see cref="Sentinel"/>.
/// </summary>
public sealed record GatedMember(
    string Name,
    string[] Parameters,
    bool[] Written,
    Func<float[][]> ValidArguments,
    Action<GatedUnderTest, float[][]> Invoke)
{
    /// <summary>A value no kernel produces from the test data, to prove that nothing was written.</summary>
    public const float Sentinel = GeneratedMember.Sentinel;

    /// <summary>
    /// The member called <paramref name="name"/> of a layer of <paramref name="shape"/>. Loads get
    /// <paramref name="replacement"/>, weights other than the loaded ones, so that a load that writes part of them
    /// before failing is caught.
    /// </summary>
    public static GatedMember For(string name, GatedShape shape, GatedWeights replacement, Random random)
    {
        float[] Inputs() => RandomData.Signal(random, shape.InputsLength);
        float[] Input() => RandomData.Signal(random, shape.Input);
        float[] State() => RandomData.Signal(random, shape.Output);
        bool lstm = shape.IsLstm;

        // Built once: the tests spoil copies.
        KerasTensors keras = replacement.Keras;
        PyTorchTensors? torch = shape.HasPyTorchLayout ? replacement.PyTorch : null;
        return name switch
        {
            "Run" => new(
                name, ["inputs", "outputs"], [false, true],
                () => [Inputs(), Filled(shape.OutputsLength)],
                (rnn, a) => rnn.Run(a[0], a[1])),
            "RunFromStates" when lstm => new(
                name, ["inputs", "outputs", "initialHidden", "initialCell"], [false, true, false, false],
                () => [Inputs(), Filled(shape.OutputsLength), State(), State()],
                (rnn, a) => rnn.RunFrom(a[0], a[1], a[2], a[3])),
            "RunFromStates" => new(
                name, ["inputs", "outputs", "initialState"], [false, true, false],
                () => [Inputs(), Filled(shape.OutputsLength), State()],
                (rnn, a) => rnn.RunFrom(a[0], a[1], a[2], default)),
            "RunLast" when lstm => new(
                name, ["inputs", "hidden", "cell"], [false, true, true],
                () => [Inputs(), Filled(shape.Output), Filled(shape.Output)],
                (rnn, a) => rnn.RunLast(a[0], a[1], a[2])),
            "RunLast" => new(
                name, ["inputs", "state"], [false, true],
                () => [Inputs(), Filled(shape.Output)],
                (rnn, a) => rnn.RunLast(a[0], a[1], default)),
            "Step" when lstm => new(
                name, ["input", "hidden", "cell"], [false, true, true],
                () => [Input(), Filled(shape.Output), Filled(shape.Output)],
                (rnn, a) => rnn.Step(a[0], a[1], a[2])),
            "Step" => new(
                name, ["input", "state"], [false, true],
                () => [Input(), Filled(shape.Output)],
                (rnn, a) => rnn.Step(a[0], a[1], default)),
            "LoadKerasWeights" => new(
                name, ["kernel", "recurrentKernel", "bias"], [false, false, false],
                () => [Copy(keras.Kernel), Copy(keras.RecurrentKernel), Copy(keras.Bias)],
                (rnn, a) => rnn.LoadKerasWeights(a[0], a[1], a[2])),
            "LoadPyTorchWeights" => new(
                name, ["weightIh", "weightHh", "biasIh", "biasHh"], [false, false, false, false],
                () => [Copy(torch!.WeightIh), Copy(torch.WeightHh), Copy(torch.BiasIh), Copy(torch.BiasHh)],
                (rnn, a) => rnn.LoadPyTorchWeights!(a[0], a[1], a[2], a[3])),
            "ExportKerasWeights" => new(
                name, ["kernel", "recurrentKernel", "bias"], [true, true, true],
                () => [Filled(shape.KernelLength), Filled(shape.RecurrentKernelLength), Filled(shape.KerasBiasLength)],
                (rnn, a) => rnn.ExportKerasWeights(a[0], a[1], a[2])),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    /// <summary>An array of <paramref name="length"/> sentinels.</summary>
    public static float[] Filled(int length) => GeneratedMember.Filled(length);

    public override string ToString() => Name;

    private static float[] Copy(float[] values) => (float[])values.Clone();
}
