// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Badge } from './badge';

afterEach(cleanup);

describe('Badge', () => {
  it('when given a tone and variant, then the text shows and the tone is exposed', () => {
    render(
      <Badge tone="danger" variant="filled" data-testid="b">
        Khẩn cấp
      </Badge>,
    );
    const badge = screen.getByTestId('b');
    expect(badge.textContent).toBe('Khẩn cấp');
    expect(badge.dataset['tone']).toBe('danger');
    expect(badge.className).toContain('c2-badge--filled');
  });
});
