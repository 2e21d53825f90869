using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConnectooBot.Learning.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ConnectooBot.Storage.Content;

/// <summary>
/// Loads <c>course.yaml</c> and <c>modules/&lt;id&gt;/</c> and checks everything dialogs-content/FORMAT.md promises:
/// ids well-formed and unique, every language complete with exactly the structure's ids, exactly one correct choice
/// among the choices, an explanation for every choice, checks that name real steps, sizes within the limits, a source
/// on every question. All problems are reported at once; the content version is a hash of every file read.
/// </summary>
internal static partial class CourseLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static Course Load(string rootPath)
    {
        var problems = new List<string>();
        var hash = new List<(string Path, byte[] Bytes)>();
        var courseFile = Read<CourseFile>(rootPath, "course.yaml", problems, hash);
        if (courseFile is null)
        {
            throw new ContentValidationException(problems);
        }

        CheckCourse(courseFile, problems);
        var modules = new List<Module>();
        foreach (var (moduleId, index) in (courseFile.Modules ?? []).Select((m, i) => (m, i)))
        {
            if (LoadModule(rootPath, moduleId, index + 1, courseFile, problems, hash) is { } module)
            {
                modules.Add(module);
            }
        }

        var finalCase = courseFile.FinalCase is { } caseId ? LoadModule(rootPath, caseId, modules.Count + 1, courseFile, problems, hash) : null;
        if (finalCase is { IsCase: false })
        {
            problems.Add($"modules/{finalCase.Id}/module.yaml: the final case needs 'kind: case'.");
        }

        GlossaryChecks.Check(rootPath, [.. courseFile.Modules ?? [], .. courseFile.FinalCase is { } f ? [f] : Array.Empty<string>()], problems, hash);

        if (problems.Count > 0)
        {
            throw new ContentValidationException(problems);
        }

        return new Course
        {
            Id = courseFile.Id!,
            PassMark = courseFile.PassMark,
            QuestionsPerAttempt = courseFile.QuestionsPerAttempt,
            Modules = modules,
            FinalCase = finalCase,
            Version = VersionOf(hash),
        };
    }

    private static void CheckCourse(CourseFile course, List<string> problems)
    {
        if (!IsId(course.Id))
        {
            problems.Add("course.yaml: 'id' is missing or not kebab-case.");
        }

        if (course.PassMark is <= 0 or > 1)
        {
            problems.Add("course.yaml: 'passMark' must be between 0 and 1.");
        }

        if (course.QuestionsPerAttempt < 1)
        {
            problems.Add("course.yaml: 'questionsPerAttempt' must be at least 1.");
        }

        // An empty list is allowed: the course is not published yet, and the bot says so.
        problems.AddRange((course.Modules ?? []).GroupBy(m => m).Where(g => g.Count() > 1).Select(g => $"course.yaml: module '{g.Key}' is listed twice."));
    }

    private static Module? LoadModule(string root, string moduleId, int number, CourseFile course, List<string> problems, List<(string, byte[])> hash)
    {
        var folder = $"modules/{moduleId}";
        var structure = Read<ModuleFile>(root, $"{folder}/module.yaml", problems, hash);
        if (structure is null)
        {
            return null;
        }

        var before = problems.Count;
        var perAttempt = course.QuestionsPerAttempt;
        ModuleChecks.CheckStructure(folder, moduleId, structure, perAttempt, problems);
        var structureValid = problems.Count == before;
        var texts = new Dictionary<string, ModuleText>(StringComparer.Ordinal);
        foreach (var language in ContentLimits.Languages)
        {
            var file = Read<ModuleTextFile>(root, $"{folder}/{language}.yaml", problems, hash);
            if (file is not null && structureValid)
            {
                ModuleChecks.CheckTexts($"{folder}/{language}.yaml", structure, file, problems);
                texts[language] = ModuleMapper.Text(file, language);
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var module = ModuleMapper.Module(structure, number, texts);
        foreach (var language in ContentLimits.Languages)
        {
            var drawn = module.IsCase ? module.Questions.Count : perAttempt;
            var stats = QuizStatistics.Of(module, language, drawn, course.PassMark);
            if (stats.LongestCorrectShare > ContentLimits.MaxLongestCorrectShare)
            {
                problems.Add($"{folder}/{language}.yaml: the right choice is the strictly longest in {stats.CorrectIsLongest} of {stats.Questions} questions ({stats.LongestCorrectShare:P0}); at most {ContentLimits.MaxLongestCorrectShare:P0}.");
            }

            if (stats.BlindPassProbability > ContentLimits.MaxBlindPassProbability)
            {
                problems.Add($"{folder}/{language}.yaml: 'always pick the longest choice' passes an attempt with probability {stats.BlindPassProbability:0.000}; at most {ContentLimits.MaxBlindPassProbability:0.00}.");
            }
        }

        return problems.Count > before ? null : module;
    }

    private static T? Read<T>(string root, string relativePath, List<string> problems, List<(string, byte[])> hash)
        where T : class
    {
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
        {
            problems.Add($"{relativePath}: missing.");
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        hash.Add((relativePath, bytes));
        try
        {
            var value = Yaml.Deserialize<T>(Encoding.UTF8.GetString(bytes));
            if (value is null)
            {
                problems.Add($"{relativePath}: empty.");
            }

            return value;
        }
        catch (YamlException ex)
        {
            problems.Add($"{relativePath}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
    }

    private static string VersionOf(List<(string Path, byte[] Bytes)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n")));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    internal static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
