namespace ConnectooBot.Web.Legal;

/// <summary>One legal text in one language: its title (the Markdown's first heading) and its body as safe HTML.</summary>
public sealed record LegalDocument(string Name, string Language, string Title, string BodyHtml);
