'use strict';
// os.js - the os module: facts about the host (CPUs, memory, network
// interfaces, users, priorities, names) and the OS constants.

const {
  ArrayPrototypePush,
  Float64Array,
  NumberParseInt,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectSetPrototypeOf,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  StringPrototypeSplit,
  SymbolToPrimitive,
  Uint16Array,
  Uint8Array,
} = primordials;

const {
  hideStackFrames,
  codes: { ERR_SYSTEM_ERROR },
} = require('internal/errors');
const { validateInt32 } = require('internal/validators');
const {
  getHostname: _getHostname,
  getLoadAvg,
  getUptime: _getUptime,
  getTotalMem,
  getFreeMem,
  getAvailableParallelism,
  getCPUs,
  getInterfaceAddresses: _getInterfaceAddresses,
  getHomeDirectory: _getHomeDirectory,
  getUserInfo,
  getOSInformation: _getOSInformation,
  setPriority: _setPriority,
  getPriority: _getPriority,
} = internalBinding('os');
const { os: constants } = internalBinding('constants');

/* Wraps a binding call fn(ctx) so that a failure (undefined result)
 * throws ERR_SYSTEM_ERROR built from the filled ctx. */
function getCheckedFunction(fn) {
  return hideStackFrames(function checkError(...args) {
    const ctx = {};
    const ret = fn(...args, ctx);
    if (ret === undefined) throw new ERR_SYSTEM_ERROR(ctx);
    return ret;
  });
}

const getHomeDirectory = getCheckedFunction(_getHomeDirectory);
const getHostname = getCheckedFunction(_getHostname);
const getInterfaceAddresses = getCheckedFunction(_getInterfaceAddresses);
const getUptime = getCheckedFunction(_getUptime);

let osInfo;
/* [sysname, version, release, machine], read once (they cannot change
 * while the process runs); an error is thrown again on each call. */
function osInformation() {
  if (osInfo === undefined) {
    const ctx = {};
    const info = _getOSInformation(ctx);
    if (info === undefined) throw new ERR_SYSTEM_ERROR(ctx);
    osInfo = info;
  }
  return osInfo;
}

/* The kernel name, e.g. 'Linux'. */
function getOSType() { return osInformation()[0]; }
/* The kernel version string, e.g. '#1 SMP ...'. */
function getOSVersion() { return osInformation()[1]; }
/* The kernel release, e.g. '6.1.0-18-amd64'. */
function getOSRelease() { return osInformation()[2]; }
/* The machine type, e.g. 'x86_64'. */
function getMachine() { return osInformation()[3]; }

/* The 1, 5 and 15 minute load averages. */
function loadavg() {
  const avg = new Float64Array(3);
  getLoadAvg(avg);
  return [avg[0], avg[1], avg[2]];
}

/* [{ model, speed (MHz), times: { user, nice, sys, idle, irq } (ms) }]
 * per logical CPU; [] when unknown. */
function cpus() {
  const data = getCPUs() || [];
  const result = [];
  for (let i = 0; i < data.length; i += 7) {
    ArrayPrototypePush(result, {
      model: data[i],
      speed: data[i + 1],
      times: {
        user: data[i + 2],
        nice: data[i + 3],
        sys: data[i + 4],
        idle: data[i + 5],
        irq: data[i + 6],
      },
    });
  }
  return result;
}

const kEndianness =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

/* 'BE' or 'LE': the byte order of this CPU. */
function endianness() {
  return kEndianness;
}

/* The directory for temporary files: $TMPDIR, $TMP or $TEMP, else /tmp,
 * without a trailing slash (unless it is '/'). */
function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && StringPrototypeEndsWith(path, '/')) {
    path = StringPrototypeSlice(path, 0, -1);
  }
  return path;
}

