import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { testIds } from '@c2/ui/test-ids';
import { LoginPage } from '../../features/auth/components/login-page';
import { i18n } from '../i18n/i18n';

// The login page as the app composes it: the app's own i18n instance, Vietnamese by default.

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderLogin(onLoggedIn = vi.fn(), notice: 'expired' | null = null) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LoginPage onLoggedIn={onLoggedIn} notice={notice} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  fireEvent.change(screen.getByTestId(testIds.login.username), { target: { value: ' operator ' } });
  fireEvent.change(screen.getByTestId(testIds.login.password), { target: { value: 'sai-mat-khau' } });
  return { onLoggedIn, submit: screen.getByTestId(testIds.login.submit) };
}

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('LoginPage', () => {
  it('when the password is wrong, then the form stays open and says so in Vietnamese', async () => {
    let answer: (res: Response) => void = () => undefined;
    const fetchMock = vi.fn((url: string) =>
      url === '/api/auth/providers'
        ? Promise.resolve(jsonResponse(200, { password: true, oidc: null }))
        : new Promise<Response>((resolve) => (answer = resolve)),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { onLoggedIn, submit } = renderLogin();

    fireEvent.click(submit);

    // While the request runs the button cannot be pressed again.
    await waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(true));
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(call[1].body))).toEqual({ username: 'operator', password: 'sai-mat-khau' });

    answer(jsonResponse(401, { error: { code: 'unauthorized', message: 'Wrong username or password' } }));

    expect((await screen.findByRole('alert')).textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('when the account has a second factor, then the code step asks for it and sends it to the MFA endpoint', async () => {
    const session = {
      user: { id: 'u1', username: 'admin', displayName: 'A', role: 'admin', areas: null, locale: 'vi' },
      permissions: ['user:manage'],
      csrfToken: 'c',
      expiresAt: '2026-01-01T00:00:00.000Z',
    };
    const fetchMock = vi.fn((url: string) =>
      Promise.resolve(
        url === '/api/auth/providers'
          ? jsonResponse(200, { password: true, oidc: { label: 'VNeID' } })
          : url === '/api/auth/login'
            ? jsonResponse(200, { mfa: 'totp', expiresAt: '2026-01-01T00:05:00.000Z' })
            : jsonResponse(200, session),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { onLoggedIn, submit } = renderLogin();
    expect((await screen.findByTestId(testIds.login.sso)).textContent).toBe('Đăng nhập qua VNeID');

    fireEvent.click(submit);
    const code = await screen.findByTestId(testIds.login.code);
    expect(onLoggedIn).not.toHaveBeenCalled();
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByTestId(testIds.login.codeSubmit));

    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledTimes(1));
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login/mfa') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(call[1].body))).toEqual({ code: '123456' });
  });

  it('when too many attempts failed, then the message names the wait the server asked for', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          jsonResponse(429, {
            error: { code: 'rate_limited', message: 'Too many', fields: { retryAfter: '42' } },
          }),
        ),
      ),
    );
    const { submit } = renderLogin();

    fireEvent.click(submit);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 42 giây.',
    );
  });

  it('when the session expired, then the page says why until the next attempt fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(jsonResponse(401, { error: { code: 'unauthorized', message: 'no' } }))),
    );
    const { submit } = renderLogin(vi.fn(), 'expired');

    expect(screen.getByTestId(testIds.login.notice).textContent).toBe(
      'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    );
    fireEvent.click(submit);
    await screen.findByRole('alert');
    expect(screen.queryByTestId(testIds.login.notice)).toBeNull();
  });
});
