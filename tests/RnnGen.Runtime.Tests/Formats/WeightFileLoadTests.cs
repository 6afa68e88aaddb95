using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Formats;

public class WeightFileLoadTests
{
    private const int Input = 3;
    private const int Output = 5;

    private static readonly float[] W = TensorEncoding.ExactValues(Output * Input, seed: 11);
    private static readonly float[] U = TensorEncoding.ExactValues(Output * Output, seed: 12);
    private static readonly float[] BiasIh = TensorEncoding.ExactValues(Output, seed: 13);
    private static readonly float[] BiasHh = TensorEncoding.ExactValues(Output, seed: 14);
    private static readonly float[] B = BiasIh.Zip(BiasHh, (x, y) => x + y).ToArray();

    [Theory]
    [InlineData("<f4", true, false, true)]
    [InlineData("<f8", true, true, true)]
    [InlineData("<f2", false, false, true)]
    [InlineData(">f4", false, true, false)]
    [InlineData("<f4", true, true, false)]
    public void Keras_npz_loads_the_seed_weights(string descr, bool named, bool compressed, bool seekable)
    {
        byte[] npz = NpzWriter.WriteKeras(Transpose(W, Output, Input), Transpose(U, Output, Output), B, Input, Output, descr, named, compressed);
        var weights = new SimpleRnnWeights(Input, Output, useBias: true);

        using (Stream stream = seekable ? new MemoryStream(npz) : new NonSeekableStream(npz))
        {
            weights.LoadKerasNpz(stream);
        }

        AssertWeights(weights, W, U, B);
    }

