// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { TextField } from './text-field';

afterEach(cleanup);

describe('TextField', () => {
  it('when rendered, then the input is reachable by its label', () => {
    render(<TextField label="Tên đăng nhập" name="username" />);

    const input = screen.getByLabelText('Tên đăng nhập');
    expect(input.getAttribute('name')).toBe('username');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('when given an error, then the input is invalid and described by the message', () => {
    render(<TextField label="Mật khẩu" type="password" error="Bắt buộc" />);

    const input = screen.getByLabelText('Mật khẩu');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Bắt buộc');
  });
});
