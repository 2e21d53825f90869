// Development: one small instance, locally redundant storage, no purge protection (the vault can be purged after a test).
using '../main.bicep'

param environmentName = 'dev'
param appServiceSkuName = 'B1'
param instanceCount = 1
param storageSkuName = 'Standard_LRS'
param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionInDays = 7
param logRetentionInDays = 30
param botSkuName = 'F0'
// The operator who stores the badge signing key (Key Vault Secrets Officer): export KEYVAULT_OPERATOR_ID before the
// deployment (infra/README.md), or leave it unset to grant nobody.
param keyVaultOperatorPrincipalId = readEnvironmentVariable('KEYVAULT_OPERATOR_ID', '')
