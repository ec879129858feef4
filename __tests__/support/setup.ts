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
