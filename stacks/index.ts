/**
 * `hms-sys/stacks`: the stacks `hms-sys synth` builds, as building blocks for an
 * agency's own CDKTF app. `addBlueprintStacks(app, blueprints)` adds every stack of
 * some blueprints; `EksStack`, `AksStack`, `KubernetesStack` build one each, with a
 * `backend` prop (`s3Backend`, `cloudBackend`, `localBackend`) for their state.
 * Every stack carries the FedRAMP baseline; `synthesizeCdktfApp` is what `cdktf synth` runs.
 */
export { addBlueprintStacks, AKS_ENTRA_SERVER_ID, type BuildOptions, type BuildResult, type BuiltStack } from './app';
export { cloudBackend, LOCAL_STATE_DIR, localBackend, localStateDirFor, s3Backend, type BackendFactory } from './backend';
export { synthesizeCdktfApp, type CdktfAppOptions } from './cdktf-app';
export * from './cloud-stacks';
