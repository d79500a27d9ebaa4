'use strict';
// A timer cleared from a microtask that runs right after another timer's
// callback no longer keeps the process alive (the process must exit now,
// not in 100 s).
const common = require('../common');

(async () => {
  const interval = setInterval(common.mustNotCall(), 100000);
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(interval);
})().then(common.mustCall());
