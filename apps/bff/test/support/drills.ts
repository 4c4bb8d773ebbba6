import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ViolationType } from '@c2/api-client/schemas/violation';
import type { Session } from './test-server';

export interface Journey {
  plate: string;
  eventIds: string[];
  cameraIds: string[];
  violationIds: string[];
}

/** The simulation drill (admin): a vehicle drives past cameras, optionally committing a violation at the last. */
export async function drive(
  baseUrl: string,
  admin: Session,
  body: { plate?: string; sightings?: number; violation?: ViolationType } = {},
): Promise<Journey> {
  const res = await fetch(`${baseUrl}/api/sim/journeys`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`drill failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Journey;
}

/** A fresh data directory (signing key, rendered evidence) for one test file, removed afterwards. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-test-'));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** A mutation as the console sends it (session cookie + CSRF header). */
export function send(
  baseUrl: string,
  s: Session,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${url}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
