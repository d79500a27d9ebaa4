'use strict';
// http: many requests over a keep-alive Agent reuse a few sockets, answer
// correctly and leave nothing behind.
const common = require('../common');
const assert = require('assert');
const http = require('http');

const TOTAL = 2000;
let served = 0;
const server = http.createServer((req, res) => {
  served++;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`${req.method} ${req.url} ${body.length}`);
  });
});

const sockets = new Set();
server.on('connection', (s) => sockets.add(s));

server.listen(0, common.mustCall(() => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const port = server.address().port;
  let done = 0;
  let inFlight = 0;
  let next = 0;

  function one() {
    const i = next++;
    inFlight++;
    const post = i % 3 === 0;
    const req = http.request({
      port, agent, path: `/r${i}`, method: post ? 'POST' : 'GET',
    }, (res) => {
      assert.strictEqual(res.statusCode, 200);
      assert.strictEqual(res.headers.connection, 'keep-alive');
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        assert.strictEqual(data, `${post ? 'POST' : 'GET'} /r${i} ` +
                                 `${post ? 5 * (i % 7) : 0}`);
        inFlight--;
        done++;
        if (done === TOTAL) {
          assert.strictEqual(served, TOTAL);
          // 4 sockets at most, all reused.
          assert.ok(sockets.size <= 4, `${sockets.size} sockets`);
          agent.destroy();
          server.close(common.mustCall());
        } else if (next < TOTAL) {
          one();
        }
      });
    });
    if (post) req.write('x'.repeat(5 * (i % 7)));
    req.end();
  }
  for (let k = 0; k < 16; k++) one();
}));
