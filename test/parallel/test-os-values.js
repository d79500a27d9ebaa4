'use strict';
// os: values checked against the system's own tools (uname, id, nproc,
// /proc), toPrimitive on the value functions, and the module's shape.
require('../common');
const assert = require('assert');
const os = require('os');
const { execFileSync } = require('child_process');

const run = (file, args = []) =>
  execFileSync(file, args, { encoding: 'utf8' }).trim();

assert.strictEqual(os.hostname(), run('uname', ['-n']));
assert.strictEqual(os.type(), run('uname', ['-s']));
assert.strictEqual(os.release(), run('uname', ['-r']));
assert.strictEqual(os.version(), run('uname', ['-v']));
assert.strictEqual(os.machine(), run('uname', ['-m']));
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.arch(), process.arch);
assert.strictEqual(os.endianness(),
                   Buffer.from(new Uint16Array([1]).buffer)[0] ? 'LE' : 'BE');
assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.strictEqual(os.availableParallelism(), Number(run('nproc')));
assert.strictEqual(os.cpus().length, Number(run('nproc', ['--all'])));

const meminfo = run('cat', ['/proc/meminfo']);
const total = Number(/MemTotal:\s+(\d+) kB/.exec(meminfo)[1]) * 1024;
assert.strictEqual(os.totalmem(), total);
assert.ok(os.freemem() > 0 && os.freemem() <= total);

const uptime = Number(run('cat', ['/proc/uptime']).split(' ')[0]);
assert.ok(Math.abs(os.uptime() - uptime) < 5);
const load = os.loadavg();
assert.strictEqual(load.length, 3);
for (const v of load) assert.ok(typeof v === 'number' && v >= 0);

for (const cpu of os.cpus()) {
  assert.deepStrictEqual(Object.keys(cpu), ['model', 'speed', 'times']);
  assert.deepStrictEqual(Object.keys(cpu.times),
                         ['user', 'nice', 'sys', 'idle', 'irq']);
  assert.strictEqual(typeof cpu.model, 'string');
}

// The user.
{
  const user = os.userInfo();
  assert.deepStrictEqual(Object.keys(user),
                         ['uid', 'gid', 'username', 'homedir', 'shell']);
  assert.strictEqual(user.uid, Number(run('id', ['-u'])));
  assert.strictEqual(user.gid, Number(run('id', ['-g'])));
  assert.strictEqual(user.username, run('id', ['-un']));
  const buf = os.userInfo({ encoding: 'buffer' });
  assert.ok(Buffer.isBuffer(buf.username));
  assert.strictEqual(buf.username.toString(), user.username);
  assert.strictEqual(buf.shell.toString(), user.shell);
  // A bad encoding falls back to utf8; a non-object is ignored.
  assert.deepStrictEqual(os.userInfo({ encoding: 'nope' }), user);
  assert.deepStrictEqual(os.userInfo('buffer'), user);
  assert.deepStrictEqual(os.userInfo({ encoding: 'hex' }).username,
                         Buffer.from(user.username).toString('hex'));
  const badOptions = { get encoding() { throw new Error('xyz'); } };
  assert.throws(() => os.userInfo(badOptions), /^Error: xyz$/);
}

// homedir follows $HOME, then the passwd entry.
{
  const home = process.env.HOME;
  process.env.HOME = '/some/where';
  assert.strictEqual(os.homedir(), '/some/where');
  delete process.env.HOME;
  assert.strictEqual(os.homedir(), os.userInfo().homedir);
  process.env.HOME = home;
}

// tmpdir: TMPDIR, TMP, TEMP, then /tmp; a trailing slash is dropped.
{
  const saved = { ...process.env };
  process.env.TMPDIR = '/a/';
  assert.strictEqual(os.tmpdir(), '/a');
  process.env.TMPDIR = '';
  process.env.TMP = '/b';
  assert.strictEqual(os.tmpdir(), '/b');
  delete process.env.TMP;
  process.env.TEMP = '/c';
  assert.strictEqual(os.tmpdir(), '/c');
  delete process.env.TEMP;
  assert.strictEqual(os.tmpdir(), '/tmp');
  process.env.TMPDIR = '/';
  assert.strictEqual(os.tmpdir(), '/');
  for (const k of ['TMPDIR', 'TMP', 'TEMP']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
}

// Network interfaces: loopback as Node reports it.
{
  const lo = os.networkInterfaces().lo;
  assert.deepStrictEqual(lo.find((e) => e.family === 'IPv4'), {
    address: '127.0.0.1',
    netmask: '255.0.0.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:00',
    internal: true,
    cidr: '127.0.0.1/8',
  });
  const v6 = lo.find((e) => e.family === 'IPv6');
  if (v6) {
    assert.deepStrictEqual(Object.keys(v6), ['address', 'netmask', 'family',
                                             'mac', 'internal', 'cidr',
                                             'scopeid']);
    assert.strictEqual(v6.cidr, '::1/128');
  }
}

// Value functions stringify to their value.
for (const name of ['hostname', 'homedir', 'release', 'type', 'endianness',
                    'tmpdir', 'arch', 'platform', 'version', 'machine']) {
  assert.strictEqual(`${os[name]}`, os[name]());
}
assert.strictEqual(+os.totalmem, os.totalmem());
assert.strictEqual(+os.availableParallelism, os.availableParallelism());
assert.strictEqual(typeof +os.uptime, 'number');

assert.deepStrictEqual(Object.keys(os), [
  'arch', 'availableParallelism', 'cpus', 'endianness', 'freemem',
  'getPriority', 'homedir', 'hostname', 'loadavg', 'networkInterfaces',
  'platform', 'release', 'setPriority', 'tmpdir', 'totalmem', 'type',
  'userInfo', 'uptime', 'version', 'machine', 'constants', 'EOL', 'devNull',
]);
