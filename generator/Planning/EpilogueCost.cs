using RnnGen.Generator.Cells;
using RnnGen.Generator.Models;

namespace RnnGen.Generator.Planning;

/// <summary>
/// How many costly activations (tanh, sigmoid: a dozen instructions and several constants each) a cell's epilogue
/// applies per chunk in one phase, found by running the cell's own epilogue against a writer that only counts.
/// </summary>
internal static class EpilogueCost
{
    public static int Activations(LayerModel model, int phase)
    {
        var counter = new Counter();
        Cell.For(model.Cell).WriteEpilogue(model, phase, counter);
        return counter.Costly;
    }

    private sealed class Counter : IEpilogueWriter
    {
        public int Costly { get; private set; }

        public string HiddenPrevious => "h";

        public string CellPrevious => "c";

        public string Sum(string slot) => slot;

        public string Let(string name, string value) => name;

        public string Activate(ActivationKind activation, string value)
        {
            if (activation is ActivationKind.Tanh or ActivationKind.Sigmoid)
            {
                Costly++;
            }

            return value;
        }

        public string MultiplyAdd(string a, string b, string c) => a;

        public void StoreHidden(string value)
        {
        }

        public void StoreCell(string value)
        {
        }

        public string LoadScratch(string row) => row;

        public void StoreScratch(string row, string value)
        {
        }

        public void Comment(string text)
        {
        }
    }
}
