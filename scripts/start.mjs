// `npm start`: install, build the console, start the BFF in embedded mode (or production mode with env set).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensurePnpm, install, pnpm } from './toolchain.mjs';

const pm = ensurePnpm();
install(pm);
pnpm(pm, ['--filter', '@c2/console', 'run', 'build']);

const bff = path.join(ROOT, 'apps/bff');
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: bff, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
