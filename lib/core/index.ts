export * from './baselines';
export * from './cidr';
export * from './defaults';
export * from './errors';
export * from './runtimes';
export * from './sizes';
export * from './tokens';
export * from './tags';
