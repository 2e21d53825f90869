// Production: two or more Premium v3 instances, zone-redundant storage, purge-protected Key Vault, a staging slot.
// Set allowedTenantIds to the tenant(s) of the administration and publicHostName to its domain before going live.
using '../main.bicep'

param environmentName = 'prod'
param appServiceSkuName = 'P1v3'
param instanceCount = 2
param zoneRedundant = false
param enableStagingSlot = true
param storageSkuName = 'Standard_ZRS'
param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionInDays = 90
param logRetentionInDays = 90
param botSkuName = 'S1'
param allowedTenantIds = []
param publicHostName = ''
param tags = {
  owner: 'FPS BOSA'
}
// The operator who stores the badge signing key (Key Vault Secrets Officer): export KEYVAULT_OPERATOR_ID before the
// deployment (infra/README.md), or leave it unset to grant nobody.
param keyVaultOperatorPrincipalId = readEnvironmentVariable('KEYVAULT_OPERATOR_ID', '')
