// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ToggleChip } from './toggle-chip';

afterEach(cleanup);

describe('ToggleChip', () => {
  it('when pressed, then it calls onToggle and exposes pressed state and count', () => {
    const onToggle = vi.fn();
    render(
      <ToggleChip pressed label="Mất kết nối" tone="danger" count={12} onToggle={onToggle} testId="chip" />,
    );

    const chip = screen.getByRole('button', { name: /Mất kết nối/ });
    fireEvent.click(chip);

    expect(onToggle).toHaveBeenCalledTimes(1);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(chip.dataset['count']).toBe('12');
  });

  it('when a formatter is given, then the count is shown formatted', () => {
    render(
      <ToggleChip
        pressed={false}
        label="Trực tuyến"
        count={10000}
        formatCount={(n) => n.toLocaleString('vi-VN')}
        onToggle={() => undefined}
      />,
    );

    expect(screen.getByRole('button').textContent).toContain('10.000');
  });
});
