/** Node.js majors that still get security fixes and that CI tests; package.json's engines lists them and 20. */
export const CURRENT_NODE_MAJORS: readonly number[] = [22, 24];

/**
 * Turns off the AWS SDK's own NodeVersionSupportWarning. @aws-sdk/core (emitWarningIfUnsupportedVersion)
 * emits it, nine lines on stderr, from the first SDK client a process builds on Node < 22, unless this
 * variable is exactly "true" when the client is built. We say what the user should know ourselves, in
 * one line ({@link endOfLifeNotice}), so the SDK never does, on any Node.
 */
export function quietAwsSdkNodeWarning(env: NodeJS.ProcessEnv): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/** One line telling the user that `version` of Node.js no longer gets security fixes, or undefined for a current one. */
export function endOfLifeNotice(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= Math.min(...CURRENT_NODE_MAJORS)) return undefined;
  const current = CURRENT_NODE_MAJORS.join(' or ');
  return `cross-account: Node.js ${version} has reached end of life and gets no security fixes; upgrade to Node.js ${current}`;
}
