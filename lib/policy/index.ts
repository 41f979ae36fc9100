export * from './engine/document';
export * from './engine/evaluate';
export * from './engine/format-finding';
export * from './engine/rule';
export * from './fedramp-baseline';
export * from './packs';
export * from './report';
export { ALL_RULES } from './rules';
export { rulesDocument } from './rules-document';
