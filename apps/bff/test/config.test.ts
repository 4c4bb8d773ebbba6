import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/platform/config';

describe('configuration', () => {
  it('when nothing is set, then the embedded defaults apply', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.simCameras).toBe(400);
  });

  it('when values are malformed, then every bad key is listed by its env name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', SIM_CAMERAS: '-5', DATABASE_URL: 'not a url', SECURE_COOKIES: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      'PORT="eighty"',
      'SIM_CAMERAS="-5"',
      'DATABASE_URL="not a url"',
      'SECURE_COOKIES="maybe"',
    ]) {
      expect(message).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('when env values are given, then they are coerced to their types', () => {
    const config = loadConfig({ PORT: '9090', SIM_FAULTS: 'false', SIM_CAMERAS: '10000' });
    expect(config).toMatchObject({ port: 9090, simFaults: false, simCameras: 10000 });
  });
});
