// Reference peer for the ConnectooBot benchmarks: the same minimal
// "read state, reply, write state" bot, written with Microsoft's official
// botbuilder-js SDK (CloudAdapter + UserState over MemoryStorage), served by
// Node's own http module through a tiny request/response adapter.
//
// Env:
//   PORT      port to listen on (0 or unset = any free port); always 127.0.0.1
//   URL_FILE  optional; once listening, the base URL is written there
//             atomically (temp file + rename)
//
// Nothing is logged per request. Turn errors are logged as one line each
// (first occurrence of a given message only) and answered with HTTP 500.

import http from 'node:http';
import { renameSync, writeFileSync } from 'node:fs';
import {
    ActivityTypes,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    MemoryStorage,
    UserState,
} from 'botbuilder';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------
// Adapter: authentication disabled (no app id / password), as the Bot Framework
// Emulator uses it. The configuration is passed explicitly (not process.env) so
// a stray MicrosoftAppId in the environment cannot turn authentication on.
// With an empty app id botbuilder uses MicrosoftAppCredentials.Empty for
// outgoing calls, which never fetches a token nor sets an Authorization header,
// and it allows plain http:// serviceUrls (allowInsecureConnection).
// ---------------------------------------------------------------------------
const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
});
const adapter = new CloudAdapter(auth);

// ---------------------------------------------------------------------------
// Bot: read state, increment, reply, save state.
// ---------------------------------------------------------------------------
const userState = new UserState(new MemoryStorage());
const turnsProperty = userState.createProperty('turns');

function card(turns) {
    return {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `Turn ${turns}`, wrap: true }],
        actions: [{ type: 'Action.Execute', title: 'Again', verb: 'again', data: { turn: turns } }],
    };
}

async function onTurn(context) {
    const activity = context.activity;
    const turns = ((await turnsProperty.get(context, 0)) | 0) + 1;
    await turnsProperty.set(context, turns);

    if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
        // Stored in turn state by the adapter (not sent to the connector);
        // CloudAdapter returns its value as the HTTP status and body.
        await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: {
                status: 200,
                body: {
                    statusCode: 200,
                    type: 'application/vnd.microsoft.card.adaptive',
                    value: card(turns),
                },
            },
        });
    } else if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.ConversationUpdate) {
        // POSTed by botbuilder to {serviceUrl}/v3/conversations/{id}/activities/{replyToId}.
        await context.sendActivity(`Turn ${turns}`);
    }

    await userState.saveChanges(context);
}

// ---------------------------------------------------------------------------
// Error logging: one line, no stack, each distinct message once.
// ---------------------------------------------------------------------------
const seenErrors = new Set();
let suppressedErrors = 0;

function logTurnError(err) {
    const message = String(err?.message ?? err).split('\n', 1)[0];
    if (seenErrors.has(message)) {
        suppressedErrors++;
        return;
    }
    seenErrors.add(message);
    process.stderr.write(`turn error: ${message}\n`);
}

// ---------------------------------------------------------------------------
// Minimal Node http -> botbuilder Request/Response adapter. botbuilder needs
// req.{method,headers,body(parsed)} and res.{socket,status,header,send,end}.
// ---------------------------------------------------------------------------
class ResponseAdapter {
    constructor(res) {
        this.res = res;
        this.socket = res.socket;
        this.statusCode = 200;
        this.body = undefined;
        this.turnFailed = false;
    }

    status(code) {
        this.statusCode = code;
        return this;
    }

    header(name, value) {
        this.res.setHeader(name, value);
        return this;
    }

    send(body) {
        this.body = body;
        return this;
    }

    end() {
        if (this.res.headersSent) return this;
        if (this.turnFailed) {
            writeResponse(this.res, 500, 'turn failed');
        } else {
            writeResponse(this.res, this.statusCode, this.body);
        }
        return this;
    }
}

function writeResponse(res, status, body) {
    let payload = '';
    if (body !== undefined && body !== null) {
        if (typeof body === 'string' || Buffer.isBuffer(body)) {
            payload = body;
            if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
        } else {
            payload = JSON.stringify(body);
            res.setHeader('content-type', 'application/json; charset=utf-8');
        }
    }
    res.statusCode = status;
    res.setHeader('content-length', Buffer.byteLength(payload));
    res.end(payload);
}

function handleMessages(req, res) {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
        if (tooLarge) return;
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
            tooLarge = true;
            chunks.length = 0;
            return;
        }
        chunks.push(chunk);
    });
    req.on('end', () => {
        if (tooLarge) return writeResponse(res, 413, 'body too large');
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
        } catch {
            return writeResponse(res, 400, 'invalid JSON');
        }
        const response = new ResponseAdapter(res);
        const request = { method: req.method, headers: req.headers, body };
        adapter
            .process(request, response, async (context) => {
                try {
                    await onTurn(context);
                } catch (err) {
                    logTurnError(err);
                    response.turnFailed = true;
                }
            })
            .catch((err) => {
                // Only reached for failures outside the turn (botbuilder already
                // answers those itself); make sure the client gets an answer.
                logTurnError(err);
                if (!res.headersSent) writeResponse(res, 500, 'adapter failed');
            });
    });
    req.on('error', () => {
        if (!res.headersSent) writeResponse(res, 400, 'request error');
    });
}

const server = http.createServer((req, res) => {
    const path = req.url.split('?', 1)[0];
    if (path === '/api/messages') {
        if (req.method !== 'POST') {
            res.setHeader('allow', 'POST');
            return writeResponse(res, 405, 'method not allowed');
        }
        return handleMessages(req, res);
    }
    writeResponse(res, 404, 'not found');
});
// Longer than typical client pool idle timeouts (.NET: 60 s) so the server
// does not close a connection the load driver is about to reuse.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// ---------------------------------------------------------------------------
// Startup / shutdown
// ---------------------------------------------------------------------------
const rawPort = process.env.PORT ?? '';
const port = rawPort === '' ? 0 : Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid PORT: ${rawPort}\n`);
    process.exit(2);
}

server.on('error', (err) => {
    process.stderr.write(`server error: ${err.message}\n`);
    process.exit(1);
});

server.listen(port, HOST, () => {
    const url = `http://${HOST}:${server.address().port}`;
    const urlFile = process.env.URL_FILE;
    if (urlFile) {
        const tmp = `${urlFile}.${process.pid}.tmp`;
        writeFileSync(tmp, url);
        renameSync(tmp, urlFile);
    }
    process.stdout.write(`${url}\n`);
});

let stopping = false;
function shutdown() {
    if (stopping) return;
    stopping = true;
    if (suppressedErrors > 0) process.stderr.write(`turn errors suppressed (repeats): ${suppressedErrors}\n`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
