#!/usr/bin/env node
// An Open Badges 3.0 verifier for VC-JWT credentials that shares no code with ConnectooBot: the JWS is checked with
// `jose` (npm, pinned in package.json), everything else is written here from the specifications:
//   - OB 3.0 §8.2 "JSON Web Token Proof Format": JOSE header, key dereferencing (`kid` URL or `jwk`), signature,
//     then iss/sub/nbf/jti/exp against the credential body ("Verify a Credential VC-JWT Signature");
//   - OB 3.0 implementation guide, key provenance: the key must be in the issuer's JWK Set at
//     https://{authority of issuer.id}/.well-known/jwks.json;
//   - W3C Bitstring Status List v1.0: the status list credential (itself a VC-JWT, verified the same way, same issuer),
//     its encodedList (multibase base64url "u" + GZIP), and the bit at statusListIndex (bit 0 = left-most bit).
//
// Usage: node verify-badge.mjs <credential> [--now <ISO date-time>]
//   <credential>: a file holding the compact JWS, "-" for standard input, or an http(s) URL that serves it.
// Prints one JSON verdict on stdout: {"status": "valid" | "revoked" | "invalid", "reasons": [...], ...}.
// Exit code: 0 valid, 1 revoked or invalid, 2 usage error. Plain http is accepted for loopback hosts only (tests).
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { calculateJwkThumbprint, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';

const ALGORITHMS = ['ES256', 'RS256']; // OB 3.0 requires RS256 support; ConnectooBot signs with ES256 (P-256)
const ALLOWED_HEADERS = new Set(['alg', 'kid', 'jwk', 'typ']); // OB 3.0 §8.2.3: "Additional JOSE Headers are NOT allowed"
const MIN_STATUS_LIST_BITS = 131072; // Bitstring Status List v1.0: at least 16 KB, the herd privacy floor
const MAX_RESPONSE_BYTES = 1 << 20;
const FETCH_TIMEOUT_MS = 10_000;

class Invalid extends Error {}

function usage() {
  process.stderr.write('Usage: node verify-badge.mjs <credential file | - | URL> [--now <ISO date-time>]\n');
  process.exit(2);
}

function parseArguments(argv) {
  const options = { source: undefined, now: new Date() };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--now') {
      options.now = new Date(argv[++i] ?? '');
      if (Number.isNaN(options.now.getTime())) usage();
    } else if (options.source === undefined) {
      options.source = argv[i];
    } else {
      usage();
    }
  }
  if (options.source === undefined) usage();
  return options;
}

/** https anywhere; http only to a loopback host (a test host on 127.0.0.1). */
function checkedUrl(value, what) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Invalid(`${what} is not a URL: ${JSON.stringify(value)}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Invalid(`${what} must be an https URL: ${value}`);
  }
  return url;
}

async function fetchText(value, what, accept) {
  const url = checkedUrl(value, what);
  let response;
  try {
    response = await fetch(url, { headers: { accept }, redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new Invalid(`${what} could not be fetched from ${url}: ${error.cause?.code ?? error.message}`);
  }
  const body = await response.text();
  if (!response.ok) throw new Invalid(`${what} at ${url} answered HTTP ${response.status}`);
  if (body.length > MAX_RESPONSE_BYTES) throw new Invalid(`${what} at ${url} is larger than ${MAX_RESPONSE_BYTES} bytes`);
  return { body, contentType: response.headers.get('content-type') ?? '' };
}

async function fetchJson(value, what, accept) {
  const { body } = await fetchText(value, what, accept);
  try {
    return JSON.parse(body);
  } catch {
    throw new Invalid(`${what} at ${value} is not JSON`);
  }
}

const idOf = (value) => (typeof value === 'string' ? value : value?.id);
const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);

/** The public key of a VC-JWT (OB 3.0 §8.2.6 steps 1–3) and proof that it belongs to the issuer's JWK Set. */
async function resolveKey(header, issuerId, what, facts) {
  const extra = Object.keys(header).filter((name) => !ALLOWED_HEADERS.has(name));
  if (extra.length > 0) throw new Invalid(`${what}: JOSE header has members OB 3.0 does not allow: ${extra.join(', ')}`);
  if (header.typ !== undefined && header.typ !== 'JWT') throw new Invalid(`${what}: JOSE header typ is ${header.typ}, not JWT`);
  if (!ALGORITHMS.includes(header.alg)) throw new Invalid(`${what}: algorithm ${header.alg} is not one of ${ALGORITHMS.join(', ')}`);

  let jwk;
  if (header.kid !== undefined) {
    jwk = await fetchJson(header.kid, `${what}: the key (kid)`, 'application/jwk+json, application/json');
  } else if (header.jwk !== undefined) {
    jwk = header.jwk;
  } else {
    throw new Invalid(`${what}: the JOSE header has neither kid nor jwk`);
  }
  if (['d', 'p', 'q', 'dp', 'dq', 'qi'].some((member) => member in jwk)) {
    throw new Invalid(`${what}: the published key contains private key material`);
  }

  // Key provenance (OB 3.0 implementation guide): the issuer lists the key in https://{authority}/.well-known/jwks.json.
  const jwksUrl = new URL('/.well-known/jwks.json', checkedUrl(issuerId, `${what}: issuer id`)).toString();
  const jwks = await fetchJson(jwksUrl, `${what}: the issuer's JWK Set`, 'application/jwk-set+json, application/json');
  const thumbprint = await calculateJwkThumbprint(jwk, 'sha256');
  let listed = false;
  for (const candidate of asArray(jwks?.keys)) {
    if (header.kid !== undefined && candidate.kid !== header.kid) continue;
    if ((await calculateJwkThumbprint(candidate, 'sha256').catch(() => '')) === thumbprint) listed = true;
  }
  if (!listed) throw new Invalid(`${what}: the signing key ${header.kid ?? thumbprint} is not in the issuer's JWK Set ${jwksUrl}`);
  facts.push({ what, kid: header.kid ?? null, alg: header.alg, jwkThumbprint: thumbprint, jwks: jwksUrl });
  return importJWK(jwk, header.alg);
}

