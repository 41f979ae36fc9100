import './private/provider-installed';
export * from './disk-encryption-key';
export * from './encrypted-volume';
export * from './isolated-network';
export * from './key-vault';
export * from './secure-cluster';
export * from './secure-node-pool';
export { aksNodePoolName } from './private/names';
