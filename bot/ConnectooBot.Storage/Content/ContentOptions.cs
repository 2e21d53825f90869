using System.ComponentModel.DataAnnotations;

namespace ConnectooBot.Storage.Content;

/// <summary>Where the content lives (section <c>Content</c>). By default the copy shipped beside the app.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    [Required]
    public string RootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "dialogs-content");
}
