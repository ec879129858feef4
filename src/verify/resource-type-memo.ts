// @cloud-copilot/iam-simulate (pinned at 0.1.173) works out which resource types of an action a request's resource
// is, twice for every request it evaluates (validating the request, then choosing its context keys), each time by
// intersecting pattern automata of the resource ARN and of every resource type of the action (in
// @cloud-copilot/iam-utils). The answer depends only on the service, the action and the resource, against the
// evaluator's own static data, and a matrix asks the same few again and again: 1,000 users' matrix asks 1,416 times
// for 285 answers, about 0.25 s of a 3 s verify. The evaluator has no option to keep them, and its lookup is no
// export of its package, so it is remembered here, in the module the evaluator reads it from at each call. Should a
// new version move or rename that module, the evaluator works as before, only slower, and
// resource-type-memo.test.ts fails, to be looked at again.
import { dirname, join } from 'node:path';

/** The evaluator's lookup: the resource types of `service:action` that `resource` is. */
type ResourceTypesLookup = (service: string, action: string, resource: string) => Promise<unknown>;

/** A module whose `getResourceTypesForAction` its callers read at each call (CommonJS exports). */
export interface ResourceTypesModule {
  getResourceTypesForAction: ResourceTypesLookup;
}

const REMEMBERED = Symbol('cross-account: remembers its answers');

/**
 * Replaces `module.getResourceTypesForAction` with one that asks the original once for each service, action and
 * resource and answers again with the same promise (its answer, or its refusal of an unknown action). Idempotent.
 */
export function rememberResourceTypes(module: ResourceTypesModule): void {
  const original = module.getResourceTypesForAction;
  if (REMEMBERED in original) return;
  const answers = new Map<string, Promise<unknown>>();
  const remembering: ResourceTypesLookup = (service, action, resource) => {
    const key = JSON.stringify([service, action, resource]);
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = original(service, action, resource)));
    return answer;
  };
  module.getResourceTypesForAction = Object.assign(remembering, { [REMEMBERED]: true });
}

/** Whether `module`'s lookup is one {@link rememberResourceTypes} made. */
export function remembersResourceTypes(module: ResourceTypesModule): boolean {
  return REMEMBERED in module.getResourceTypesForAction;
}

/** The evaluator's module that holds its resource-type lookup, or undefined where this version has none. */
export function evaluatorResourceTypesModule(): ResourceTypesModule | undefined {
  try {
    // The package's exports map names only its index; a path beside it is required as a file (at run time: its
    // name is only known once the index is found).
    const folder = dirname(require.resolve('@cloud-copilot/iam-simulate'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    const module = require(join(folder, 'simulation_engine', 'resourceTypes.js')) as Partial<ResourceTypesModule>;
    return typeof module.getResourceTypesForAction === 'function' ? (module as ResourceTypesModule) : undefined;
  } catch {
    return undefined;
  }
}
