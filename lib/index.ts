/** The public API of hms-sys. */
export * as aws from './aws';
export * as blueprint from './blueprint';
export * as core from './core';
export * as policy from './policy';