    [Theory]
    [InlineData("F32", "")]
    [InlineData("F64", "rnn.")]
    [InlineData("F16", "model.encoder.")]
    [InlineData("BF16", "")]
    public void PyTorch_safetensors_loads_the_seed_weights(string dtype, string prefix)
    {
        byte[] file = SafetensorsWriter.WritePyTorch(W, U, BiasIh, BiasHh, Input, Output, prefix, dtype);
        var weights = new SimpleRnnWeights(Input, Output, useBias: true);

        weights.LoadPyTorchSafetensors(new NonSeekableStream(file), prefix);

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Other_tensors_and_layers_in_the_file_are_ignored_even_in_unloadable_dtypes()
    {
        byte[] file = SafetensorsWriter.Write(
        [
            new SafetensorsWriter.Tensor("rnn.steps", "I64", [1], new byte[8]),
            SafetensorsWriter.FromFloats("rnn.weight_ih_l0", W, [Output, Input]),
            SafetensorsWriter.FromFloats("rnn.weight_ih_l1", U, [Output, Output], "BF16"),
            SafetensorsWriter.FromFloats("rnn.weight_hh_l0", U, [Output, Output]),
            SafetensorsWriter.FromFloats("rnn.bias_ih_l0", BiasIh, [Output]),
            SafetensorsWriter.FromFloats("rnn.bias_hh_l0", BiasHh, [Output]),
            SafetensorsWriter.FromFloats("head.weight", W, [Output * Input]),
        ]);
        var weights = new SimpleRnnWeights(Input, Output, useBias: true);

        weights.LoadPyTorchSafetensors(new MemoryStream(file), "rnn.");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Named_arrays_win_over_positional_ones_and_extra_arrays_are_ignored()
    {
        byte[] npz = NpzWriter.Write(
        [
            ("arr_0", NpyWriter.Write(new float[Input * Output], [Input, Output])),
            ("kernel", NpyWriter.Write(Transpose(W, Output, Input), [Input, Output])),
            ("recurrent_kernel", NpyWriter.Write(Transpose(U, Output, Output), [Output, Output])),
            ("bias", NpyWriter.Write(B, [Output])),
            ("optimizer_state", NpyWriter.WriteRaw(NpyWriter.HeaderDict("<i8", false, [1]), new byte[8])),
        ]);
        var weights = new SimpleRnnWeights(Input, Output, useBias: true);

        weights.LoadKerasNpz(new MemoryStream(npz));

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Path_overloads_read_files()
    {
        string npzPath = Path.GetTempFileName();
        string safetensorsPath = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(npzPath, NpzWriter.WriteKeras(Transpose(W, Output, Input), Transpose(U, Output, Output), B, Input, Output));
            File.WriteAllBytes(safetensorsPath, SafetensorsWriter.WritePyTorch(W, U, BiasIh, BiasHh, Input, Output, "rnn."));
            var fromNpz = new SimpleRnnWeights(Input, Output, useBias: true);
            var fromSafetensors = new SimpleRnnWeights(Input, Output, useBias: true);

            fromNpz.LoadKerasNpz(npzPath);
            fromSafetensors.LoadPyTorchSafetensors(safetensorsPath, "rnn.");

            AssertWeights(fromNpz, W, U, B);
            AssertWeights(fromSafetensors, W, U, B);
        }
        finally
        {
            File.Delete(npzPath);
            File.Delete(safetensorsPath);
        }
    }

    [Fact]
    public void The_stream_is_left_open()
    {
        var stream = new MemoryStream(SafetensorsWriter.WritePyTorch(W, U, BiasIh, BiasHh, Input, Output));
        new SimpleRnnWeights(Input, Output, useBias: true).LoadPyTorchSafetensors(stream);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Keras_shape_mismatch_names_the_tensor_and_both_shapes_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        byte[] npz = NpzWriter.Write(
        [
            ("kernel", NpyWriter.Write(W, [Output, Input])),
            ("recurrent_kernel", NpyWriter.Write(Transpose(U, Output, Output), [Output, Output])),
            ("bias", NpyWriter.Write(B, [Output])),
        ]);

        Expect.Argument(() => weights.LoadKerasNpz(new MemoryStream(npz)), "Tensor 'kernel' has shape (5, 3) but this layer needs (3, 5) = (Input, Output).");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Keras_positional_shape_mismatch_says_which_weight_the_array_is()
    {
        byte[] npz = NpzWriter.Write(
        [
            ("arr_0", NpyWriter.Write(Transpose(W, Output, Input), [Input, Output])),
            ("arr_1", NpyWriter.Write(new float[4], [2, 2])),
        ]);

        Expect.Argument(() => Loaded().LoadKerasNpz(new MemoryStream(npz)), "Tensor 'arr_1' (the Keras recurrent kernel) has shape (2, 2) but this layer needs (5, 5) = (Output, Output).");
    }

    [Fact]
    public void PyTorch_shape_mismatch_names_the_tensor_and_both_shapes_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        byte[] file = SafetensorsWriter.Write(
        [
            SafetensorsWriter.FromFloats("weight_ih_l0", W, [Output, Input]),
            SafetensorsWriter.FromFloats("weight_hh_l0", U, [Output, Output]),
            SafetensorsWriter.FromFloats("bias_ih_l0", BiasIh, [Output]),
            SafetensorsWriter.FromFloats("bias_hh_l0", [1f, 2f], [2]),
        ]);

        Expect.Argument(() => weights.LoadPyTorchSafetensors(new MemoryStream(file)), "Tensor 'bias_hh_l0' has shape (2,) but this layer needs (5,) = (Output,).");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Wrong_declared_shape_is_refused_before_any_data_is_read()
    {
        // Headers that declare gigabytes over a few bytes of data: the shape check must come before the read.
        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.WriteRaw(NpyWriter.HeaderDict("<f8", false, [100_000_000, 1]), new byte[8]))]);
        string header = """{"weight_ih_l0":{"dtype":"F64","shape":[100000000,1],"data_offsets":[0,800000000]}}""";
        byte[] safetensors = SafetensorsWriter.WriteRaw(header, []);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Expect.Argument(() => Loaded().LoadKerasNpz(new NonSeekableStream(npz)), "Tensor 'kernel' has shape (100000000, 1) but this layer needs (3, 5)");
        Expect.InvalidData(() => Loaded().LoadPyTorchSafetensors(new MemoryStream(safetensors)), "truncated");
        Expect.Argument(() => Loaded().LoadPyTorchSafetensors(new NonSeekableStream(safetensors)), "Tensor 'weight_ih_l0' has shape (100000000, 1) but this layer needs (5, 3)");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000);
    }

    [Fact]
    public void Missing_keras_array_is_named_with_what_the_file_holds()
    {
        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.Write(Transpose(W, Output, Input), [Input, Output])), ("bias", NpyWriter.Write(B, [Output]))]);
        Expect.Argument(() => Loaded().LoadKerasNpz(new MemoryStream(npz)), "no tensor 'recurrent_kernel' of shape (5, 5) = (Output, Output)", "it holds 'kernel', 'bias'");
    }

    [Fact]
    public void Missing_pytorch_tensor_under_another_prefix_suggests_that_prefix()
    {
        byte[] file = SafetensorsWriter.WritePyTorch(W, U, BiasIh, BiasHh, Input, Output, "encoder.rnn.");
        Expect.Argument(() => Loaded().LoadPyTorchSafetensors(new MemoryStream(file), "rnn."), "no tensor 'rnn.weight_ih_l0'", "'encoder.rnn.weight_ih_l0'", "suggests the prefix 'encoder.rnn.'");
    }

    [Fact]
    public void Missing_bias_is_refused_for_a_layer_with_bias()
    {
        byte[] npz = NpzWriter.WriteKeras(Transpose(W, Output, Input), Transpose(U, Output, Output), bias: null, Input, Output);
        Expect.Argument(() => Loaded().LoadKerasNpz(new MemoryStream(npz)), "no tensor 'bias'", "UseBias = false");

        byte[] file = SafetensorsWriter.WritePyTorch(W, U, null, null, Input, Output);
        Expect.Argument(() => Loaded().LoadPyTorchSafetensors(new MemoryStream(file)), "no tensor 'bias_ih_l0'", "UseBias = false");
    }

    [Fact]
    public void One_pytorch_bias_without_the_other_is_refused_even_without_bias()
    {
        byte[] file = SafetensorsWriter.WritePyTorch(W, U, new float[Output], null, Input, Output);
        Expect.Argument(() => new SimpleRnnWeights(Input, Output, useBias: false).LoadPyTorchSafetensors(new MemoryStream(file)), "no tensor 'bias_hh_l0'");
    }

    [Fact]
    public void Layer_without_bias_loads_files_that_leave_it_out_or_hold_zeros()
    {
        float[] zeros = new float[Output];
        var weights = new SimpleRnnWeights(Input, Output, useBias: false);

        weights.LoadKerasNpz(new MemoryStream(NpzWriter.WriteKeras(Transpose(W, Output, Input), Transpose(U, Output, Output), bias: null, Input, Output, named: false)));
        AssertWeights(weights, W, U, zeros);

        weights.LoadPyTorchSafetensors(new MemoryStream(SafetensorsWriter.WritePyTorch(U.Take(Output * Input).ToArray(), W.Concat(U).Take(Output * Output).ToArray(), null, null, Input, Output)));
        AssertWeights(weights, U.Take(Output * Input).ToArray(), W.Concat(U).Take(Output * Output).ToArray(), zeros);

        weights.LoadPyTorchSafetensors(new MemoryStream(SafetensorsWriter.WritePyTorch(W, U, zeros, zeros, Input, Output)));
        AssertWeights(weights, W, U, zeros);
    }

    [Fact]
    public void Layer_without_bias_refuses_a_nonzero_bias_and_changes_nothing()
    {
        var weights = new SimpleRnnWeights(Input, Output, useBias: false);
        weights.LoadSeed(W, U, new float[Output]);

        Expect.Argument(
            () => weights.LoadKerasNpz(new MemoryStream(NpzWriter.WriteKeras(new float[Input * Output], new float[Output * Output], B, Input, Output))),
            "'bias' holds",
            "UseBias = false");
        Expect.Argument(
            () => weights.LoadPyTorchSafetensors(new MemoryStream(SafetensorsWriter.WritePyTorch(new float[Input * Output], new float[Output * Output], new float[Output], BiasHh, Input, Output, "m.")), "m."),
            "'m.bias_hh_l0' holds",
            "UseBias = false");

        AssertWeights(weights, W, U, new float[Output]);
    }

    [Fact]
    public void Non_finite_weight_in_a_file_is_reported_by_its_tensor_name_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        float[] withNaN = (float[])W.Clone();
        withNaN[7] = float.NaN;

        Expect.Argument(
            () => weights.LoadPyTorchSafetensors(new MemoryStream(SafetensorsWriter.WritePyTorch(withNaN, U, BiasIh, BiasHh, Input, Output, "rnn.")), "rnn."),
            "'rnn.weight_ih_l0' holds NaN at flat index 7");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Unloadable_dtype_of_a_needed_tensor_is_reported_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        byte[] file = SafetensorsWriter.Write(
        [
            SafetensorsWriter.FromFloats("weight_ih_l0", W, [Output, Input]),
            new SafetensorsWriter.Tensor("weight_hh_l0", "I32", [Output, Output], new byte[Output * Output * 4]),
        ]);
        Expect.InvalidData(() => weights.LoadPyTorchSafetensors(new MemoryStream(file)), "'weight_hh_l0' has dtype I32");

        byte[] npz = NpzWriter.Write([("kernel", NpyWriter.WriteRaw(NpyWriter.HeaderDict("<i4", false, [Input, Output]), new byte[Input * Output * 4]))]);
        Expect.InvalidData(() => weights.LoadKerasNpz(new MemoryStream(npz)), "npz entry 'kernel.npy'", "dtype '<i4' is not supported");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Malformed_file_throws_invalid_data_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        byte[] file = SafetensorsWriter.WritePyTorch(W, U, BiasIh, BiasHh, Input, Output);

        Expect.InvalidData(() => weights.LoadPyTorchSafetensors(new MemoryStream(file[..^1])), "truncated");
        Expect.InvalidData(() => weights.LoadKerasNpz(new MemoryStream(file)), "npz archive is corrupt");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Npz_of_200000_unneeded_entries_is_refused_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        byte[] npz = ManyEntryZip.Empty(200_000);

        Expect.InvalidData(() => weights.LoadKerasNpz(new MemoryStream(npz)), "npz archive declares 200000 entries, more than the 4096-entry limit");
        Expect.InvalidData(() => weights.LoadKerasNpz(new NonSeekableStream(npz, 65_536)), "npz archive declares 200000 entries, more than the 4096-entry limit");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Safetensors_with_200000_unneeded_tensors_besides_the_layer_is_refused_and_changes_nothing()
    {
        SimpleRnnWeights weights = Loaded();
        byte[] safetensors = SafetensorsWriter.Write(
        [
            SafetensorsWriter.FromFloats("weight_ih_l0", W, [Output, Input]),
            SafetensorsWriter.FromFloats("weight_hh_l0", U, [Output, Output]),
            SafetensorsWriter.FromFloats("bias_ih_l0", BiasIh, [Output]),
            SafetensorsWriter.FromFloats("bias_hh_l0", BiasHh, [Output]),
            .. Enumerable.Range(0, 200_000).Select(i => new SafetensorsWriter.Tensor("unused." + i, "F32", [0], [])),
        ]);

        Expect.InvalidData(() => weights.LoadPyTorchSafetensors(new MemoryStream(safetensors)), "safetensors header holds more than 65536 JSON values");

        AssertWeights(weights, W, U, B);
    }

    [Fact]
    public void Null_and_empty_arguments_are_refused()
    {
        var weights = new SimpleRnnWeights(Input, Output, useBias: true);
        Assert.Throws<ArgumentNullException>(() => weights.LoadKerasNpz((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => weights.LoadKerasNpz((string)null!));
        Assert.Throws<ArgumentException>(() => weights.LoadKerasNpz(string.Empty));
        Assert.Throws<ArgumentNullException>(() => weights.LoadPyTorchSafetensors((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => weights.LoadPyTorchSafetensors(new MemoryStream(), null!));
    }

    private static SimpleRnnWeights Loaded()
    {
        var weights = new SimpleRnnWeights(Input, Output, useBias: true);
        weights.LoadSeed(W, U, B);
        return weights;
    }

    internal static void AssertWeights(SimpleRnnWeights weights, IEnumerable<float> w, IEnumerable<float> u, IEnumerable<float> b)
    {
        Assert.Equal(w, weights.W.ToArray());
        Assert.Equal(u, weights.U.ToArray());
        Assert.Equal(b, weights.B.ToArray());
    }

    internal static float[] Transpose(float[] matrix, int rows, int columns)
    {
        float[] transposed = new float[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                transposed[(c * rows) + r] = matrix[(r * columns) + c];
            }
        }

        return transposed;
    }
}
