import { App } from 'cdktf';
import util from 'node:util';
import type { Settings } from './config';
import { CrossAccountStack, STACK_NAME } from './stack';

/** Builds the cdktf app holding the one stack; `outdir` defaults to cdktf's (cdktf.out, or CDKTF_OUTDIR). */
export function buildApp(settings: Settings, outdir?: string): App {
  quietCdktfIsArrayDeprecation();
  const app = new App(outdir ? { outdir } : undefined);
  new CrossAccountStack(app, STACK_NAME, settings);
  return app;
}

/**
 * cdktf 0.21.0, its last release, calls `util.isArray` when it synthesizes outputs, and Node 22 and
 * later print a DEP0044 DeprecationWarning for that call on the user's stderr. Node documents
 * `util.isArray` as an alias of `Array.isArray`: pointing it there changes no result and silences
 * that one warning, where `--no-deprecation` would hide every other.
 */
function quietCdktfIsArrayDeprecation(): void {
  Object.defineProperty(util, 'isArray', { value: Array.isArray });
}
