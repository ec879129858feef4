/** The compiled JavaScript of a TypeScript file of the project, compiling the project first if a source changed. */
export function compiledFile(file: string, root?: string): string;
/** The folder of the up-to-date build of the project at `root`, made first if it is missing. */
export function ensureBuild(root?: string): string;
