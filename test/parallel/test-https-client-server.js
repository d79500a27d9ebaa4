'use strict';
// https: a server and a client over a keep-alive https.Agent (two requests
// on one TLS connection), a request by URL, and the pool key carrying the
// TLS options.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const https = require('https');

const keys = path.join(common.fixturesDir, 'keys');
const read = (name) => fs.readFileSync(path.join(keys, name));

const server = https.createServer({
  key: read('agent-key.pem'),
  cert: read('agent-cert.pem'),
}, common.mustCall((req, res) => {
  assert.strictEqual(req.socket.encrypted, true);
  res.end(`hello ${req.url}`);
}, 3));

function get(url, agent) {
  return new Promise((resolve, reject) => {
    https.get(url, { agent, ca: read('ca-cert.pem') }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ res, body }));
    }).on('error', reject);
  });
}

server.listen(0, common.mustCall(async () => {
  const port = server.address().port;
  const agent = new https.Agent({ keepAlive: true, ca: read('ca-cert.pem') });
  assert.strictEqual(agent.defaultPort, 443);
  assert.strictEqual(agent.protocol, 'https:');
  assert.notStrictEqual(agent.getName({ host: 'h', port: 1 }),
                        agent.getName({ host: 'h', port: 1,
                                        rejectUnauthorized: false }));
  const sockets = [];
  for (const p of ['/a', '/b']) {
    const { res, body } = await get(`https://localhost:${port}${p}`, agent);
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(body, `hello ${p}`);
    sockets.push(res.socket);
  }
  assert.strictEqual(sockets[0], sockets[1]);
  agent.destroy();
  const { body } = await get(new URL(`https://localhost:${port}/u`));
  assert.strictEqual(body, 'hello /u');
  server.close();
}));
