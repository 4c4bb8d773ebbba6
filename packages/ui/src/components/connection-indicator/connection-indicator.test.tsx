// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ConnectionIndicator } from './connection-indicator';

afterEach(cleanup);

describe('ConnectionIndicator', () => {
  it('when live, then it shows the label and exposes the state for tests', () => {
    render(<ConnectionIndicator state="live" label="Trực tuyến" testId="connection-indicator" />);

    const indicator = screen.getByTestId('connection-indicator');
    expect(indicator.dataset['state']).toBe('live');
    expect(indicator.textContent).toBe('Trực tuyến');
    expect(indicator.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('ok');
  });

  it('when offline, then the dot turns to the danger tone', () => {
    render(<ConnectionIndicator state="offline" label="Mất kết nối" testId="connection-indicator" />);

    const indicator = screen.getByRole('status');
    expect(indicator.dataset['state']).toBe('offline');
    expect(indicator.querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('danger');
  });
});
