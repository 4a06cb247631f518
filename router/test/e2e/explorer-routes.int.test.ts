/**
 * The offline explorer's routes on a real router (issue 16): the page and every bundled file
 * answer with the explorer's Content-Security-Policy and their content type, a browser opening
 * /graphql is sent to the page, production without ROUTER_EXPLORER answers 404, and in
 * production the page's own operations pass the safelist for signing in and for admins only.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, freePort, type RoleName } from '@hospital/service-kit';
import { composeSupergraph } from '../../src/compose.ts';
import { startRouter, type RouterConfig, type RunningRouter } from '../../src/index.ts';
import { testJwt } from '../support/test-jwt.ts';
import { startTinySubgraph, type TinySubgraph } from '../support/tiny-subgraph.ts';

const signer = testJwt();
const { keys } = signer;
const JWT = { keyId: signer.config.keyId, issuer: signer.config.issuer, audience: signer.config.audience };

let staff: TinySubgraph;
let dev: RunningRouter;
let prodOff: RunningRouter;
let prodOn: RunningRouter;
let prodPublic: RunningRouter;
let publicOrigin: string;

const tokenFor = (role: RoleName) => signer.tokenFor(role);
const base = (router: RunningRouter) => `http://127.0.0.1:${router.port}`;

beforeAll(async () => {
  staff = await startTinySubgraph('staff', `type Query { ping: String! @public  me: String! @auth(requires: [ADMIN, DOCTOR]) }`, { Query: { ping: () => 'pong', me: () => 'me' } });
  const composed = composeSupergraph([{ name: staff.name, url: 'http://127.0.0.1:9/staff', sdl: staff.sdl }]);
  const config: Omit<RouterConfig, 'production'> = {
    port: 0,
    host: '127.0.0.1',
    supergraphSdl: composed.supergraphSdl!,
    subgraphUrls: { staff: staff.url },
    internalSecret: randomBytes(32).toString('base64url'),
    jwt: { keys: [{ keyId: JWT.keyId, publicKeyPem: keys.publicKey }], ...JWT },
    // As in production: a browser request must name a safelisted hash (none are listed here).
    persistedOperations: { mode: 'enforce-browser', manifest: new Map() },
  };
  const logger = createLogger('explorer-test', 'silent');
  dev = await startRouter({ ...config, production: false, persistedOperations: { mode: 'allow', manifest: new Map() } }, { logger });
  prodOff = await startRouter({ ...config, production: true }, { logger });
  prodOn = await startRouter({ ...config, production: true, explorer: true }, { logger });
  // Behind a public URL, as in Kubernetes (ROUTER_PUBLIC_URL): the explorer's origin is that URL's.
  const port = await freePort();
  publicOrigin = `http://127.0.0.1:${port}`;
  prodPublic = await startRouter(
    { ...config, port, production: true, explorer: true, oauth: { identityGrpcTarget: '127.0.0.1:9', publicUrl: publicOrigin, originPollMs: 60_000 } },
    { logger },
  );
});

afterAll(async () => {
  await Promise.all([dev?.close(), prodOff?.close(), prodOn?.close(), prodPublic?.close()]);
  await staff?.close();
});

/** The CSP's directives by name. */
function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('the explorer page and its bundle', () => {
  it('serves the page with a strict CSP whose style nonce is the page’s own', { timeout: 180_000 }, async () => {
    // The first request bundles GraphiQL and Monaco (cached under node_modules/.cache afterwards).
    const page = await fetch(`${base(dev)}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = directives(page.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('worker-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    const html = await page.text();
    const nonce = /<meta name="csp-nonce" content="([^"]+)">/.exec(html)?.[1];
    expect(csp.get('style-src')).toBe(`'self' 'nonce-${nonce}'`);
    // Nothing the page names lives on another origin.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const again = await fetch(`${base(dev)}/explorer`);
    expect(directives(again.headers.get('content-security-policy')).get('style-src')).not.toBe(csp.get('style-src'));
  });

  it.each([
    ['explorer.js', 'text/javascript; charset=utf-8'],
    ['explorer.css', 'text/css; charset=utf-8'],
    ['editor.worker.js', 'text/javascript; charset=utf-8'],
    ['graphql.worker.js', 'text/javascript; charset=utf-8'],
    ['json.worker.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s with the CSP', { timeout: 180_000 }, async (name, type) => {
    const response = await fetch(`${base(dev)}/explorer/assets/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(directives(response.headers.get('content-security-policy')).get('default-src')).toBe("'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('serves the fonts the style sheet names, and nothing else', { timeout: 180_000 }, async () => {
    const css = await (await fetch(`${base(dev)}/explorer/assets/explorer.css`)).text();
    const fonts = [...css.matchAll(/url\("?\.\/([^")]+\.ttf)"?\)/g)].map((match) => match[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const response = await fetch(`${base(dev)}/explorer/assets/${font}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('font/ttf');
    }
    // Every url() is the bundle's own file or a data: URI: no font or image from a CDN.
    expect([...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/^"|"$/g, '')).filter((url) => !url.startsWith('./') && !url.startsWith('data:'))).toEqual([]);
    expect((await fetch(`${base(dev)}/explorer/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${base(dev)}/explorer/assets/..%2Fpage.ts`)).status).toBe(404);
  });

  it('sends a browser opening /graphql to the explorer, and leaves operations alone', async () => {
    const opened = await fetch(`${base(dev)}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/explorer');
    const get = (accept: string) =>
      fetch(`${base(dev)}/graphql?query=${encodeURIComponent('{ ping }')}`, { headers: { accept, 'apollo-require-preflight': '1' }, redirect: 'manual' });
    // An operation is Apollo Server's to answer (it refuses to answer one in HTML: 406), never sent to the page.
    expect((await get('text/html')).status).toBe(406);
    const operation = await get('application/json');
    expect(operation.status).toBe(200);
    expect(await operation.json()).toEqual({ data: { ping: 'pong' } });
  });

  it('answers 404 in production unless ROUTER_EXPLORER turns it on', async () => {
    for (const path of ['/explorer', '/explorer/assets/explorer.js']) {
      const response = await fetch(`${base(prodOff)}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    }
    const opened = await fetch(`${base(prodOff)}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(opened.status).not.toBe(302);
    expect((await fetch(`${base(prodOn)}/explorer`)).status).toBe(200);
  });
});

describe('operations from the explorer in production (safelist enforced for browsers)', () => {
  /** A free-form POST as the explorer page sends it, from the given Origin. */
  const send = async (router: RunningRouter, query: string, origin: string, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', origin };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const response = await fetch(router.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
  };

  it('admits signing in and admins from the router’s own origin', async () => {
    expect(await send(prodOn, '{ ping }', base(prodOn))).toEqual({ status: 200, body: { data: { ping: 'pong' } } });
    expect(await send(prodOn, '{ me }', base(prodOn), tokenFor('admin'))).toEqual({ status: 200, body: { data: { me: 'me' } } });
  });

  it('refuses other roles there, any other origin, and everyone when the explorer is off', async () => {
    const refused = (result: Awaited<ReturnType<typeof send>>) => result.status === 400 && result.body.errors?.[0]?.extensions?.code === 'PERSISTED_OPERATION_REQUIRED';
    expect(refused(await send(prodOn, '{ me }', base(prodOn), tokenFor('doctor')))).toBe(true);
    expect(refused(await send(prodOn, '{ me }', 'http://web.hospital.test', tokenFor('admin')))).toBe(true);
    expect(refused(await send(prodOn, '{ ping }', 'http://web.hospital.test'))).toBe(true);
    expect(refused(await send(prodOff, '{ me }', base(prodOff), tokenFor('admin')))).toBe(true);
    expect(refused(await send(prodOff, '{ ping }', base(prodOff)))).toBe(true);
  });
});

describe('subscriptions from the explorer', () => {
  /** How the WebSocket handshake ends for a browser at `origin`: acknowledged, or the close code. */
  const handshake = (router: RunningRouter, origin: string) =>
    new Promise<string | number>((resolve, reject) => {
      const socket = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { origin } });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokenFor('admin')}` } })));
      socket.on('message', (data) => {
        resolve((JSON.parse(String(data)) as { type: string }).type);
        socket.close();
      });
      socket.on('close', (code) => resolve(code));
      socket.on('error', reject);
    });

  it('open the WebSocket from the router’s public origin, and only with the explorer on', async () => {
    expect(await handshake(prodPublic, publicOrigin)).toBe('connection_ack');
    expect(await handshake(prodPublic, 'http://elsewhere.test')).toBe(4403);
    expect(await handshake(prodOff, publicOrigin)).toBe(4403);
  });
});
