/** The compiled JavaScript of a TypeScript file of the project, compiling the project first if a source changed. */
export function compiledFile(file: string, root?: string): string;
/** {@link compiledFile}, for the program this process runs: on Node 22+ with V8's compile cache kept in the build. */
export function programFile(file: string, root?: string): string;
/** The folder of the up-to-date build of the project at `root`, made first if it is missing. */
export function ensureBuild(root?: string): string;
