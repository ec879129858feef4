#!/usr/bin/env node
// Runs the CLI from the compiled sources (bin/build.js compiles them again when one changed).
process.env.CHECKPOINT_DISABLE = process.env.CHECKPOINT_DISABLE || '1';
require(require('./build').programFile('src/cli/main.ts')).main(process.argv.slice(2));
