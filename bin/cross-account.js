#!/usr/bin/env node
// Runs the TypeScript sources directly (transpile only; `npm run typecheck` checks types).
process.env.CHECKPOINT_DISABLE = process.env.CHECKPOINT_DISABLE || '1';
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('../src/cli/main').main(process.argv.slice(2));