/* Number of leading one bits of a contiguous netmask, or null. */
function netmaskBits(netmask, family) {
  let bits = 0;
  let ended = false;
  const v6 = family === 'IPv6';
  const parts = StringPrototypeSplit(netmask, v6 ? ':' : '.');
  for (let i = 0; i < parts.length; i++) {
    const part = v6 ? (parts[i] === '' ? 0 : NumberParseInt(parts[i], 16)) :
      NumberParseInt(parts[i], 10);
    for (let bit = v6 ? 15 : 7; bit >= 0; bit--) {
      if ((part >> bit) & 1) {
        if (ended) return null;
        bits++;
      } else {
        ended = true;
      }
    }
  }
  return bits;
}

/* { name: [{ address, netmask, family, mac, internal, cidr, scopeid? }] }
 * for every interface with an address. */
function networkInterfaces() {
  const data = getInterfaceAddresses();
  const result = {};
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const family = data[i + 3];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family,
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: null,
    };
    const bits = netmaskBits(entry.netmask, family);
    entry.cidr = bits === null ? null : `${entry.address}/${bits}`;
    if (family === 'IPv6') entry.scopeid = data[i + 6];
    if (result[name] === undefined) result[name] = [];
    ArrayPrototypePush(result[name], entry);
  }
  return result;
}

/* setPriority([pid = 0, ]priority): sets a process's scheduling priority
 * (-20 highest .. 19 lowest). */
function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const ctx = {};
  if (_setPriority(pid, priority, ctx) !== 0) throw new ERR_SYSTEM_ERROR(ctx);
}

/* getPriority([pid = 0]) -> the scheduling priority of a process. */
function getPriority(pid) {
  if (pid === undefined) {
    pid = 0;
  } else {
    validateInt32(pid, 'pid');
  }
  const ctx = {};
  const priority = _getPriority(pid, ctx);
  if (priority === undefined) throw new ERR_SYSTEM_ERROR(ctx);
  return priority;
}

/* userInfo([options]) -> { uid, gid, username, homedir, shell } of the
 * effective user; options.encoding 'buffer' gives Buffers, another
 * encoding decodes the strings with it (default utf8). */
function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const encoding = options ? options.encoding : undefined;
  const ctx = {};
  const user = getUserInfo(ctx);
  if (user === undefined) throw new ERR_SYSTEM_ERROR(ctx);
  const { Buffer } = require('buffer');
  const decode = (bytes) => {
    if (bytes === null) return null;
    const buf = bytes instanceof Buffer ? bytes :
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (encoding === 'buffer') return buf;
    return buf.toString(Buffer.isEncoding(encoding) ? encoding : 'utf8');
  };
  user.username = decode(user.username);
  user.homedir = decode(user.homedir);
  user.shell = decode(user.shell);
  return user;
}

/* Node's os.constants: null-prototype objects whose leaf values are
 * read-only. */
function lockConstants(obj) {
  ObjectSetPrototypeOf(obj, null);
  const keys = ObjectKeys(obj);
  for (let i = 0; i < keys.length; i++) {
    const value = obj[keys[i]];
    if (typeof value === 'object' && value !== null) {
      lockConstants(value);
    } else {
      ObjectDefineProperty(obj, keys[i], {
        __proto__: null,
        value,
        writable: false,
        enumerable: true,
        configurable: false,
      });
    }
  }
}
lockConstants(constants);

function arch() { return process.arch; }
function platform() { return process.platform; }

// Functions that return a plain value stringify to it: `${os.hostname}`.
const primitiveFns = [
  arch, getAvailableParallelism, endianness, getFreeMem, getHomeDirectory,
  getHostname, platform, getOSRelease, tmpdir, getTotalMem, getOSType,
  getUptime, getOSVersion, getMachine,
];
for (let i = 0; i < primitiveFns.length; i++) {
  const fn = primitiveFns[i];
  fn[SymbolToPrimitive] = () => fn();
}

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

ObjectDefineProperties(module.exports, {
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  EOL: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    writable: false,
    value: '\n',
  },
  devNull: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    writable: false,
    value: '/dev/null',
  },
});
