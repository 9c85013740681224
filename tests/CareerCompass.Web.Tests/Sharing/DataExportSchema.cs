using System.Text.Json;
using System.Text.Json.Nodes;
using CareerCompass.Web.Tests.Infrastructure;
using Json.Schema;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>docs/data-export.schema.json, the documented shape of "Download your data", and checks against it.</summary>
internal static class DataExportSchema
{
    public static string Path => System.IO.Path.Combine(Repository.Root, "docs", "data-export.schema.json");

    /// <summary>The export is valid against the schema file, with formats (date, date-time, email) checked too.</summary>
    public static void AssertValid(JsonElement export)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path));
        var result = schema.Evaluate(export, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = result.Details?.Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")) ?? [];
        Assert.True(result.IsValid, "The export does not match docs/data-export.schema.json:\n" + string.Join("\n", errors));
    }

    /// <summary>
    /// Every object in the schema refuses properties it does not name and requires every one it names, and every
    /// property has a description: so the export can neither grow a part nor drop one without the schema changing.
    /// </summary>
    public static void AssertClosedAndDescribed()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path))!.AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)root["$schema"]);
        var problems = new List<string>();
        Walk(root, "#", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Walk(JsonObject node, string at, List<string> problems)
    {
        if (node["properties"] is JsonObject properties)
        {
            if (node["additionalProperties"]?.GetValue<bool>() != false)
            {
                problems.Add($"{at}: additionalProperties is not false");
            }

            var required = node["required"]?.AsArray().Select(r => (string?)r).ToHashSet() ?? [];
            foreach (var (name, value) in properties)
            {
                if (!required.Contains(name))
                {
                    problems.Add($"{at}/{name}: not required");
                }

                if (value is not JsonObject child || string.IsNullOrWhiteSpace((string?)child["description"]))
                {
                    problems.Add($"{at}/{name}: no description");
                    continue;
                }

                Walk(child, $"{at}/{name}", problems);
            }
        }

        if (node["items"] is JsonObject items)
        {
            if (string.IsNullOrWhiteSpace((string?)items["description"]))
            {
                problems.Add($"{at}/items: no description");
            }

            Walk(items, $"{at}/items", problems);
        }
    }
}
