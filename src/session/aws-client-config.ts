import type { FromTemporaryCredentialsOptions } from '@aws-sdk/credential-providers';
import type { NetworkTimeouts } from './network-timeouts';

/** Where a request went: what `explainAwsError` names when it fails. */
export interface RequestSite {
  /** `STS`, `S3`. */
  readonly service: string;
  /** `AssumeRole`, `ListObjectsV2`. */
  readonly operation: string;
  /** `https://sts.us-east-1.amazonaws.com`, or the loopback URL of AWS_ENDPOINT_URL_STS. */
  readonly url: string;
  readonly timeouts: NetworkTimeouts;
  /** What the last attempt failed with on the wire (`ECONNREFUSED`), as the HTTP handler threw it. @default none */
  readonly transportError?: { readonly name?: string; readonly code?: string };
}

/** A plugin as every SDK client's middleware stack takes it (`Pluggable<any, any>`). */
export type ClientPlugin = NonNullable<FromTemporaryCredentialsOptions['clientPlugins']>[number];

const sites = new WeakMap<object, RequestSite>();

/** The site of the request that threw `error` or returned `output`, when a client with {@link awsClientConfig} sent it. */
export function requestSiteOf(errorOrOutput: unknown): RequestSite | undefined {
  return typeof errorOrOutput === 'object' && errorOrOutput !== null ? sites.get(errorOrOutput) : undefined;
}

/** `STS (https://sts.us-east-1.amazonaws.com)`, or `STS` when the site is unknown. */
export function describeSite(site: RequestSite | undefined, service = 'STS'): string {
  return site ? `${site.service} (${site.url})` : service;
}

/**
 * The request handler every AWS SDK client of this project is built with: with
 * connect and request timeouts (the SDK's default is none, so an endpoint that
 * accepts the connection and never answers hangs the command).
 */
export function awsClientConfig(timeouts: NetworkTimeouts) {
  const connectMs = Math.round(timeouts.connectSeconds * 1000);
  const readMs = Math.round(timeouts.readSeconds * 1000);
  return {
    requestHandler: {
      connectionTimeout: connectMs,
      // Until the answer's headers, counted from before the connection: without the connect time in it, a read
      // timeout shorter than the connect timeout would end a connection that is never accepted as "did not answer".
      requestTimeout: connectMs + readMs,
      throwOnRequestTimeout: true,
      socketTimeout: readMs,
    },
  };
}

/** Adds {@link requestSites} to a client: every client of this project gets it, so each failure can name its endpoint. */
export function withRequestSites<Client extends { middlewareStack: { use(plugin: ClientPlugin): void } }>(
  client: Client,
  timeouts: NetworkTimeouts,
): Client {
  client.middlewareStack.use(requestSites(timeouts));
  return client;
}

/**
 * A plugin that records where each request went (after the SDK's retries)
 * against its output or error, with the error of its last attempt as the HTTP
 * handler threw it: the retry middleware may wrap an error it does not
 * recognise as an `Error` (one from another realm) and drop its `code`.
 */
export function requestSites(timeouts: NetworkTimeouts): ClientPlugin {
  const attempts = new WeakMap<object, { name?: string; code?: string }>();
  return {
    applyToStack: (stack) => {
      stack.add(
        (next, context) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            const { name, code } = (error ?? {}) as { name?: string; code?: string };
            attempts.set(context, { name, code });
            throw error;
          }
        },
        // Inside the retries (finalizeRequest, after the high-priority retry middleware): sees each attempt.
        { step: 'finalizeRequest', priority: 'low', name: 'crossAccountAttemptError', override: true },
      );
      stack.add(
        (next, context) => async (args) => {
          const request = args.request as { protocol?: string; hostname?: string; port?: number } | undefined;
          const site = {
            service: String(context.clientName ?? '').replace(/Client$/, '') || 'AWS',
            operation: String(context.commandName ?? '').replace(/Command$/, ''),
            url: `${request?.protocol ?? 'https:'}//${request?.hostname ?? '?'}${request?.port ? `:${request.port}` : ''}`,
            timeouts,
          };
          try {
            const result = await next(args);
            if (typeof result.output === 'object' && result.output !== null) sites.set(result.output, site);
            return result;
          } catch (error) {
            const transportError = attempts.get(context);
            if (typeof error === 'object' && error !== null) sites.set(error, { ...site, transportError });
            throw error;
          }
        },
        // The build step sees the request with its endpoint resolved, and wraps the retries.
        // Named and overriding, so a client that applies the plugin on every call (fromTemporaryCredentials) holds it once.
        { step: 'build', name: 'crossAccountRequestSite', override: true },
      );
    },
  };
}
