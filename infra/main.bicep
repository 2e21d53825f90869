metadata name = 'ConnectooBot'
metadata description = 'Everything ConnectooBot needs in one resource group: managed identity, Storage (Tables, Queues), Key Vault, Log Analytics + Application Insights, App Service (Linux, .NET 10) and the Azure Bot with its Teams channel. No secret is created or passed here.'

targetScope = 'resourceGroup'

@description('Short name of the environment, part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Lower-case letters and digits that start every resource name (3 to 11 characters).')
@minLength(3)
@maxLength(11)
param baseName string = 'connectoo'

@description('Azure region of the regional resources (the Azure Bot resource is always global).')
param location string = resourceGroup().location

@description('App Service plan size: B1 is enough for development; production wants Premium v3.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSkuName string

@description('Instances of the Web App (at least 2 in production, so one can restart or fail while the other answers).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Spread the App Service instances over availability zones (Premium v3, at least 2 instances, a region with zones).')
param zoneRedundant bool = false

@description('Create a "staging" deployment slot for deploy-then-swap updates (Standard or Premium plans).')
param enableStagingSlot bool = false

@description('Storage redundancy: Standard_LRS for development, Standard_ZRS or Standard_GZRS for production.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string

@description('Key Vault purge protection (on in production; it cannot be turned off again).')
param keyVaultPurgeProtection bool

@description('Days a deleted Key Vault or secret stays recoverable (7 to 90).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Optional: object id of the operator (user or group) who stores the badge signing key; gets Key Vault Secrets Officer on the vault. Empty grants nothing.')
param keyVaultOperatorPrincipalId string = ''

@description('Kind of principal named by keyVaultOperatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param keyVaultOperatorPrincipalType string = 'User'

@description('Name of the Key Vault secret that holds the badge signing key (PKCS#8 PEM, EC P-256 or RSA 2048+). The template only refers to it; the operator creates it.')
param badgeSigningKeySecretName string = 'badge-signing-key'

@description('Days Log Analytics keeps logs and telemetry (30 to 730).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Display name of the Azure Bot resource in the portal.')
param botDisplayName string = 'Connectoo'

@description('Azure Bot pricing tier (Teams is a standard channel: free on F0 and S1).')
@allowed([
  'F0'
  'S1'
])
param botSkuName string = 'F0'

@description('Microsoft Entra tenant ids allowed to use the bot (Bot:Endpoint:AllowedTenants). Empty means the tenant of this deployment: a bot with a user-assigned managed identity is single-tenant anyway.')
param allowedTenantIds string[] = []

@description('Custom domain already bound to the Web App (with its certificate), e.g. connectoo.example.be; empty uses the default *.azurewebsites.net host. Badge URLs contain it: choose before going live.')
param publicHostName string = ''

@description('Viva Learning sync (optional, off by default; infra/README.md, "Viva Learning (optional)"): publish the modules and the learners\' progress to Microsoft Viva Learning with the managed identity.')
param vivaLearningEnabled bool = false

@description('The registration id of the organisation\'s Viva Learning provider (learningProvider id), needed when vivaLearningEnabled.')
param vivaLearningRegistrationId string = ''

@description('The https deep link into the bot\'s personal chat that a module opens from Viva Learning, needed when vivaLearningEnabled.')
param vivaLearningContentBaseUrl string = ''

@description('Client id of the L&D dashboard\'s Microsoft Entra app registration (app role Connectoo.Admin, federated credential for the managed identity; docs/admin-dashboard.md). Empty leaves /admin off.')
param adminAppClientId string = ''

@description('Tags put on every resource.')
param tags resourceTags = {}

@description('Resource tags: names to string values.')
type resourceTags = {
  *: string
}

// One stable, deployment-specific suffix keeps globally unique names (storage, vault, app, bot) unique.
var suffix = uniqueString(subscription().subscriptionId, resourceGroup().id, baseName, environmentName)
var compactBaseName = toLower(replace(baseName, '-', ''))
var appInsightsName = 'appi-${baseName}-${environmentName}'
var effectiveAllowedTenantIds = empty(allowedTenantIds) ? [tenant().tenantId] : allowedTenantIds
var allTags = union({ application: 'ConnectooBot', environment: environmentName }, tags)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${baseName}-${environmentName}'
  location: location
  tags: allTags
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    location: location
    workspaceName: 'log-${baseName}-${environmentName}'
    appInsightsName: appInsightsName
    retentionInDays: logRetentionInDays
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    location: location
    name: take('st${compactBaseName}${environmentName}${suffix}', 24)
    skuName: storageSkuName
    identityId: identity.id
    principalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  params: {
    location: location
    name: take('kv-${baseName}-${environmentName}-${suffix}', 24)
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    identityId: identity.id
    principalId: identity.properties.principalId
    operatorPrincipalId: keyVaultOperatorPrincipalId
    operatorPrincipalType: keyVaultOperatorPrincipalType
    workspaceId: monitoring.outputs.workspaceId
    tags: allTags
  }
}

module appService 'modules/appService.bicep' = {
  params: {
    location: location
    planName: 'asp-${baseName}-${environmentName}'
    siteName: 'app-${baseName}-${environmentName}-${suffix}'
    skuName: appServiceSkuName
    instanceCount: instanceCount
    zoneRedundant: zoneRedundant
    enableStagingSlot: enableStagingSlot
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: identity.properties.tenantId
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    keyVaultUri: keyVault.outputs.uri
    signingKeySecretName: badgeSigningKeySecretName
    appInsightsName: appInsightsName
    workspaceId: monitoring.outputs.workspaceId
    allowedTenantIds: effectiveAllowedTenantIds
    publicHostName: publicHostName
    vivaLearningEnabled: vivaLearningEnabled
    vivaLearningRegistrationId: vivaLearningRegistrationId
    vivaLearningContentBaseUrl: vivaLearningContentBaseUrl
    adminAppClientId: adminAppClientId
    tags: allTags
  }
}

var messagingEndpoint = 'https://${appService.outputs.hostName}/api/messages'

module bot 'modules/bot.bicep' = {
  params: {
    name: 'bot-${baseName}-${environmentName}-${suffix}'
    displayName: botDisplayName
    skuName: botSkuName
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    tenantId: identity.properties.tenantId
    messagingEndpoint: messagingEndpoint
    tags: allTags
  }
}

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): manifest botId and Bot__AppId.')
output botAppId string = identity.properties.clientId

@description('Microsoft Entra tenant of the bot identity: Bot__TenantId.')
output tenantId string = identity.properties.tenantId

@description('Public host name of the bot, without scheme: manifest validDomains and webApplicationInfo.')
output appHostName string = appService.outputs.hostName

@description('Messaging endpoint registered on the Azure Bot resource.')
output messagingEndpoint string = messagingEndpoint

@description('Table endpoint: Storage__TableEndpoint.')
output storageTableEndpoint string = storage.outputs.tableEndpoint

@description('Queue endpoint: Storage__QueueEndpoint.')
output storageQueueEndpoint string = storage.outputs.queueEndpoint

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Key Vault URI.')
output keyVaultUri string = keyVault.outputs.uri

@description('Key Vault name (for az keyvault secret set).')
output keyVaultName string = keyVault.outputs.name

@description('Name of the Key Vault secret the app reads as Badges__SigningKeyPem.')
output badgeSigningKeySecretName string = badgeSigningKeySecretName

@description('Client id of the user-assigned managed identity: Bot__ManagedIdentityClientId and Storage__ManagedIdentityClientId.')
output managedIdentityClientId string = identity.properties.clientId

@description('Name of the Application Insights component; its connection string is in the app setting APPLICATIONINSIGHTS_CONNECTION_STRING.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Name of the app setting that carries the Application Insights connection string.')
output appInsightsConnectionStringSetting string = 'APPLICATIONINSIGHTS_CONNECTION_STRING'

@description('Name of the Web App (az webapp deploy --name).')
output webAppName string = appService.outputs.name

@description('Redirect URI to register on the dashboard\'s app registration (web platform).')
output adminRedirectUri string = 'https://${appService.outputs.hostName}/admin/signin-oidc'

@description('Subject of the federated credential on the dashboard\'s app registration: the managed identity\'s principal id.')
output managedIdentityPrincipalId string = identity.properties.principalId

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('Resource group of the deployment.')
output resourceGroup string = resourceGroup().name
