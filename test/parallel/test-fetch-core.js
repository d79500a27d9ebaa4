'use strict';
// fetch(), Headers, Request, Response and FormData: header rules, body
// reading and reuse, clone(), multipart round trips, redirects, abort,
// network errors and data: URLs, against a local http server.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// Headers: names checked, values trimmed, sorted and combined iteration.
{
  const h = new Headers({ b: '2', a: ' 1 ' });
  h.append('A', '3');
  assert.deepStrictEqual([...h], [['a', '1, 3'], ['b', '2']]);
  assert.strictEqual(h.get('A'), '1, 3');
  assert.strictEqual(h.get('c'), null);
  h.set('b', 'x');
  h.delete('a');
  assert.deepStrictEqual([...h.keys()], ['b']);
  assert.throws(() => new Headers({ 'a b': '1' }),
                { name: 'TypeError', message: /invalid header name/ });
  assert.throws(() => h.append('x', 'a\nb'),
                { name: 'TypeError', message: /invalid header value/ });
  assert.throws(() => new Headers([['a']]), TypeError);
  assert.strictEqual(Object.prototype.toString.call(h), '[object Headers]');
  const seen = [];
  new Headers([['z', '1'], ['y', '2']]).forEach((v, k) => seen.push(k + v));
  assert.deepStrictEqual(seen, ['y2', 'z1']);
}

// Response: checks, statics, body reading once, clone.
{
  assert.throws(() => new Response('x', { status: 99 }), RangeError);
  assert.throws(() => new Response('x', { status: 204 }), TypeError);
  assert.strictEqual(Response.error().type, 'error');
  assert.strictEqual(Response.error().status, 0);
  const redirect = Response.redirect('http://a.test/x', 301);
  assert.strictEqual(redirect.headers.get('location'), 'http://a.test/x');
  assert.throws(() => redirect.headers.set('a', 'b'), TypeError);
  assert.throws(() => Response.redirect('http://a.test/', 200), RangeError);
  const json = Response.json({ a: 1 }, { status: 201 });
  assert.strictEqual(json.headers.get('content-type'), 'application/json');
  assert.strictEqual(json.status, 201);
  assert.strictEqual(new Response('hi').headers.get('content-type'),
                     'text/plain;charset=UTF-8');
  assert.strictEqual(new Response(null).body, null);
}

async function bodies() {
  const response = new Response('héllo');
  const copy = response.clone();
  assert.strictEqual(await response.text(), 'héllo');
  assert.strictEqual(response.bodyUsed, true);
  await assert.rejects(response.text(), { name: 'TypeError' });
  assert.throws(() => response.clone(), TypeError);
  assert.deepStrictEqual(new Uint8Array(await copy.arrayBuffer()),
                         new TextEncoder().encode('héllo'));
  assert.deepStrictEqual(await new Response('{"a":[1]}').json(), { a: [1] });
  const blob = await new Response('xyz', {
    headers: { 'content-type': 'text/x' } }).blob();
  assert.strictEqual(blob.type, 'text/x');
  assert.strictEqual(blob.size, 3);

  // A stream body, read through the stream, then unusable.
  const streamed = new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('ab'));
      controller.enqueue(new TextEncoder().encode('cd'));
      controller.close();
    },
  }));
  const twin = streamed.clone();
  const reader = streamed.body.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  assert.strictEqual(text, 'abcd');
  assert.strictEqual(await twin.text(), 'abcd');

  // FormData: multipart round trip with a file, and urlencoded parsing.
  const form = new FormData();
  form.append('name', 'va"l\nue');
  form.append('file', new Blob(['file body'], { type: 'text/plain' }), 'a.txt');
  form.append('bare', new Blob(['q']));
  const encoded = new Response(form);
  assert.match(encoded.headers.get('content-type'),
               /^multipart\/form-data; boundary=----formdata-undici-0\d{11}$/);
  const parsed = await encoded.formData();
  assert.strictEqual(parsed.get('name'), 'va"l\r\nue');
  const file = parsed.get('file');
  assert.strictEqual(file.name, 'a.txt');
  assert.strictEqual(file.type, 'text/plain');
  assert.strictEqual(await file.text(), 'file body');
  assert.strictEqual(parsed.get('bare').name, 'blob');
  const urlencoded = await new Response('a=1&b=%20&a=2', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData();
  assert.deepStrictEqual(urlencoded.getAll('a'), ['1', '2']);
  assert.strictEqual(urlencoded.get('b'), ' ');
  await assert.rejects(new Response('x').formData(), TypeError);

  // Request: method rules and body.
  assert.throws(() => new Request('http://a.test', { method: 'GET', body: 'x' }),
                TypeError);
  assert.throws(() => new Request('http://a.test', { method: 'CONNECT' }),
                TypeError);
  assert.throws(() => new Request('nope'), { name: 'TypeError',
                                             message: /Failed to parse URL/ });
  assert.throws(() => new Request('http://u:p@a.test/'), TypeError);
  const request = new Request('http://a.test/p?q', { method: 'post', body: 'b' });
  assert.strictEqual(request.method, 'POST');
  assert.strictEqual(request.url, 'http://a.test/p?q');
  assert.strictEqual(await request.clone().text(), 'b');
  assert.strictEqual(await request.text(), 'b');
  assert.strictEqual(new Request('http://a.test', { method: 'patch' }).method,
                     'patch');
}

