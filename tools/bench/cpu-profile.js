// Loaded into each service with NODE_OPTIONS=--require (Node refuses --cpu-prof there): profiles
// the whole life of the process and writes a .cpuprofile (Chrome DevTools, speedscope) at exit.
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let written = false;
  // A session on the process's own thread answers synchronously, so this completes in a handler.
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const name = path.basename(path.dirname(path.dirname(process.argv[1] ?? 'node')));
      fs.writeFileSync(
        path.join(dir, `${name}-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
  };
  // Nest's shutdown hook ends the process by re-sending the signal, which skips 'exit': write on
  // the signal itself (once, so the re-sent signal is not caught here again).
  process.once('SIGTERM', write);
  process.on('exit', write);
}
