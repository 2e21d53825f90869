using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ConnectooBot.Web.VivaLearning;

/// <summary>
/// The Viva Learning calls the sync makes, through the Graph SDK, each one as documented in Graph v1.0:
/// <list type="bullet">
/// <item>PATCH <c>/employeeExperience/learningProviders/{registrationId}/learningContents(externalId='{externalId}')</c> (upsert; LearningContent.ReadWrite.All), and a GET on the same path only if the 202 has no body</item>
/// <item>GET <c>…/learningCourseActivities(externalcourseActivityId='{id}')</c>, POST <c>…/learningCourseActivities</c>,
/// PATCH and DELETE <c>…/learningCourseActivities/{id}</c> (LearningSelfInitiatedCourse.ReadWrite.All)</item>
/// </list>
/// A POST is retried by the SDK only after a 429 (the request was not processed); after a 503/504 it may have been,
/// so the caller looks the activity up by its external id before posting again.
/// </summary>
internal sealed class VivaGraph(GraphServiceClient client, IOptions<VivaLearningOptions> options)
{
    private Microsoft.Graph.EmployeeExperience.LearningProviders.Item.LearningProviderItemRequestBuilder Provider =>
        client.EmployeeExperience.LearningProviders[options.Value.RegistrationId];

    /// <returns>The content's Viva Learning id (read back by external id when the 202 carries no body).</returns>
    public async Task<string> UpsertContentAsync(LearningContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var byExternalId = Provider.LearningContentsWithExternalId(content.ExternalId!);
        var saved = await byExternalId.PatchAsync(content, cancellationToken: cancellationToken)
            ?? await byExternalId.GetAsync(cancellationToken: cancellationToken);
        return saved?.Id ?? throw new InvalidOperationException("Viva Learning returned no id for an upserted content.");
    }

    /// <returns>The activity's id, or null when there is none with that external id.</returns>
    public async Task<string?> FindActivityAsync(string externalId, CancellationToken cancellationToken)
    {
        try
        {
            var found = await Provider.LearningCourseActivitiesWithExternalcourseActivityId(externalId).GetAsync(cancellationToken: cancellationToken);
            return found?.Id;
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <returns>The created activity's id.</returns>
    public async Task<string> CreateActivityAsync(LearningSelfInitiatedCourse activity, CancellationToken cancellationToken)
    {
        var created = await Provider.LearningCourseActivities.PostAsync(activity, request => request.Options.Add(new RetryHandlerOption
        {
            MaxRetry = options.Value.MaxRetries,
            ShouldRetry = (_, _, response) => response.StatusCode == HttpStatusCode.TooManyRequests,
        }), cancellationToken);
        return created?.Id ?? throw new InvalidOperationException("Viva Learning returned no id for a created activity.");
    }

    public Task UpdateActivityAsync(string id, LearningSelfInitiatedCourse activity, CancellationToken cancellationToken) =>
        Provider.LearningCourseActivities[id].PatchAsync(activity, cancellationToken: cancellationToken);

    /// <summary>Deletes an activity; one already gone (404) counts as deleted.</summary>
    public async Task DeleteActivityAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await Provider.LearningCourseActivities[id].DeleteAsync(cancellationToken: cancellationToken);
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
        }
    }
}
