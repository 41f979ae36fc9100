export * from './blueprint';
export * from './load';
export { BlueprintSchema } from './schema';
export { blueprintJsonSchema } from './json-schema';
