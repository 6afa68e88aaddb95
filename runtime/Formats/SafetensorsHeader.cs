using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RnnGen.Formats;

/// <summary>
/// Parses and checks a safetensors JSON header the way the reference implementation does: every tensor has a
/// known dtype, a shape and <c>[begin, end]</c> offsets whose span matches shape × dtype size, and the tensors
/// cover the data buffer exactly, without overlaps or holes.
/// </summary>
internal static class SafetensorsHeader
{
    private const string MetadataKey = "__metadata__";
    private const string Part = "safetensors header";

    /// <summary>The tensors, in header order.</summary>
    public static List<SafetensorsEntry> Parse(byte[] header)
    {
        JsonValue root = MiniJson.Parse(header, 0, header.Length, Part);
        if (root.Kind != JsonKind.Object)
        {
            throw new InvalidDataException(Part + " must be a JSON object, but it is " + root.KindName + ".");
        }

        CheckTensorCount(root);
        var entries = new List<SafetensorsEntry>(root.Members.Count);
        foreach (KeyValuePair<string, JsonValue> member in root.Members)
        {
            if (member.Key == MetadataKey)
            {
                CheckMetadata(member.Value);
            }
            else
            {
                entries.Add(ParseEntry(member.Key, member.Value));
            }
        }

        return entries;
    }

    /// <summary>Checks that the tensors tile the buffer and returns its length (the end of the last tensor).</summary>
    public static long CheckCoverage(List<SafetensorsEntry> entries)
    {
        long expectedBegin = 0;
        SafetensorsEntry? previous = null;
        foreach (SafetensorsEntry entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Begin != expectedBegin)
            {
                string relation = entry.Begin < expectedBegin ? "overlaps" : "leaves a gap after";
                string neighbour = previous is null ? "the start of the data buffer" : "tensor '" + previous.Name + "'";
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{entry.Part} {relation} {neighbour}: it begins at byte {entry.Begin} of the data buffer, but the previous data ends at byte {expectedBegin}."));
            }

            expectedBegin = entry.End;
            previous = entry;
        }

        return expectedBegin;
    }

    /// <summary>Every tensor costs a record and a place in the coverage check, needed or not, so their number is bounded first.</summary>
    private static void CheckTensorCount(JsonValue root)
    {
        int tensors = root.Member(MetadataKey) is null ? root.Members.Count : root.Members.Count - 1;
        if (tensors > FormatLimits.MaxEntries)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{Part} describes {tensors} tensors, more than the {FormatLimits.MaxEntries}-tensor limit; a layer's weights are four tensors, so save them on their own (safetensors.torch.save_file(rnn.state_dict(), path)) or check that this is the right file."));
        }
    }

    private static void CheckMetadata(JsonValue metadata)
    {
        if (metadata.Kind == JsonKind.Null)
        {
            return;
        }

        if (metadata.Kind != JsonKind.Object)
        {
            throw new InvalidDataException(Part + ": '" + MetadataKey + "' must be an object of strings, but it is " + metadata.KindName + ".");
        }

        foreach (KeyValuePair<string, JsonValue> item in metadata.Members)
        {
            if (item.Value.Kind != JsonKind.String)
            {
                throw new InvalidDataException(Part + ": '" + MetadataKey + "' entry '" + item.Key + "' must be a string, but it is " + item.Value.KindName + ".");
            }
        }
    }

    private static SafetensorsEntry ParseEntry(string name, JsonValue description)
    {
        string part = "safetensors tensor '" + name + "'";
        if (description.Kind != JsonKind.Object)
        {
            throw new InvalidDataException(part + " must be described by an object, but it is " + description.KindName + ".");
        }

        JsonValue dtypeValue = Require(description, "dtype", part);
        if (dtypeValue.Kind != JsonKind.String)
        {
            throw new InvalidDataException(part + ": 'dtype' must be a string, but it is " + dtypeValue.KindName + ".");
        }

        string dtype = dtypeValue.Text;
        int bits = SafetensorsDtype.Bits(dtype);
        if (bits == 0)
        {
            throw new InvalidDataException(part + " has the unknown dtype '" + dtype + "'.");
        }

        long[] shape = ReadIntegers(Require(description, "shape", part), "shape", part);
        long[] offsets = ReadIntegers(Require(description, "data_offsets", part), "data_offsets", part);
        if (offsets.Length != 2)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part}: 'data_offsets' must hold two numbers [begin, end], but it holds {offsets.Length}."));
        }

        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part} has data_offsets [{begin}, {end}], which end before they begin."));
        }

        // Counts are capped far below long.MaxValue / 64, so count × bits cannot overflow.
        long count = ShapeMath.ElementCount(shape, part);
        long totalBits = count * bits;
        if (totalBits % 8 != 0)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{part}: {count} elements of {dtype} do not fill a whole number of bytes."));
        }

        long byteCount = totalBits / 8;
        if (end - begin != byteCount)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{part} has data_offsets [{begin}, {end}], which span {end - begin} bytes, but shape {TensorData.FormatShape(shape)} of {dtype} needs {byteCount} bytes."));
        }

        return new SafetensorsEntry(name, dtype, shape, begin, end);
    }

    private static JsonValue Require(JsonValue description, string key, string part)
        => description.Member(key) ?? throw new InvalidDataException(part + " has no '" + key + "'.");

    private static long[] ReadIntegers(JsonValue array, string key, string part)
    {
        if (array.Kind != JsonKind.Array)
        {
            throw new InvalidDataException(part + ": '" + key + "' must be an array of integers, but it is " + array.KindName + ".");
        }

        long[] values = new long[array.Items.Count];
        for (int i = 0; i < values.Length; i++)
        {
            JsonValue item = array.Items[i];
            if (!item.TryGetInt64(out values[i]) || values[i] < 0)
            {
                throw new InvalidDataException(FormattableString.Invariant($"{part}: '{key}' must hold non-negative integers, but element {i} is {item.KindName}."));
            }
        }

        return values;
    }
}
