'use strict';
// Preloaded (node --require) into the Microsoft 365 Agents Playground, whose server calls
// `server.listen(port, callback)` with no host and so binds every interface; its CLI has no --host option.
// Any TCP listen without an explicit host is bound to 127.0.0.1 instead. Explicit hosts and pipes are untouched.
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (isPort(first) && typeof args[1] !== 'string') {
    args.splice(1, 0, LOOPBACK);
  } else if (first !== null && typeof first === 'object' && !(first instanceof net.Server)
    && first.path === undefined && first.handle === undefined && first.fd === undefined
    && first.host === undefined) {
    args[0] = { ...first, host: LOOPBACK };
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, LOOPBACK);
  }
  return originalListen.apply(this, args);
};
