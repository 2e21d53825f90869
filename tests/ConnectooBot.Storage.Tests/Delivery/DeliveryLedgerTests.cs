using Azure.Data.Tables;
using ConnectooBot.Learning.Ports;
using ConnectooBot.Storage.InMemory;
using ConnectooBot.Storage.Tables;
using ConnectooBot.Testing.Storage;

namespace ConnectooBot.Storage.Tests.Delivery;

public sealed class InMemoryDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override Task<(IDeliveryLedger First, IDeliveryLedger Second)> CreateAsync()
    {
        var ledger = new InMemoryDeliveryLedger(Retention);
        return Task.FromResult<(IDeliveryLedger, IDeliveryLedger)>((ledger, ledger));
    }
}

/// <summary>The ledger contract against a real Azurite, with two separate service clients racing.</summary>
public sealed class AzuriteDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override async Task<(IDeliveryLedger First, IDeliveryLedger Second)> CreateAsync()
    {
        var azurite = await Azurite.GetAsync();
        var table = "deliveries" + Azurite.NewTablePrefix();
        var first = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        await first.CreateIfNotExistsAsync();
        var second = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        return (new TableDeliveryLedger(first, Retention), new TableDeliveryLedger(second, Retention));
    }
}
