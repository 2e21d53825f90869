metadata description = 'Azure Bot resource of ConnectooBot (user-assigned managed identity, no secret) with the Microsoft Teams channel.'

@description('Globally unique name (handle) of the Azure Bot resource.')
param name string

@description('Display name of the bot in the Azure portal (Teams shows the name from the app manifest).')
param displayName string

@description('Pricing tier: F0 (free) or S1. Teams is a standard channel, free on both.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Client id of the user-assigned managed identity: the bot\'s Microsoft App ID.')
param identityClientId string

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Microsoft Entra tenant of the identity.')
param tenantId string

@description('HTTPS messaging endpoint of the bot: https://<host>/api/messages.')
param messagingEndpoint string

@description('Tags put on every resource.')
param tags { *: string }

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Azure Bot resources are global; their data residency follows the tenant, not this value.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name
