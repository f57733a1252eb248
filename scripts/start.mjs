// Command 1 of the README: install, build, migrate + seed (on server start), serve on :3000.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildAll, installDependencies, ROOT, step } from './lib.mjs';

installDependencies();
buildAll({ weapp: false });

step('starting the server (migrates the database and seeds the demo village when empty)');
const server = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], { stdio: 'inherit', cwd: ROOT });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
