namespace ConnectooBot.Web.Turns;

/// <summary>The secret that signs link tokens (<see cref="SignedTokens"/>): the same on every instance, never stored.</summary>
public interface ILinkTokenKey
{
    /// <summary>A fresh copy of the 32-byte HMAC key.</summary>
    byte[] Derive();
}
