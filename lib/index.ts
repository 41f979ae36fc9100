/** The public API of hms-sys. */
export * as aws from './aws';
export * as azure from './azure';
export * as blueprint from './blueprint';
export * as core from './core';
export * as k8s from './k8s';
export * as policy from './policy';