/** OB 3.0 §8.2.6: signature with jose, then the JWT claims against the credential they carry. */
async function verifyVcJwt(compact, now, what, facts, expectedIssuer) {
  let header;
  let unverified;
  try {
    header = decodeProtectedHeader(compact);
    unverified = JSON.parse(Buffer.from(compact.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw new Invalid(`${what} is not a compact JWS`);
  }
  const credential = unverified.vc ?? unverified; // a VCDM 1.1 VC-JWT wraps the credential in "vc"
  const issuerId = idOf(credential.issuer);
  if (typeof issuerId !== 'string') throw new Invalid(`${what} has no issuer id`);
  if (expectedIssuer !== undefined && issuerId !== expectedIssuer) {
    throw new Invalid(`${what} is issued by ${issuerId}, not by the badge's issuer ${expectedIssuer}`);
  }

  const key = await resolveKey(header, issuerId, what, facts);
  let payload;
  try {
    // jose checks the signature, and nbf/exp against `now` (no clock tolerance).
    ({ payload } = await jwtVerify(compact, key, { algorithms: ALGORITHMS, currentDate: now }));
  } catch (error) {
    throw new Invalid(`${what}: ${error.code ?? 'ERR'} ${error.message}`);
  }

  const body = payload.vc ?? payload;
  const validFrom = body.validFrom ?? body.issuanceDate;
  const validUntil = body.validUntil ?? body.expirationDate;
  const mismatches = [];
  if (payload.iss !== idOf(body.issuer)) mismatches.push(`iss ${payload.iss} is not issuer.id ${idOf(body.issuer)}`);
  if (payload.jti !== body.id) mismatches.push(`jti ${payload.jti} is not id ${body.id}`);
  if (payload.sub !== idOf(asArray(body.credentialSubject)[0])) mismatches.push(`sub ${payload.sub} is not credentialSubject.id`);
  if (typeof payload.nbf !== 'number' || validFrom === undefined || payload.nbf !== seconds(validFrom)) {
    mismatches.push(`nbf ${payload.nbf} is not validFrom ${validFrom}`);
  }
  if (validUntil !== undefined && payload.exp !== seconds(validUntil)) mismatches.push(`exp ${payload.exp} is not validUntil ${validUntil}`);
  if (validUntil === undefined && payload.exp !== undefined) mismatches.push('exp is present but validUntil is not');
  if (validFrom !== undefined && Date.parse(validFrom) > now.getTime()) mismatches.push(`validFrom ${validFrom} has not occurred yet`);
  if (validUntil !== undefined && Date.parse(validUntil) <= now.getTime()) mismatches.push(`the credential expired at ${validUntil}`);
  if (mismatches.length > 0) throw new Invalid(`${what}: ${mismatches.join('; ')}`);
  return body;
}

/** The bit at `index` of a Bitstring Status List's encodedList. */
function statusBit(encodedList, index, what) {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new Invalid(`${what}: encodedList is not multibase base64url (prefix "u")`);
  }
  let bits;
  try {
    bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  } catch {
    throw new Invalid(`${what}: encodedList is not GZIP-compressed`);
  }
  if (bits.length * 8 < MIN_STATUS_LIST_BITS) throw new Invalid(`${what}: the list has ${bits.length * 8} entries, fewer than ${MIN_STATUS_LIST_BITS}`);
  if (index >= bits.length * 8) throw new Invalid(`${what}: statusListIndex ${index} is beyond the list (${bits.length * 8} entries)`);
  return (bits[index >> 3] >> (7 - (index & 7))) & 1;
}

/** W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm", for each entry of credentialStatus. */
async function checkStatus(credential, now, facts) {
  const entries = asArray(credential.credentialStatus);
  const outcomes = [];
  for (const entry of entries) {
    const what = 'status list credential';
    if (entry.type !== 'BitstringStatusListEntry') throw new Invalid(`credentialStatus of type ${entry.type} cannot be checked by this verifier`);
    const index = Number(entry.statusListIndex);
    if (typeof entry.statusListIndex !== 'string' || !Number.isSafeInteger(index) || index < 0) {
      throw new Invalid(`credentialStatus.statusListIndex ${JSON.stringify(entry.statusListIndex)} is not a non-negative integer string`);
    }
    if ((entry.statusSize ?? 1) !== 1) throw new Invalid(`credentialStatus.statusSize ${entry.statusSize} is not supported`);

    const { body, contentType } = await fetchText(entry.statusListCredential, what, 'application/vc+jwt');
    const list = await verifyVcJwt(body.trim(), now, what, facts, idOf(credential.issuer));
    const subject = asArray(list.credentialSubject)[0] ?? {};
    if (!asArray(list.type).includes('BitstringStatusListCredential')) throw new Invalid(`${what} is not a BitstringStatusListCredential`);
    if (list.id !== entry.statusListCredential) throw new Invalid(`${what} has id ${list.id}, not ${entry.statusListCredential}`);
    if (subject.type !== 'BitstringStatusList') throw new Invalid(`${what}: credentialSubject is not a BitstringStatusList`);
    if (asArray(subject.statusPurpose).indexOf(entry.statusPurpose) < 0) {
      throw new Invalid(`${what} is for ${subject.statusPurpose}, the entry for ${entry.statusPurpose}`);
    }
    const bit = statusBit(subject.encodedList, index, what);
    facts.push({ what: 'status', list: entry.statusListCredential, mediaType: contentType.split(';')[0], purpose: entry.statusPurpose, index, bit });
    outcomes.push({ purpose: entry.statusPurpose, set: bit === 1, index });
  }
  return outcomes;
}

async function readCredential(source) {
  if (/^https?:\/\//i.test(source)) return (await fetchText(source, 'the credential', 'application/vc+jwt, text/plain')).body.trim();
  if (source === '-') {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8').trim();
  }
  return (await readFile(source, 'utf8')).trim();
}

async function verify(source, now) {
  const facts = [];
  const reasons = [];
  let credential;
  try {
    credential = await verifyVcJwt(await readCredential(source), now, 'credential', facts);
    const types = asArray(credential.type);
    if (!types.includes('VerifiableCredential') || !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))) {
      throw new Invalid(`credential type ${JSON.stringify(credential.type)} is not an OpenBadgeCredential`);
    }
    reasons.push('signature verified with jose against the issuer key; iss, sub, nbf, jti (and exp) match the credential');
    const outcomes = await checkStatus(credential, now, facts);
    if (outcomes.length === 0) reasons.push('no credentialStatus: the issuer gave no way to revoke this credential');
    for (const outcome of outcomes) {
      reasons.push(`status list bit ${outcome.index} (${outcome.purpose}) is ${outcome.set ? 1 : 0}`);
    }
    const revoked = outcomes.some((o) => o.set && o.purpose === 'revocation');
    const suspended = outcomes.some((o) => o.set && o.purpose !== 'revocation');
    if (suspended) reasons.push('the credential is suspended');
    return verdict(revoked ? 'revoked' : suspended ? 'invalid' : 'valid', reasons, credential, facts, now);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    reasons.push(error.message);
    return verdict('invalid', reasons, credential, facts, now);
  }
}

function verdict(status, reasons, credential, facts, now) {
  return {
    status,
    reasons,
    credential: credential?.id ?? null,
    issuer: idOf(credential?.issuer) ?? null,
    achievement: asArray(credential?.credentialSubject)[0]?.achievement?.name ?? null,
    checks: facts,
    checkedAt: now.toISOString(),
    verifier: 'tests/badge-verifier/verify-badge.mjs (jose)',
  };
}

const { source, now } = parseArguments(process.argv.slice(2));
const result = await verify(source, now);
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
process.exitCode = result.status === 'valid' ? 0 : 1;
