import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { FieldAssignment } from '@c2/api-client/schemas/incident';
import { testIds } from '@c2/ui/test-ids';
import { FieldPage } from '../../features/field/components/field-page';
import { i18n } from '../i18n/i18n';

// The field view as the app composes it: the app's i18n, Vietnamese by default, the real API client over fetch.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T = '2026-04-12T01:00:00.000Z';
function view(status: FieldAssignment['unit']['status'], acceptedAt: string | null): FieldAssignment {
  return {
    unit: {
      id: 'unit-002',
      callSign: 'CSGT-02',
      name: 'Tổ tuần tra 02',
      vehicle: 'Ô tô tuần tra 99A-202.12',
      members: [],
      areaId: 'p-kinh-bac',
      status,
      statusSince: T,
      incidentId: 'i-1',
      lastUpdateAt: T,
      position: { lng: 106.07, lat: 21.17, heading: 0, speedKmh: 40, ts: T },
    },
    assignment: {
      id: 'a-1',
      unitId: 'unit-002',
      callSign: 'CSGT-02',
      active: true,
      assignedAt: T,
      assignedBy: 'Điều phối viên',
      acceptedAt,
      enRouteAt: null,
      onSceneAt: null,
      clearedAt: null,
      endedAt: null,
      endReason: null,
      etaSeconds: 420,
      distanceMeters: 5000,
      etaMethod: 'road',
    },
    incident: {
      id: 'i-1',
      code: 'SV-20260412-0001',
      type: 'accident',
      priority: 'P1',
      state: 'dispatched',
      title: 'QL1 Km12+350 – Phường Kinh Bắc',
      description: '',
      location: { lng: 106.07, lat: 21.18 },
      address: 'QL1 Km12+350 – Phường Kinh Bắc',
      areaName: 'Phường Kinh Bắc',
      detectedAt: T,
    },
    notes: [],
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderField() {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <FieldPage />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('FieldPage', () => {
  it('when a new assignment arrives, then the one big button accepts it, and the next one sets off', async () => {
    const fetchMock = vi.fn((url: string, init?: RequestInit) =>
      Promise.resolve(
        url.endsWith('/accept') && init?.method === 'POST'
          ? json(200, view('assigned', T))
          : json(200, view('assigned', null)),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderField();

    fireEvent.click(await screen.findByTestId(testIds.field.accept));

    expect(await screen.findByTestId(testIds.field.enRoute)).toBeTruthy();
    expect(screen.queryByTestId(testIds.field.accept)).toBeNull();
    expect(screen.getByTestId(testIds.field.location).textContent).toContain('Cách tổ 1,1 km');
    expect(
      fetchMock.mock.calls.some(
        ([u, i]) => String(u) === '/api/field/assignment/accept' && i?.method === 'POST',
      ),
    ).toBe(true);
  });

  it('when the BFF refuses a step, then the crew reads why in Vietnamese', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) =>
        Promise.resolve(
          init?.method === 'POST'
            ? json(409, {
                error: { code: 'illegal_transition', message: 'x', fields: { reason: 'not_assigned' } },
              })
            : json(200, view('en_route', T)),
        ),
      ),
    );
    renderField();

    fireEvent.click(await screen.findByTestId(testIds.field.onScene));

    await waitFor(() =>
      expect(screen.getByTestId(testIds.field.error).textContent).toBe('Tổ chưa được giao nhiệm vụ.'),
    );
  });
});
