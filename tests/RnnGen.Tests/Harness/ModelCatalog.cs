using System;
using System.Collections.Generic;
using System.Linq;
using RnnGen.Tests.Models;

namespace RnnGen.Tests.Harness;

/// <summary>Every annotated class of this project, by a readable name, and the groups the theories run over.</summary>
public static class ModelCatalog
{
    private static readonly Dictionary<string, Type> Models = new Type[]
    {
        typeof(Tanh1x1x1),
        typeof(Tanh1x3x5),
        typeof(Tanh7x9x33),
        typeof(Tanh100x32x64),
        typeof(Tanh10x130x100),
        typeof(Tanh5x64x256),
        typeof(Tanh1000x8x16),
        typeof(Tanh13x3x5),
        typeof(Relu13x3x5),
        typeof(Sigmoid13x3x5),
        typeof(Linear13x3x5),
        typeof(Tanh9x7x20),
        typeof(Relu9x7x20),
        typeof(Sigmoid9x7x20),
        typeof(Linear9x7x20),
        typeof(Tanh9x7x20NoBias),
        typeof(Relu13x3x5NoBias),
        typeof(Linear3x1x1NoBias),
        typeof(GoldenMainTanh100x32x64),
        typeof(GoldenRelu50x16x32),
        typeof(GoldenTanhInitialState20x8x16),
        typeof(GoldenSigmoidNoBias30x12x24),
        typeof(GoldenLinearOdd13x3x5),
        typeof(GoldenTanhSingleStep1x32x64),
        typeof(Outer.Inner),
        typeof(GenericRnn<int>),
        typeof(GenericRnn<string>),
        typeof(InternalSealedRnn),
        typeof(GlobalNamespaceRnn),
    }.ToDictionary(DisplayName);

    /// <summary>The class of each golden case in tests/data/golden.</summary>
    private static readonly Dictionary<string, Type> GoldenModels = new()
    {
        ["main_tanh_100x32x64"] = typeof(GoldenMainTanh100x32x64),
        ["relu_50x16x32"] = typeof(GoldenRelu50x16x32),
        ["tanh_initial_state_20x8x16"] = typeof(GoldenTanhInitialState20x8x16),
        ["sigmoid_no_bias_30x12x24"] = typeof(GoldenSigmoidNoBias30x12x24),
        ["linear_odd_13x3x5"] = typeof(GoldenLinearOdd13x3x5),
        ["tanh_single_step_1x32x64"] = typeof(GoldenTanhSingleStep1x32x64),
    };

    /// <summary>Every model.</summary>
    public static TheoryData<string> All => Names(_ => true);

    /// <summary>The models with a bias (the default).</summary>
    public static TheoryData<string> WithBias => Names(type => Attribute(type).UseBias);

    /// <summary>The models declared with <c>UseBias = false</c>.</summary>
    public static TheoryData<string> WithoutBias => Names(type => !Attribute(type).UseBias);

    /// <summary>A new instance of the model called <paramref name="name"/>.</summary>
    public static RnnUnderTest Create(string name) => RnnUnderTest.Create(name, Models[name]);

    /// <summary>
    /// A new instance of the model called <paramref name="name"/> holding random weights, and the generator they
    /// came from, seeded by the name so that every run of a test sees the same numbers.
    /// </summary>
    public static (RnnUnderTest Rnn, WeightSet Weights, Random Random) CreateLoaded(string name)
    {
        RnnUnderTest rnn = Create(name);
        Random random = RandomData.For(name);
        var weights = WeightSet.Random(rnn.Shape, random);
        rnn.Load(weights);
        return (rnn, weights, random);
    }

    /// <summary>A new instance of the model for the golden case <paramref name="caseName"/>.</summary>
    public static RnnUnderTest CreateForGoldenCase(string caseName)
        => GoldenModels.TryGetValue(caseName, out Type? type)
            ? RnnUnderTest.Create(DisplayName(type), type)
            : throw new KeyNotFoundException($"No model is declared for the golden case '{caseName}'; add one to Models/GoldenShapes.cs.");

    private static TheoryData<string> Names(Func<Type, bool> filter)
    {
        var names = new TheoryData<string>();
        foreach ((string name, Type type) in Models)
        {
            if (filter(type))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static SimpleRnnAttribute Attribute(Type type)
        => (SimpleRnnAttribute)System.Attribute.GetCustomAttribute(type, typeof(SimpleRnnAttribute))!;

    /// <summary>C#-like names: <c>Outer.Inner</c>, <c>GenericRnn&lt;Int32&gt;</c>.</summary>
    private static string DisplayName(Type type)
    {
        string name = type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}>"
            : type.Name;
        return type.DeclaringType is { } outer ? $"{DisplayName(outer)}.{name}" : name;
    }
}
