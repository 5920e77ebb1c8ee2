/**
 * Replies without the Azure request pipeline. Every activity the bot sends (answers, typing, texts) goes
 * through the ConnectorClient's `conversations.replyToActivity` or `sendToConversation`; in botbuilder 4.23
 * each call runs @azure/core-client's pipeline behind two compat layers: the body mapped through the
 * Activity schema object by object and serialised, a dozen policies (tracing span, redirects, logging,
 * request id, user agent, decompression, deserialisation), each an extra promise. In the serving benchmark
 * that was about a seventh of a paste turn's CPU time — more than matching the paste.
 *
 * Here the two calls post the activity's JSON straight through our connector HTTP client
 * (connectorHttpClient.ts: time limit, retries, pooled keep-alive connections), with the request
 * botbuilder would send: the same path, headers (`Authorization` from the client's own credentials, with
 * botbuilder's token cache; user agent, `x-ms-conversation-id`, a client request id) and JSON body (mapped
 * through the same schema with the same serializer, its walk planned once: activitySerializer.ts). The
 * answer's `{ id }` is returned as botbuilder's `ResourceResponse`; any other status throws a
 * `ConnectorRequestError` naming it. Every other ConnectorClient operation stays botbuilder's.
 *
 * Not used (the client is left as it is) when a proxy is configured: the Azure pipeline's proxy policy
 * reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY, which this path does not.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Activity, ResourceResponse } from 'botbuilder';
import { activityBody } from './activitySerializer';
import { CompatHeaders, ConnectorRequestError, type ConnectorHttpClient } from './connectorHttpClient';

/** The proxy variables the Azure pipeline reads (in either case). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'https_proxy', 'http_proxy', 'all_proxy'];

/** True when replies must go through the Azure pipeline, which applies a configured proxy. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}

/** The two operations of botbuilder's ConnectorClient this replaces (the rest stays as it is). */
interface ReplyOperations {
  conversations: {
    replyToActivity: (conversationId: string, activityId: string, activity: Partial<Activity>) => Promise<unknown>;
    sendToConversation: (conversationId: string, activity: Partial<Activity>) => Promise<unknown>;
  };
}

/** What the sender reads from a botbuilder ConnectorClient (public fields of its ServiceClientContext). */
interface ClientParts {
  baseUri?: string;
  credentials?: { signRequest(request: unknown): Promise<unknown> };
  /** ConnectorClientContext's options: `userAgent` is the prefix botbuilder's pipeline puts before its own part. */
  options?: { userAgent?: unknown };
}

/** The pipeline's own part of the user agent, without its package name (which this path does not use). */
const RUNTIME = `Node/${process.versions.node} (${os.type()} ${os.release()}; ${process.arch})`;

/**
 * Makes `client` send replies through `http` directly (see above); a client without the parts it needs is
 * left as it is. The URL is built as Azure's pipeline builds it: the path appended to the endpoint's path,
 * ids percent-encoded, the endpoint's query kept.
 */
export function sendRepliesDirectly<T extends ReplyOperations>(client: T, http: ConnectorHttpClient): T {
  const parts = client as unknown as ClientParts;
  const { baseUri, options } = parts;
  if (!baseUri || !parts.credentials) return client;
  const endpoint = new URL(baseUri);
  const basePath = endpoint.pathname.endsWith('/') ? endpoint.pathname : `${endpoint.pathname}/`;
  const userAgent = `${typeof options?.userAgent === 'string' ? options.userAgent.trim() : ''} ${RUNTIME}`.trim();
  const post = async (path: string, activity: Partial<Activity>, conversationHeader?: string): Promise<ResourceResponse> => {
    const headers = new CompatHeaders();
    headers.set('Content-Type', 'application/json; charset=utf-8');
    headers.set('Accept', 'application/json');
    headers.set('User-Agent', userAgent);
    // botbuilder's replyToActivity sends the conversation id as a header too; its sendToConversation does not.
    if (conversationHeader !== undefined) headers.set('x-ms-conversation-id', conversationHeader);
    headers.set('x-ms-client-request-id', randomUUID());
    const url = `${endpoint.origin}${basePath}${path}${endpoint.search}`;
    const request = { url, method: 'POST' as const, headers, body: activityBody(activity) };
    // Read at each call, as botbuilder's pipeline reads them.
    await parts.credentials!.signRequest(request);
    // Our HTTP client reads only these fields of the compat request (and the credentials only set a header).
    const response = await http.sendRequest(request as unknown as Parameters<ConnectorHttpClient['sendRequest']>[0]);
    if (response.status < 200 || response.status > 299) {
      throw new ConnectorRequestError(
        `connector: POST ${basePath}${path} answered ${response.status}${errorDetail(response.bodyAsText)}`,
        response.status,
      );
    }
    return resourceResponse(response.bodyAsText);
  };
  const conversations = client.conversations;
  const activities = (conversationId: string) => `v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  conversations.replyToActivity = (conversationId, activityId, activity) =>
    post(`${activities(conversationId)}/${encodeURIComponent(activityId)}`, activity, conversationId);
  conversations.sendToConversation = (conversationId, activity) => post(activities(conversationId), activity);
  return client;
}

/** The connector's `{ id }` (an empty body or one without an id, as some channels answer, gives `{ id: '' }`). */
function resourceResponse(body: string | null | undefined): ResourceResponse {
  if (!body) return { id: '' };
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return { id: typeof parsed?.id === 'string' ? parsed.id : '' };
  } catch {
    return { id: '' };
  }
}

/** The Bot Framework's error body (`{ error: { code, message } }`) for the message, if it sent one. */
function errorDetail(body: string | null | undefined): string {
  if (!body) return '';
  try {
    const error = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } })?.error;
    const text = [error?.code, error?.message].filter((s) => typeof s === 'string' && s).join(': ');
    return text ? `: ${text.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}
