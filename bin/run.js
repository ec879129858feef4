#!/usr/bin/env node
// `node bin/run.js <file.ts> [args…]`: runs a TypeScript program of the project (main.ts for
// cdktf.json's app, a tool) from the compiled sources, with its arguments as if run directly.
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bin/run.js <file.ts> [arguments]');
  process.exit(2);
}
const compiled = require('./build').programFile(file);
process.argv = [process.argv[0], compiled, ...args];
require(compiled);
