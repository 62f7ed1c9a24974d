// Preloaded into the benchmarked server (`node --import ./bench/lag-probe.mjs dist/main.js`): measures
// the event-loop delay of the API thread and answers the bench over the IPC channel.
//   { probe: 'reset' } starts a new window; { probe: 'read' } answers { probe: 'lag', p50, p90, p99, max } in ms
//   and { probe: 'memory' } answers { probe: 'memory', rss, heapUsed } in bytes.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (ns) => Math.round((ns / 1e6) * 10) / 10;

process.on('message', (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.probe === 'reset') {
    histogram.reset();
    process.send?.({ probe: 'reset' });
  } else if (message.probe === 'read') {
    process.send?.({
      probe: 'lag',
      p50: ms(histogram.percentile(50)),
      p90: ms(histogram.percentile(90)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
    });
  } else if (message.probe === 'memory') {
    const m = process.memoryUsage();
    process.send?.({ probe: 'memory', rss: m.rss, heapUsed: m.heapUsed });
  }
});
// the IPC channel must not keep a server that was told to stop alive
process.channel?.unref();
