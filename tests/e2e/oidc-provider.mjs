// A real OpenID provider for Willkommen's end-to-end tests (tests/e2e/oidc.test.mjs):
// oidc-provider, a certified implementation, on 127.0.0.1 with three test people and their
// groups, a plain login form, and sign-out. Not a test file itself (no .test.mjs).
// Usage: node provider.mjs <port|0> <willkommen base url> [host for the issuer URL, default 127.0.0.1]
// e.g. `node provider.mjs 0 http://127.0.0.1:8080 localhost`. Prints "oidc provider at <issuer>"
// once it serves; the port is picked first, because the issuer URL must name it.
import http from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const willkommen = (process.argv[3] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const issuerHost = process.argv[4] ?? '127.0.0.1';

let handle; // set once the provider exists
const server = http.createServer((req, res) => handle(req, res));
await new Promise((resolve) => server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', resolve));
const issuer = `http://${issuerHost}:${server.address().port}`;

// Test people. `groups` is what Keycloak's "Group Membership" mapper puts in the ID token.
const accounts = {
  anna: { password: 'anna-passwort', name: 'Anna Schmidt', groups: ['willkommen-staff'] },
  ben: { password: 'ben-passwort', name: 'Ben Meyer', groups: ['willkommen-admins', 'other-app'] },
  carl: { password: 'carl-passwort', name: 'Carl Weber', groups: ['other-app'] },
};

// A fresh RS256 key per run (the provider's JWKS); RS256 is what openidconnect accepts by default.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `test-${randomUUID().slice(0, 8)}`, use: 'sig', alg: 'RS256' };

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}</body></html>`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'willkommen',
    client_secret: 'test-client-secret-0123456789',
    redirect_uris: [`${willkommen}/api/v1/session/oidc/callback`],
    post_logout_redirect_uris: [`${willkommen}/staff`, `${willkommen}/admin`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: ['test-only-cookie-signing-key'] },
  pkce: { required: () => true }, // refuse a request without code_challenge (S256 is the only method)
  // Scopes → claims. "groups" as a scope of its own, like Keycloak's client scope of that name.
  claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
  // Put the scope's claims into the ID token itself (the default keeps them for /userinfo only
  // when an access token is issued too, i.e. in the code flow).
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // The page that asks "sign out?" (the form posts to the provider); a test clicks the button.
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out', `${form}<h1>Sign out of the test provider?</h1>
          <button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout-yes">Yes, sign me out</button>`);
      },
    },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (_ctx, sub) => {
    const account = accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, name: account.name, groups: account.groups }) };
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Provider error</h1><pre id="error">${esc(JSON.stringify(out))}</pre>`);
  },
});

// The login page: a plain form a browser (or Chromium in the e2e tests) fills in.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const form = (error) => page('Sign in', `<h1>Test provider sign-in</h1>
    ${error ? `<p id="error" role="alert">${esc(error)}</p>` : ''}
    <form method="post" action="/interaction/${esc(details.uid)}">
      <label>Username <input name="username" id="username" autofocus></label>
      <label>Password <input name="password" id="password" type="password"></label>
      <button type="submit" id="sign-in">Sign in</button>
    </form>`);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return res.end(form());
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const fields = new URLSearchParams(body);
  const username = fields.get('username') ?? '';
  const account = accounts[username];
  if (!account || account.password !== fields.get('password')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(form('Wrong username or password'));
  }
  // First-party client: grant what it asked for without a consent screen.
  const grant = new provider.Grant({ accountId: username, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { login: { accountId: username }, consent: { grantId } },
    { mergeWithLastSubmission: false });
}

const providerCallback = provider.callback();
handle = (req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(error instanceof errors.SessionNotFound ? 400 : 500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  } else {
    providerCallback(req, res);
  }
};
console.log(`oidc provider at ${issuer}`);
// Stop when the test that started us goes away.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
