metadata description = 'App Service plan (Linux) and the Web App that hosts ConnectooBot (.NET 10), configured by app settings only: no connection string, no secret.'

@description('Azure region of the plan and the app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Globally unique name of the Web App (its default host is <name>.azurewebsites.net).')
param siteName string

@description('Plan size. Basic (B1) suffices for development; production wants Premium v3 (zone redundancy, deployment slots, faster scale-out).')
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
param skuName string

@description('Number of instances the plan runs (each hosts the bot).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Spread the instances over availability zones (Premium v3 only, at least 2 instances, region with zones).')
param zoneRedundant bool

@description('Create a "staging" deployment slot with the same settings, for deploy-then-swap updates (Standard or Premium only).')
param enableStagingSlot bool

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of the user-assigned managed identity (the bot\'s app id with msaAppType UserAssignedMSI).')
param identityClientId string

@description('Microsoft Entra tenant of the identity and of the bot.')
param tenantId string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Key Vault URI (ends with a slash).')
param keyVaultUri string

@description('Name of the Key Vault secret that holds the badge signing key (PKCS#8 PEM).')
param signingKeySecretName string

@description('Name of the Application Insights component whose connection string the app receives.')
param appInsightsName string

@description('Resource id of the Log Analytics workspace that receives the app logs.')
param workspaceId string

@description('Tenants allowed to use the bot (Bot:Endpoint:AllowedTenants); empty allows every tenant.')
param allowedTenantIds string[]

@description('Public host name of the bot (custom domain bound to the app), or empty for the app\'s default host name.')
param publicHostName string

@description('Viva Learning sync on (VivaLearning:Enabled); off by default.')
param vivaLearningEnabled bool

@description('Viva Learning provider registration id (VivaLearning:RegistrationId); empty leaves it unset.')
param vivaLearningRegistrationId string

@description('Deep link into the bot for the modules in Viva Learning (VivaLearning:ContentBaseUrl); empty leaves it unset.')
param vivaLearningContentBaseUrl string

@description('Client id of the L&D dashboard\'s Entra app registration, or empty to leave the dashboard off.')
param adminAppClientId string

@description('Tags put on every resource.')
param tags { *: string }

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

var siteConfig = {
  linuxFxVersion: 'DOTNETCORE|10.0'
  appCommandLine: 'dotnet ConnectooBot.Web.dll'
  alwaysOn: true
  healthCheckPath: '/readyz'
  http20Enabled: true
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  webSocketsEnabled: false
  use32BitWorkerProcess: false
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: siteConfig
  }
}

resource slot 'Microsoft.Web/sites/slots@2025-03-01' = if (enableStagingSlot) {
  parent: site
  name: 'staging'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: siteConfig
  }
}

// The bot's public address: the custom domain when one is given, else the app's default host name. It is in every
// badge URL, so it must not change once badges are issued.
var host = empty(publicHostName) ? site.properties.defaultHostName : publicHostName

// Bot:Endpoint:AllowedTenants as an indexed list: Bot__Endpoint__AllowedTenants__0, __1, ...
var tenantSettings = toObject(
  range(0, length(allowedTenantIds)),
  index => 'Bot__Endpoint__AllowedTenants__${index}',
  index => allowedTenantIds[index]
)

// Viva Learning (optional): the Graph client uses the same user-assigned identity; unset values stay out.
var vivaSettings = union(
  {
    VivaLearning__Enabled: vivaLearningEnabled ? 'true' : 'false'
    VivaLearning__ManagedIdentityClientId: identityClientId
  },
  empty(vivaLearningRegistrationId) ? {} : { VivaLearning__RegistrationId: vivaLearningRegistrationId },
  empty(vivaLearningContentBaseUrl) ? {} : { VivaLearning__ContentBaseUrl: vivaLearningContentBaseUrl }
)

// The L&D dashboard's sign-in (Admin:Entra, read by Microsoft.Identity.Web): single-tenant, the sign-in code redeemed
// with the managed identity as a federated credential of the app registration, so no client secret exists anywhere.
var adminSettings = empty(adminAppClientId)
  ? {}
  : {
      Admin__Entra__TenantId: tenantId
      Admin__Entra__ClientId: adminAppClientId
      Admin__Entra__ClientCredentials__0__SourceType: 'SignedAssertionFromManagedIdentity'
      Admin__Entra__ClientCredentials__0__ManagedIdentityClientId: identityClientId
    }

// The bot's configuration (section:key written with "__"). infra/README.md has the full table.
var settings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  // A slot swap waits until the staging instances answer /readyz with 200 before it routes traffic to them.
  WEBSITE_SWAP_WARMUP_PING_PATH: '/readyz'
  WEBSITE_SWAP_WARMUP_PING_STATUSES: '200'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  AZURE_CLIENT_ID: identityClientId
  Bot__AppId: identityClientId
  Bot__AppType: 'UserAssignedMSI'
  Bot__TenantId: tenantId
  Bot__ManagedIdentityClientId: identityClientId
  Storage__Backend: 'AzureTables'
  Storage__TableEndpoint: tableEndpoint
  Storage__QueueEndpoint: queueEndpoint
  Storage__ManagedIdentityClientId: identityClientId
  Badges__PublicBaseUrl: 'https://${host}'
  // A versionless Key Vault reference: App Service resolves it with keyVaultReferenceIdentity and picks up a new
  // secret version within 24 hours or at the next restart.
  Badges__SigningKeyPem: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${signingKeySecretName}/)'
  ...tenantSettings
  ...vivaSettings
  ...adminSettings
}

resource siteSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}

resource slotSettings 'Microsoft.Web/sites/slots/config@2025-03-01' = if (enableStagingSlot) {
  parent: slot
  name: 'appsettings'
  properties: settings
}

// Deployments use Microsoft Entra ID (az webapp deploy); FTP and SCM basic authentication stay off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource slotFtpBasicAuth 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2025-03-01' = if (enableStagingSlot) {
  parent: slot
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource slotScmBasicAuth 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2025-03-01' = if (enableStagingSlot) {
  parent: slot
  name: 'scm'
  properties: {
    allow: false
  }
}

// 2021-05-01-preview is the current diagnostic settings API (it has categoryGroup); the only GA version the
// linter knows, 2016-09-01, is the legacy 'service' setting of another shape.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Name of the Web App.')
output name string = site.name

@description('Public host name of the bot (custom domain or default host name), without scheme.')
output hostName string = host
