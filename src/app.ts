import { App } from 'cdktf';
import util from 'node:util';
import type { Settings } from './config';
import { CrossAccountStack, STACK_NAME } from './stack';

/**
 * Builds the cdktf app holding the one stack; `outdir` defaults to cdktf's (cdktf.out, or CDKTF_OUTDIR).
 * `skipValidation` leaves out cdktf's checks of the environment (it runs `terraform version` for moved and
 * import blocks), for a stack only read back, never planned. @default false
 */
export function buildApp(settings: Settings, outdir?: string, skipValidation = false): App {
  quietCdktfIsArrayDeprecation();
  const app = new App({ ...(outdir && { outdir }), ...(skipValidation && { skipValidation }) });
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
