'use strict';
/* perf/event_loop_utilization.js - performance.eventLoopUtilization().
 * Needs the loop start and libuv idle time; without a native source for
 * them (loopStart is -1) every reading is zero, as in Node before the loop
 * starts. */

const { milestones } = require('internal/perf/nodetiming');
const { now } = require('internal/perf/utils');

/* The loop's accumulated idle time in ms (0 until measurable). */
function idleTime() {
  return 0;
}

/* eventLoopUtilization([util1[, util2]]) -> { idle, active, utilization } */
function eventLoopUtilization(util1, util2) {
  const loopStart = milestones.loopStart;
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = idleTime();
  const active = now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return {
    idle: idleDelta,
    active: activeDelta,
    utilization: activeDelta / (idleDelta + activeDelta),
  };
}

module.exports = { eventLoopUtilization };
