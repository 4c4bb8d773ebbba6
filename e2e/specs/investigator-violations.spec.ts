import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { test, expect } from '../fixtures/test';
import { AppShell } from '../pages/app-shell';
import { ViolationsPage } from '../pages/violations-page';

const run = promisify(execFile);
const OUT = path.resolve('test-results/evidence');

test.describe('violation review with a human in the loop', () => {
  test('an investigator verifies one violation and rejects another; under maker–checker the leader confirms; the exported package verifies and names a tampered image', async ({
    page,
    loginAs,
    drills,
  }) => {
    await drills.makerChecker(true);
    const speeding = (await drills.journey({ violation: 'speeding', sightings: 2 })).violationIds[0]!;
    const redLight = (await drills.journey({ violation: 'red_light', sightings: 2 })).violationIds[0]!;

    // The investigator (maker) verifies the speeding and rejects the red light with a reason.
    await loginAs('investigator');
    const queue = new ViolationsPage(page);
    await queue.open('pending');
    await expect(queue.makerChecker).toHaveAttribute('data-on', 'true');
    await queue.select(speeding);
    await expect(queue.signature).toHaveAttribute('data-status', 'verified');
    await page.screenshot({ path: 'test-results/violations-queue.png' });
    await queue.verify();
    await expect(queue.detailStatus).toHaveAttribute('data-status', 'awaiting_approval');
    await expect(queue.history).toHaveCount(1);

    await queue.select(redLight);
    await queue.image('plate').click();
    await page.screenshot({ path: 'test-results/violation-evidence.png' });
    await queue.reject('priority_vehicle', 'Xe cứu thương đang làm nhiệm vụ');
    await expect(queue.detailStatus).toHaveAttribute('data-status', 'rejected');
    await expect(queue.history.first()).toHaveAttribute('data-action', 'reject');

    // The leader (checker, a different person) confirms the verification.
    await new AppShell(page).logout();
    await loginAs('leader');
    await queue.open('awaiting_approval');
    await queue.select(speeding);
    await queue.approve();
    await expect(queue.detailStatus).toHaveAttribute('data-status', 'verified');
    await expect(queue.history).toHaveCount(2);
    await page.screenshot({ path: 'test-results/violation-confirmed.png' });

    // The package verifies offline with the command; one changed byte of an image is named.
    await fs.mkdir(OUT, { recursive: true });
    const zipPath = await queue.exportPackage(path.join(OUT, `${speeding}.zip`));
    const ok = await run('pnpm', ['--silent', 'verify-evidence', zipPath]);
    expect(ok.stdout).toContain('RESULT: VERIFIED');

    const files = unzipSync(new Uint8Array(await fs.readFile(zipPath)));
    const image = `evidence/${speeding}/vehicle.jpg`;
    const bytes = files[image]!;
    bytes[1500] = bytes[1500]! ^ 0xff;
    const tampered = path.join(OUT, `${speeding}-tampered.zip`);
    await fs.writeFile(tampered, zipSync(files));
    const failed = await run('pnpm', ['--silent', 'verify-evidence', tampered]).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`TAMPERED: ${image}`);
    expect(failed?.stdout).toContain('RESULT: NOT VERIFIED');
  });
});
