using Rectification.Domain.Evaluations;
using Rectification.Domain.Lifecycles;

namespace Rectification.Infrastructure.Lifecycles;

/// <summary>Reads <c>evaluation.yaml</c>: the sources of the effect evaluation, their weights and scorers, and the grades.</summary>
public static class EvaluationFileReader
{
    public const string FileName = "evaluation.yaml";

    public static EvaluationScheme Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static EvaluationScheme Parse(string text, string fileName)
    {
        var reader = new YamlNodeReader(fileName);
        var root = reader.Load(text);
        var version = reader.Int(reader.Required(root, "version"), "version", min: 1);
        var sourcesNode = reader.Required(root, "sources");
        var sources = reader.Mapping(sourcesNode, "sources").Select(kv =>
        {
            var weightNode = reader.Required(kv.Value, "weight");
            var weightText = reader.Scalar(weightNode, "weight");
            if (!decimal.TryParse(weightText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight <= 0 || weight > 1)
            {
                reader.Fail(weightNode, $"weight '{weightText}' must be a number above 0 and at most 1");
            }

            return new EvaluationSource(reader.Scalar(kv.Key, "source"), weight, reader.Roles(reader.Required(kv.Value, "by"), "by"), Label(reader, kv.Value));
        }).ToList();

        var total = sources.Sum(s => s.Weight);
        if (total != 1m)
        {
            reader.Fail(sourcesNode, $"the weights add up to {total}, not 1");
        }

        var grades = reader.Sequence(reader.Required(root, "grades"), "grades").Select(g =>
            new EvaluationGrade(reader.Int(reader.Required(g, "min"), "min", min: 0), Label(reader, g))).ToList();
        if (grades.All(g => g.Min != 0))
        {
            reader.Fail(root, "one grade must start at min: 0 so that every score has a grade");
        }

        return new EvaluationScheme(version, sources, grades);
    }

    private static LocalizedText Label(YamlNodeReader reader, YamlDotNet.RepresentationModel.YamlNode node) =>
        new(reader.Scalar(reader.Required(node, "zh-CN"), "zh-CN label"), reader.Scalar(reader.Required(node, "en"), "en label"));
}
