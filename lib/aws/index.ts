import './private/provider-installed';
export * from './customer-managed-key';
export * from './ebs-csi-driver';
export * from './encrypted-volume';
export * from './isolated-network';
export * from './secure-cluster';
export * from './secure-node-pool';
export * from './state-bucket';