async function network() {
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      switch (req.url) {
        case '/echo':
          res.setHeader('x-method', req.method);
          res.setHeader('x-type', String(req.headers['content-type']));
          res.end(body);
          break;
        case '/see-other':
          res.writeHead(303, { location: '/echo' });
          res.end();
          break;
        case '/loop':
          res.writeHead(302, { location: '/loop' });
          res.end();
          break;
        case '/empty':
          res.writeHead(204);
          res.end();
          break;
        case '/gzip':
          res.setHeader('content-encoding', 'gzip');
          res.end(require('zlib').gzipSync('squeezed '.repeat(100)));
          break;
        case '/cut':
          res.setHeader('content-length', 10);
          res.write('abcde', () => res.destroy());
          break;
        case '/slow':
          res.writeHead(200);
          res.write('first');
          break; // never ends: the client aborts
        default:
          res.end('root');
      }
    });
  });
  await new Promise((resolve) => server.listen(0, resolve));
  const base = `http://localhost:${server.address().port}`;

  let response = await fetch(`${base}/echo`, { method: 'PUT', body: 'abc' });
  assert.strictEqual(response.status, 200);
  assert.strictEqual(response.statusText, 'OK');
  assert.strictEqual(response.headers.get('x-method'), 'PUT');
  assert.strictEqual(response.headers.get('x-type'), 'text/plain;charset=UTF-8');
  assert.strictEqual(response.redirected, false);
  assert.strictEqual(response.url, `${base}/echo`);
  assert.throws(() => response.headers.set('a', 'b'), TypeError);
  assert.strictEqual(await response.text(), 'abc');

  // 303 turns POST into a body-less GET.
  response = await fetch(`${base}/see-other`, { method: 'POST', body: 'x' });
  assert.strictEqual(response.redirected, true);
  assert.strictEqual(response.url, `${base}/echo`);
  assert.strictEqual(response.headers.get('x-method'), 'GET');
  assert.strictEqual(response.headers.get('x-type'), 'undefined');
  assert.strictEqual(await response.text(), '');

  response = await fetch(`${base}/see-other`, { redirect: 'manual' });
  assert.strictEqual(response.status, 303);
  assert.strictEqual(response.headers.get('location'), '/echo');
  await assert.rejects(fetch(`${base}/see-other`, { redirect: 'error' }),
                       { name: 'TypeError', message: 'fetch failed' });
  await assert.rejects(fetch(`${base}/loop`), (err) => {
    assert.strictEqual(err.message, 'fetch failed');
    assert.match(err.cause.message, /redirect count exceeded/);
    return true;
  });

  response = await fetch(`${base}/empty`);
  assert.strictEqual(response.status, 204);
  assert.strictEqual(response.body, null);
  response = await fetch(`${base}/`, { method: 'HEAD' });
  assert.strictEqual(response.body, null);

  // Abort after the head arrived: the body errors with the reason.
  const controller = new AbortController();
  response = await fetch(`${base}/slow`, { signal: controller.signal });
  const reader = response.body.getReader();
  const { value } = await reader.read();
  assert.strictEqual(new TextDecoder().decode(value), 'first');
  controller.abort();
  await assert.rejects(reader.read(), { name: 'AbortError' });

  // Content-Encoding is undone.
  response = await fetch(`${base}/gzip`);
  assert.strictEqual(await response.text(), 'squeezed '.repeat(100));

  // The connection lost before the end of the body.
  response = await fetch(`${base}/cut`);
  await assert.rejects(response.text(), { name: 'TypeError',
                                          message: 'terminated' });

  // Aborted before it starts.
  await assert.rejects(fetch(`${base}/`, { signal: AbortSignal.abort() }),
                       { name: 'AbortError' });
  server.close();

  // A refused connection: TypeError with the system error as its cause.
  const closed = net.createServer();
  await new Promise((resolve) => closed.listen(0, resolve));
  const { port } = closed.address();
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`), (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.cause.code, 'ECONNREFUSED');
    return true;
  });
  await assert.rejects(fetch('http://127.0.0.1:1/'), { message: 'fetch failed' });

  // data: URLs.
  response = await fetch('data:text/plain;base64,aGVsbG8=');
  assert.strictEqual(response.headers.get('content-type'), 'text/plain');
  assert.strictEqual(await response.text(), 'hello');
  response = await fetch('data:,a%20b');
  assert.strictEqual(response.headers.get('content-type'),
                     'text/plain;charset=US-ASCII');
  assert.strictEqual(await response.text(), 'a b');
  await assert.rejects(fetch('data:;base64,%%%'), TypeError);
}

bodies().then(network).then(common.mustCall());
