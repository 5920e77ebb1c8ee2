/**
 * A local stand-in for the Bot Framework's token issuer: an OpenID metadata document and its signing
 * keys (JWKS) over HTTP, and RS256 JWTs signed with those keys (or with a stranger's key). Point the
 * bot's authentication at it with `ToBotFromChannelOpenIdMetadataUrl` / `ToBotFromChannelTokenIssuer`.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const ISSUER = 'https://api.botframework.test';

export interface TokenIssuer {
  /** The OpenID metadata URL. */
  metadataUrl: string;
  /** Requests for metadata and keys so far. */
  requests: number;
  /** Signs `claims` (RS256) with the issuer's key, or with another key under the issuer's key id. */
  sign(claims: Record<string, unknown>, options?: { foreignKey?: boolean; kid?: string }): string;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

let keyPairs: { own: crypto.KeyPairKeyObjectResult; foreign: crypto.KeyPairKeyObjectResult } | undefined;

export async function startTokenIssuer(options: { endorsements?: string[] } = {}): Promise<TokenIssuer> {
  // RSA key generation is slow; one pair per test run is enough.
  keyPairs ??= {
    own: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
    foreign: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  };
  const { own, foreign } = keyPairs;
  const kid = 'test-key-1';
  const jwk = own.publicKey.export({ format: 'jwk' });
  let base = '';
  const issuer: TokenIssuer = {
    metadataUrl: '',
    requests: 0,
    sign(claims, signOptions = {}) {
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: signOptions.kid ?? kid }));
      const payload = b64url(JSON.stringify(claims));
      const key = signOptions.foreignKey ? foreign.privateKey : own.privateKey;
      const signature = crypto.sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
      return `${header}.${payload}.${b64url(signature)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    issuer.requests++;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/keys') {
      res.end(
        JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: options.endorsements ?? ['msteams'] }] }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.metadataUrl = `${base}/.well-known/openid-configuration`;
  return issuer;
}

/** Claims of a channel token for `appId` and `serviceUrl`, valid for an hour; `overrides` change any. */
export function channelClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...overrides };
}
