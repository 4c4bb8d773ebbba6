// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { StatusDot } from './status-dot';

afterEach(cleanup);

describe('StatusDot', () => {
  it('when given a label, then it is announced as an image with that name', () => {
    render(<StatusDot tone="danger" label="Mất kết nối" />);

    const dot = screen.getByRole('img', { name: 'Mất kết nối' });
    expect(dot.dataset['tone']).toBe('danger');
  });

  it('when given no label, then it is hidden from assistive technology', () => {
    const { container } = render(<StatusDot tone="ok" />);

    expect(screen.queryByRole('img')).toBeNull();
    expect(container.firstElementChild?.getAttribute('aria-hidden')).toBe('true');
  });
});
