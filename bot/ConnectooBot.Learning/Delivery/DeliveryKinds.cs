namespace ConnectooBot.Learning.Delivery;

/// <summary>The kinds of proactive message the bot delivers.</summary>
public static class DeliveryKinds
{
    public const string ChannelNudge = "channel-nudge";
    public const string Reminder = "reminder";
    public const string Review = "review";
}
