export * from './blueprint';
export * from './load';
export { BlueprintSchema, cidrProblem } from './schema';
export { blueprintJsonSchema } from './json-schema';
