using System.Globalization;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Turns;
using ConnectooBot.Storage.Content;
using ConnectooBot.Learning.Privacy;

namespace ConnectooBot.Web.Privacy;

/// <summary>What is kept about a person, as labelled lines in their language (for the card and the readable page).</summary>
internal sealed class PersonalDataSummary(Learning.Catalog.Course course, UiContent content)
{
    public IReadOnlyList<(string Label, string Value)> Lines(PersonalData mine, string language)
    {
        var none = content.Text(language, "mydata.none");
        var learner = mine.Learner;
        var lines = new List<(string, string)>();
        void Add(string key, string? value) => lines.Add((content.Text(language, key), string.IsNullOrWhiteSpace(value) ? none : value));
        Add("mydata.name", learner?.DisplayName);
        Add("mydata.language", learner is null ? null : content.Text(learner.Language, "language.name"));
        Add("mydata.timezone", learner?.TimeZone);
        Add("mydata.since", learner is null ? null : LocalDates.Format(learner.FirstSeen, language));
        Add("mydata.last", learner is null ? null : LocalDates.Format(learner.LastActive, language));
        Add("mydata.place", learner?.Progress.Current is { } place ? Place(place, language) : null);
        Add("mydata.modules", learner is null ? null : string.Join(", ", course.Modules.Where(m => learner.Progress.Module(m.Id).Passed).Select(m => m.Texts[language].Title)));
        Add("mydata.attempts", learner?.Progress.Modules.Values.Sum(m => m.AttemptCount).ToString(CultureInfo.InvariantCulture));
        Add("mydata.reviews", learner?.ReviewAnswers.Count.ToString(CultureInfo.InvariantCulture));
        Add("mydata.reminders", learner is null ? null : content.Text(language, learner.Reminders.Off ? "mydata.reminders.off" : "mydata.reminders.on"));
        Add("mydata.sent", mine.MessagesSentOnItsOwn.Count == 0 ? null
            : content.Format(language, "mydata.sent.value", ("count", mine.MessagesSentOnItsOwn.Count), ("last", LocalDates.Format(mine.MessagesSentOnItsOwn[^1].UpdatedAt, language))));
        Add("mydata.badges", mine.Badges.Count == 0 ? null : string.Join(", ", mine.Badges.Select(b => LocalDates.Format(b.Award.IssuedAt, language))));
        Add("mydata.teams", mine.TeamsManaged.Count == 0 ? null : string.Join(", ", mine.TeamsManaged.Select(t => t.Name ?? t.TeamId)));
        return lines;
    }

    /// <summary>"Module 2, step 3" (or its quiz, once the lesson is read; the final case by its title): the place the welcome says is kept.</summary>
    private string? Place(Learning.Progress.Position place, string language)
    {
        if (course.FindModule(place.ModuleId) is not { } module)
        {
            return null;
        }

        if (module.IsCase)
        {
            return module.Texts[language].Title;
        }

        return place.Kind == Learning.Progress.PositionKind.Lesson && place.Index < module.Steps.Count
            ? content.Format(language, "mydata.place.lesson", ("number", module.Number), ("step", place.Index + 1))
            : content.Format(language, "mydata.place.quiz", ("number", module.Number));
    }
}
