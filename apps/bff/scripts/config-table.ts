// Prints the README's configuration table from the config schema: `pnpm --filter @c2/bff config-table`.
import { configTable } from '../src/platform/config-table';

process.stdout.write(`${configTable()}\n`);
