import './private/provider-installed';
export * from './encrypted-volume';
export * from './hardened-workload';
export * from './isolated-namespace';
export * from './isolated-network';
export * from './target';
