// cdktf's jest matchers (toHaveResourceWithProperties, toHaveProviderWithProperties, toPlanSuccessfully, …),
// registered, and their types declared, by the adapter cdktf ships for jest.
import { setupJest } from 'cdktf/lib/testing/adapters/jest';

setupJest();

// cdktf records where every token was made (`Error.captureStackTrace` on a plain object, never an Error) and shows
// it only when that token fails to resolve. Jest source-maps every stack through `Error.prepareStackTrace`, frame by
// frame, parsing each file's map: for cdktf's records, ~7 s of CPU over the suite. Those keep V8's own format; the
// stack of every real error (a failing test's among them) is still source-mapped.
const sourceMapped = Error.prepareStackTrace;
Error.prepareStackTrace = (error, frames) =>
  Object.prototype.toString.call(error) === '[object Error]' && sourceMapped
    ? sourceMapped(error, frames)
    : [String(error), ...frames.map((frame) => `    at ${frame}`)].join('\n');

// What the code under test prints to the console ends up in every run's log, CI's among them, and no test says
// whether it should: a test captures what it expects to be printed (support/run-cli.ts, jest.spyOn) and asserts it.
// Anything else printed fails the test that was running.
const printed: string[] = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[method] = (...parts: unknown[]) => void printed.push(`console.${method}: ${parts.map(String).join(' ')}`);
}
afterEach(() => {
  const lines = printed.splice(0);
  if (lines.length > 0) {
    throw new Error(`the test printed to the console; capture what it expects and assert it:\n${lines.join('\n')}`);
  }
});
