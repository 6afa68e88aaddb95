using System;
using System.Runtime.CompilerServices;
using RnnGen.Layout;
using RnnGen.Weights;

namespace RnnGen.Runtime.Tests.Gated;

/// <summary>
/// Where a GRU's and an LSTM's weights land in the packed copy the kernels read: each gate's vector in each chunk of a row, the
/// bias row with the biases the cell adds at load time, a GRU candidate's recurrent bias row, and zeros in the
/// padding up to the vector width.
/// </summary>
public class GatedPackedLayoutTests
{
    public static TheoryData<string> Layers => ["GRU", "GRU reset_after=False", "LSTM", "GRU without bias", "LSTM without bias"];

    [Theory]
    [InlineData(1, 5, 15, 45, 120, 135, 150)]
    [InlineData(4, 8, 24, 72, 192, 216, 240)]
    [InlineData(8, 8, 24, 72, 192, 216, 240)]
    [InlineData(16, 16, 48, 144, 384, 432, 480)]
    public void A_GRU_with_reset_after_pads_each_gate_and_keeps_a_recurrent_bias_row(
        int lanes, int padded, int rowLength, int recurrentOffset, int biasOffset, int recurrentBiasOffset, long length)
    {
        var layout = new PackedLayout(CellKind.Gru, GatedLayer.Input, GatedLayer.Output, resetAfter: true, lanes);

        // Chunk by chunk: z, r and n of outputs 0..L-1, then of L..2L-1.
        Assert.Equal(
            (3, padded, lanes, 2 * lanes, 3 * lanes, rowLength, recurrentOffset, biasOffset, recurrentBiasOffset, length, true),
            (layout.Gates, layout.PaddedOutput, layout.VectorOffset(1, 0), layout.VectorOffset(2, 0), layout.VectorOffset(0, 1), layout.RowLength, layout.RecurrentOffset, layout.BiasOffset, layout.RecurrentBiasOffset, layout.Length, layout.HasRecurrentBiasRow));
    }

    [Theory]
    [InlineData(false, false, 8, 24, 216)]
    [InlineData(true, false, 8, 32, 288)]
    [InlineData(true, true, 16, 64, 576)]
    public void Cells_with_one_bias_row_end_with_it(bool lstm, bool resetAfter, int lanes, int rowLength, long length)
    {
        // An LSTM ignores resetAfter: it has one bias per gate either way.
        var layout = new PackedLayout(lstm ? CellKind.Lstm : CellKind.Gru, GatedLayer.Input, GatedLayer.Output, resetAfter, lanes);

        Assert.False(layout.HasRecurrentBiasRow);
        Assert.Equal(rowLength, layout.RowLength);
        Assert.Equal((GatedLayer.Input + GatedLayer.Output) * rowLength, layout.BiasOffset);
        Assert.Equal(length, layout.Length);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Every_weight_lands_in_its_chunk_and_gate_and_the_padding_stays_zero(string layerName)
    {
        GatedLayer layer = GatedWeightFileLoadTests.Layer(layerName);
        LayerWeights weights = layer.CreateLoaded();
        var layout = new PackedLayout(layer.Cell, GatedLayer.Input, GatedLayer.Output, layer.ResetAfter, weights.Lanes);
        float[] packed = Packed(weights, layout);
        var expected = new float[packed.Length];
        int row = layout.RowLength;
        int rows = layer.Rows;
        for (int gate = 0; gate < layer.Gates; gate++)
        {
            for (int unit = 0; unit < GatedLayer.Output; unit++)
            {
                // Written out rather than asked of the layout: chunk unit / L holds every gate's L floats in turn.
                int column = (unit / weights.Lanes * layer.Gates * weights.Lanes) + (gate * weights.Lanes) + (unit % weights.Lanes);
                int keras = (gate * GatedLayer.Output) + unit;
                for (int i = 0; i < GatedLayer.Input; i++)
                {
                    expected[(i * row) + column] = layer.Kernel[(i * rows) + keras];
                }

                for (int j = 0; j < GatedLayer.Output; j++)
                {
                    expected[layout.RecurrentOffset + (j * row) + column] = layer.RecurrentKernel[(j * rows) + keras];
                }

                // Only a reset-after GRU's candidate keeps its recurrent bias apart; every other gate adds both at load time.
                bool apart = layout.HasRecurrentBiasRow && gate == 2;
                float inputBias = layer.KerasBias[keras];
                float recurrentBias = layout.HasRecurrentBiasRow ? layer.KerasBias[rows + keras] : 0f;
                expected[layout.BiasOffset + column] = apart ? inputBias : inputBias + recurrentBias;
                if (apart)
                {
                    expected[layout.RecurrentBiasOffset + column] = recurrentBias;
                }
            }
        }

        for (int k = 0; k < packed.Length; k++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(expected[k]) == BitConverter.SingleToInt32Bits(packed[k]),
                $"{layer}: packed[{k}] (row {k / row}, column {k % row}) is {packed[k]}, expected {expected[k]} (lanes {weights.Lanes}).");
        }
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void PyTorch_and_Keras_loads_pack_the_same_floats(string layerName)
    {
        GatedLayer layer = GatedWeightFileLoadTests.Layer(layerName);
        if (!layer.HasPyTorchLayout)
        {
            return;
        }

        LayerWeights fromKeras = layer.CreateLoaded();
        LayerWeights fromPyTorch = layer.Create();
        GatedLayer.LoadPyTorch(fromPyTorch, layer.WeightIh, layer.WeightHh, layer.BiasIh, layer.BiasHh);
        var layout = new PackedLayout(layer.Cell, GatedLayer.Input, GatedLayer.Output, layer.ResetAfter, fromKeras.Lanes);

        Assert.Equal(Packed(fromKeras, layout), Packed(fromPyTorch, layout));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void The_packed_copy_starts_on_a_cache_line(string layerName)
    {
        LayerWeights weights = GatedWeightFileLoadTests.Layer(layerName).CreateLoaded();

        Assert.Equal(0L, Address(ref weights.Packed) % 64);
    }

    private static float[] Packed(LayerWeights weights, PackedLayout layout)
    {
        float[] copy = new float[layout.Length];
        ref float first = ref weights.Packed;
        for (int k = 0; k < copy.Length; k++)
        {
            copy[k] = Unsafe.Add(ref first, k);
        }

        return copy;
    }

    private static unsafe long Address(ref float value) => (long)Unsafe.AsPointer(ref value);
}
