import { App } from 'cdktf';
import type { Settings } from './config';
import { CrossAccountStack, STACK_NAME } from './stack';

/** Builds the cdktf app holding the one stack; `outdir` defaults to cdktf's (cdktf.out, or CDKTF_OUTDIR). */
export function buildApp(settings: Settings, outdir?: string): App {
  const app = new App(outdir ? { outdir } : undefined);
  new CrossAccountStack(app, STACK_NAME, settings);
  return app;
}
