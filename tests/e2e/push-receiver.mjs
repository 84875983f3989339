// A push service on 127.0.0.1 for the end-to-end tests: it takes what the server pushes to a
// phone, decrypts it with the phone's keys (aes128gcm, RFC 8291 and RFC 8188) and checks the
// VAPID signature (RFC 8292), as a push service and the phone would between them. Node's own
// crypto only.
import crypto from 'node:crypto';
import http from 'node:http';

const b64u = (text) => Buffer.from(text, 'base64url');

/** Keys as a browser makes them for one subscription. */
export function phoneKeys() {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey('base64url'), authText: auth.toString('base64url') };
}

/** One record of aes128gcm, decrypted with the phone's keys. */
export function decryptPush(body, { ecdh, auth }) {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const serverKey = body.subarray(21, 21 + idLength);
  const sealed = body.subarray(21 + idLength);
  if (sealed.length > recordSize) throw new Error('more than one record');
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', ecdh.computeSecret(serverKey), auth, info, 32));
  const key = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(sealed.subarray(-16));
  const padded = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('bad padding delimiter');
  return padded.subarray(0, end);
}

/** The VAPID header's token, its signature checked against its own `k`. */
export function verifyVapid(header) {
  const parts = Object.fromEntries(header.replace(/^vapid\s+/, '').split(',').map((part) => part.trim().split('=')));
  const [head, claims, signature] = parts.t.split('.');
  const k = b64u(parts.k);
  const key = crypto.createPublicKey({
    format: 'jwk',
    key: { kty: 'EC', crv: 'P-256', x: k.subarray(1, 33).toString('base64url'), y: k.subarray(33).toString('base64url') },
  });
  const signed = Buffer.from(`${head}.${claims}`);
  if (!crypto.verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, b64u(signature))) {
    throw new Error('bad VAPID signature');
  }
  return { header: JSON.parse(b64u(head)), claims: JSON.parse(b64u(claims)), k: parts.k };
}

/**
 * Starts the receiver. `received` lists each push to a phone (`/push/<phone>`) as
 * { phone, text, message, vapid }; `failures` what could not be read.
 */
export async function startPushReceiver() {
  const phones = new Map();
  const received = [];
  const failures = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const phone = request.url.replace(/^\/push\//, '');
      const keys = phones.get(phone);
      if (!keys) {
        response.writeHead(404).end();
        return;
      }
      try {
        const text = decryptPush(Buffer.concat(chunks), keys).toString('utf8');
        const vapid = verifyVapid(request.headers.authorization ?? '');
        received.push({ phone, text, message: JSON.parse(text), vapid, headers: request.headers });
        response.writeHead(201).end();
      } catch (error) {
        failures.push(`${phone}: ${error.message}`);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  server.unref();
  return {
    url,
    received,
    failures,
    /** A phone's subscription keys and its endpoint here. */
    phone(name) {
      const keys = phoneKeys();
      phones.set(name, keys);
      return { endpoint: `${url}/push/${name}`, p256dh: keys.p256dh, auth: keys.authText };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
