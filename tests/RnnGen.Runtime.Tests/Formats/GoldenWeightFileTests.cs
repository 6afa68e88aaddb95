using System.Collections.Generic;
using System.IO;
using System.Linq;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Formats;

public class GoldenWeightFileTests
{
    public static TheoryData<string> CaseNames() => [.. Golden.Cases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Keras_npz_and_pytorch_safetensors_of_the_same_model_load_the_golden_seed_weights(string caseName)
    {
        Golden.Case golden = Golden.Cases().Single(c => c.Name == caseName);
        int input = golden.Input;
        int output = golden.Output;
        byte[] npz = NpzWriter.WriteKeras(
            Golden.Read(golden, "keras_kernel"),
            Golden.Read(golden, "keras_recurrent_kernel"),
            Golden.Read(golden, "keras_bias"),
            input,
            output,
            compressed: true);
        byte[] safetensors = SafetensorsWriter.WritePyTorch(
            Golden.Read(golden, "torch_weight_ih"),
            Golden.Read(golden, "torch_weight_hh"),
            Golden.Read(golden, "torch_bias_ih"),
            Golden.Read(golden, "torch_bias_hh"),
            input,
            output,
            prefix: "rnn.");

        var fromKeras = new SimpleRnnWeights(input, output, golden.UseBias);
        var fromTorch = new SimpleRnnWeights(input, output, golden.UseBias);
        fromKeras.LoadKerasNpz(new MemoryStream(npz));
        fromTorch.LoadPyTorchSafetensors(new MemoryStream(safetensors), "rnn.");

        IEnumerable<float> w = Golden.Read(golden, "W");
        IEnumerable<float> u = Golden.Read(golden, "U");
        IEnumerable<float> b = Golden.Read(golden, "b");
        WeightFileLoadTests.AssertWeights(fromKeras, w, u, b);
        WeightFileLoadTests.AssertWeights(fromTorch, w, u, b);
    }
}
