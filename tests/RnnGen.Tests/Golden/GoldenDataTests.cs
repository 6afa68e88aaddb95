using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RnnGen.Tests.Golden;

/// <summary>
/// The golden data is part of this repository: the tests find it there, and nothing outside the repository root, so a
/// bare clone runs them. Each set (a folder with a manifest.json) lists exactly the case folders and tensor files it holds.
/// </summary>
public class GoldenDataTests
{
    [Fact]
    public void The_golden_directory_lies_inside_the_repository()
    {
        string root = Path.GetFullPath(GoldenLocation.RepositoryRoot);
        string golden = Path.GetFullPath(GoldenLocation.Directory);

        Assert.Equal(Path.GetFullPath(Path.Combine(root, GoldenLocation.RelativePath)), golden);
        Assert.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, golden, StringComparison.Ordinal);

        // A link could still lead out of the repository: none of the data may be one.
        for (DirectoryInfo? dir = new(golden); dir is not null && dir.FullName.Length > root.Length; dir = dir.Parent)
        {
            Assert.True(dir.LinkTarget is null, $"{dir.FullName} is a link to {dir.LinkTarget}.");
        }

        foreach (string entry in Directory.EnumerateFileSystemEntries(golden, "*", SearchOption.AllDirectories))
        {
            FileSystemInfo info = File.Exists(entry) ? new FileInfo(entry) : new DirectoryInfo(entry);
            Assert.True(info.LinkTarget is null, $"{entry} is a link to {info.LinkTarget}.");
        }
    }

    [Fact]
    public void Every_manifest_lists_exactly_the_case_folders_and_tensor_files_beside_it()
    {
        string[] manifests = Directory.GetFiles(GoldenLocation.Directory, "manifest.json", SearchOption.AllDirectories);
        Assert.Contains(Path.Combine(GoldenLocation.Directory, "manifest.json"), manifests);

        foreach (string manifestPath in manifests)
        {
            string set = Path.GetDirectoryName(manifestPath)!;
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            JsonElement[] cases = [.. manifest.RootElement.GetProperty("cases").EnumerateArray()];

            // Case folders: every subfolder except a nested set, which has its own manifest.
            string[] folders = [.. Directory.GetDirectories(set)
                .Where(dir => !File.Exists(Path.Combine(dir, "manifest.json")))
                .Select(dir => Path.GetFileName(dir))
                .Order(StringComparer.Ordinal)];
            string[] listed = [.. cases.Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
            Assert.True(folders.SequenceEqual(listed), $"{manifestPath} lists [{string.Join(", ", listed)}], the folder holds [{string.Join(", ", folders)}].");

            string[] files = [.. folders
                .SelectMany(folder => Directory.GetFiles(Path.Combine(set, folder), "*", SearchOption.AllDirectories))
                .Select(file => Path.GetRelativePath(set, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)];
            string[] tensors = [.. cases
                .SelectMany(c => c.GetProperty("tensors").EnumerateObject())
                .Select(tensor => tensor.Value.GetProperty("file").GetString()!)
                .Order(StringComparer.Ordinal)];
            Assert.True(files.SequenceEqual(tensors), $"{manifestPath}: tensor files listed but absent: [{string.Join(", ", tensors.Except(files))}]; present but not listed: [{string.Join(", ", files.Except(tensors))}].");
        }
    }

    [Fact]
    public void Every_cases_tsv_names_the_cases_of_its_manifest()
    {
        foreach (string tsv in Directory.GetFiles(GoldenLocation.Directory, "cases.tsv", SearchOption.AllDirectories))
        {
            string set = Path.GetDirectoryName(tsv)!;
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(set, "manifest.json")));
            List<string> listed = [.. manifest.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

            string[] header = File.ReadLines(tsv).First().TrimStart('#', ' ').Split('\t');
            int column = Array.IndexOf(header, header.Contains("case") ? "case" : "name");
            Assert.True(column >= 0, $"{tsv}: no 'name' or 'case' column in its header.");
            List<string> lines = [.. File.ReadLines(tsv)
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => line.Split('\t')[column])];

            Assert.Equal(listed, lines);
        }
    }
}
