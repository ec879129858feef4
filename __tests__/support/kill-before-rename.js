'use strict';
// Preloaded into a cross-account process (NODE_OPTIONS=--require …): the process kills itself with SIGKILL when it
// is about to rename a file over KILL_BEFORE_RENAME_TO, after the temp file is written and fsynced: the worst
// moment for a kill mid-write. Nothing can clean up after SIGKILL, so whatever it leaves stays.
const fs = require('node:fs');

const target = process.env.KILL_BEFORE_RENAME_TO;
const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (target && String(to) === target) process.kill(process.pid, 'SIGKILL');
  return rename(from, to);
};
