'use strict';
// internal/tty.js - terminal colour support as seen from the environment:
// getColorDepth/hasColors of tty.WriteStream.

const {
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  StringPrototypeSplit,
} = primordials;

const { validateInteger } = require('internal/validators');

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

// Terminals known by exact TERM name.
const TERM_DEPTH = {
  __proto__: null,
  eterm: COLORS_16,
  cons25: COLORS_16,
  console: COLORS_16,
  cygwin: COLORS_16,
  dtterm: COLORS_16,
  gnome: COLORS_16,
  hurd: COLORS_16,
  jfbterm: COLORS_16,
  konsole: COLORS_16,
  kterm: COLORS_16,
  mlterm: COLORS_16,
  mosh: COLORS_16m,
  putty: COLORS_16,
  st: COLORS_16,
  'rxvt-unicode-24bit': COLORS_16m,
  terminator: COLORS_16m,
  'xterm-256color': COLORS_256,
};

// Families of terminals with at least 16 colours.
const TERM_16_PATTERNS = [
  /ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/,
  /^xterm/, /^vt100/,
];

// CI services whose logs render 256 colours.
const CI_256 = [
  'APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS',
  'GITLAB_CI', 'TRAVIS',
];

let warned = false;

function depthFromForceColor(value, env) {
  if (!warned && (env.NO_COLOR !== undefined ||
                  env.NODE_DISABLE_COLORS !== undefined)) {
    warned = true;
    const name = env.NODE_DISABLE_COLORS !== undefined ?
      'NODE_DISABLE_COLORS' : 'NO_COLOR';
    process.emitWarning(`The '${name}' env is ignored due to the ` +
                        "'FORCE_COLOR' env being set.", 'Warning');
  }
  switch (value) {
    case '':
    case '1':
    case 'true':
      return COLORS_16;
    case '2':
      return COLORS_256;
    case '3':
      return COLORS_16m;
    default:
      return COLORS_2;
  }
}

/* getColorDepth([env]) -> 1, 4, 8 or 24: the colour depth the terminal
 * described by `env` supports (FORCE_COLOR, NO_COLOR, TERM, CI, ...). */
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    return depthFromForceColor(env.FORCE_COLOR, env);
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_256;
  if (env.CI) {
    for (let i = 0; i < CI_256.length; i++) {
      if (ObjectPrototypeHasOwnProperty(env, CI_256[i])) return COLORS_256;
    }
    if (env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if (env.TEAMCITY_VERSION !== undefined) {
    return RegExpPrototypeExec(/^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/,
                               env.TEAMCITY_VERSION) !== null ?
      COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION ||
          RegExpPrototypeExec(/^[0-2]\./, env.TERM_PROGRAM_VERSION) !== null) {
        return COLORS_256;
      }
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') {
    return COLORS_16m;
  }
  if (env.TERM) {
    if (RegExpPrototypeExec(/^xterm-256/, env.TERM) !== null) {
      return COLORS_256;
    }
    const term = StringPrototypeSplit(env.TERM, '\0')[0].toLowerCase();
    if (TERM_DEPTH[term] !== undefined) return TERM_DEPTH[term];
    for (let i = 0; i < TERM_16_PATTERNS.length; i++) {
      if (RegExpPrototypeExec(TERM_16_PATTERNS[i], term) !== null) {
        return COLORS_16;
      }
    }
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

/* hasColors([count=16][, env]) -> whether `count` colours are supported. */
function hasColors(count, env) {
  if (env === undefined &&
      (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

module.exports = {
  getColorDepth,
  hasColors,
};
