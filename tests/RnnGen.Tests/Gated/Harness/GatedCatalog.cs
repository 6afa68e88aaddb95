using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using RnnGen.Tests.Harness;

namespace RnnGen.Tests.Gated.Harness;

/// <summary>
/// Every class of this project declared with [Gru] or [Lstm], by its name, and the groups the theories run over.
/// The classes are found by their attribute, so a new one is tested without being listed anywhere; the stack tests'
/// layers (the largest the generator accepts, in <c>RnnGen.Tests.Stack.Models</c>) are theirs alone.
/// </summary>
public static class GatedCatalog
{
    private static readonly Dictionary<string, Type> Models = typeof(GatedCatalog).Assembly.GetTypes()
        .Where(type => type.GetCustomAttribute<GruAttribute>() is not null || type.GetCustomAttribute<LstmAttribute>() is not null)
        .Where(type => type.Namespace != typeof(Stack.Models.LstmLargest).Namespace)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToDictionary(type => type.Name);

    private static readonly Dictionary<string, GatedShape> Shapes = Models.ToDictionary(pair => pair.Key, pair => GatedUnderTest.ShapeOf(pair.Value));

    /// <summary>Every gated model.</summary>
    public static TheoryData<string> All => Names(_ => true);

    /// <summary>The LSTMs.</summary>
    public static TheoryData<string> Lstm => Names(shape => shape.IsLstm);

    /// <summary>The models with a bias (the default).</summary>
    public static TheoryData<string> WithBias => Names(shape => shape.UseBias);

    /// <summary>The models declared with <c>UseBias = false</c>.</summary>
    public static TheoryData<string> WithoutBias => Names(shape => !shape.UseBias);

    /// <summary>The models that load PyTorch weights: every LSTM, and the GRUs with ResetAfter.</summary>
    public static TheoryData<string> WithPyTorchLayout => Names(shape => shape.HasPyTorchLayout);

    /// <summary>The models with a bias that add two biases at load time, in PyTorch's layout.</summary>
    public static TheoryData<string> WithPyTorchBiasSums => Names(shape => shape.UseBias && shape.HasPyTorchLayout);

    /// <summary>The GRUs with ResetAfter and a bias, whose Keras bias has two rows the load adds for z and r.</summary>
    public static TheoryData<string> WithKerasBiasRows => Names(shape => shape.UseBias && shape.KerasBiasRows == 2);

    /// <summary>The type of the model called <paramref name="name"/>, or null.</summary>
    public static Type? Find(string name) => Models.GetValueOrDefault(name);

    /// <summary>The shape of the model called <paramref name="name"/>.</summary>
    public static GatedShape Shape(string name) => Shapes[name];

    /// <summary>A new instance of the model called <paramref name="name"/>.</summary>
    public static GatedUnderTest Create(string name) => GatedUnderTest.Create(Models[name]);

    /// <summary>
    /// A new instance of the model called <paramref name="name"/> holding random weights (loaded in the Keras
    /// layout), and the generator they came from, seeded by the name so that every run sees the same numbers.
    /// </summary>
    public static (GatedUnderTest Rnn, GatedWeights Weights, Random Random) CreateLoaded(string name)
    {
        GatedUnderTest rnn = Create(name);
        Random random = RandomData.For(name);
        var weights = GatedWeights.Random(rnn.Shape, random);
        rnn.Load(weights);
        return (rnn, weights, random);
    }

    /// <summary>The names of the models whose shape passes <paramref name="filter"/>.</summary>
    public static IEnumerable<string> NamesWhere(Func<GatedShape, bool> filter)
        => Shapes.Where(pair => filter(pair.Value)).Select(pair => pair.Key);

    private static TheoryData<string> Names(Func<GatedShape, bool> filter) => new(NamesWhere(filter));
}
