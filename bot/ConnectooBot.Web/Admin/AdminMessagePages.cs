using System.Text;
using static ConnectooBot.Web.Admin.AdminHtml;

namespace ConnectooBot.Web.Admin;

/// <summary>The dashboard's pages without figures: no snapshot yet, access refused (403), the development sign-in.</summary>
internal sealed class AdminMessagePages(AdminTexts texts, AdminLayout layout)
{
    public string NoSnapshot(AdminPageFrame frame) => Message(frame, "admin.nosnapshot.heading", "admin.nosnapshot.text");

    public string TooFewLearners(AdminPageFrame frame) => Message(frame, "admin.toofew.heading", "admin.toofew.text");

    public string Forbidden(AdminPageFrame frame) => Message(frame, "admin.forbidden.title", "admin.forbidden.text");

    /// <summary>A GET form: the tenant and one button per role choice (no script, no inline style).</summary>
    public string DevelopmentSignIn(AdminPageFrame frame, string tenantId, string returnUrl)
    {
        var language = frame.Language;
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(texts[language, "admin.devsignin.title"])).Append("</h1>\n<p>").Append(E(texts[language, "admin.devsignin.text"]))
            .Append("</p>\n<form method=\"get\" action=\"").Append(AdminPaths.DevSignIn).Append("\" class=\"sign-in\">\n")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(returnUrl)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(language).Append("\">\n")
            .Append("<p><label for=\"tenant\">").Append(E(texts[language, "admin.devsignin.tenant"])).Append("</label>\n")
            .Append("<input id=\"tenant\" name=\"tenant\" value=\"").Append(E(tenantId)).Append("\" required size=\"40\" autocomplete=\"off\"></p>\n")
            .Append("<p><button type=\"submit\" name=\"as\" value=\"admin\">").Append(E(texts[language, "admin.devsignin.admin"])).Append("</button>\n")
            .Append("<button type=\"submit\" name=\"as\" value=\"viewer\">").Append(E(texts[language, "admin.devsignin.viewer"])).Append("</button></p>\n")
            .Append("</form>\n");
        return layout.Page(frame, html.ToString(), chartJson: null);
    }

    private string Message(AdminPageFrame frame, string heading, string text) =>
        layout.Page(
            frame,
            "<h1>" + E(texts[frame.Language, heading]) + "</h1>\n<p>" + E(texts[frame.Language, text]) + "</p>\n",
            chartJson: null);
}
