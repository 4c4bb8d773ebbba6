// Embedded mode: retires the signing key in DATA_DIR/keys and creates a new one (restart the BFF afterwards).
// Old records keep verifying: every key's public half stays in the database. Production rotates by deploying a
// new SIGNING_KEY / SIGNING_KEY_FILE.
import path from 'node:path';
import { loadConfig } from '../src/platform/config';
import { rotateSigningKey } from '../src/platform/signing/signing-keys';

const config = loadConfig();
if (config.signingKey || config.signingKeyFile) {
  process.stderr.write('SIGNING_KEY or SIGNING_KEY_FILE is set: rotate by deploying a new key there.\n');
  process.exit(2);
}
const { retired, active } = await rotateSigningKey(path.join(config.dataDir, 'keys'));
process.stdout.write(
  `${retired ? `retired ${retired}\n` : ''}active  ${active}\nRestart the BFF to sign with it.\n`,
);
