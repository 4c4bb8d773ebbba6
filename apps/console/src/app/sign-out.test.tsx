import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useSignOut } from './live-provider';

// Signing out while a page holds queries: once the session is ended nothing of the signed-in console may reach
// the server (each request would be a 401 in the operator's console).

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Page() {
  const things = useQuery({
    queryKey: ['things'],
    queryFn: () => fetch('/api/things').then((r) => r.json() as Promise<number[]>),
  });
  const signOut = useSignOut();
  return (
    <div>
      <span data-testid="things">{things.data?.length ?? 'loading'}</span>
      <button onClick={signOut}>out</button>
    </div>
  );
}

describe('useSignOut', () => {
  it('when a user signs out, then the pages are gone and the cache empty before the logout is sent, and nothing is asked afterwards', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        calls.push(url);
        const body = url === '/api/auth/logout' ? 'null' : '[1,2,3]';
        return Promise.resolve(
          new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
        );
      }),
    );
    const queryClient = new QueryClient();
    const router = createMemoryRouter(
      [
        { path: '/', Component: Page },
        { path: '/login', element: <p data-testid="login">login</p> },
      ],
      { initialEntries: ['/'] },
    );
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect((await screen.findByText('3')).dataset.testid).toBe('things');

    act(() => screen.getByText('out').click());

    // Synchronously: the login page is shown and the browser holds nothing of the user.
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByTestId('login')).toBeTruthy();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    await waitFor(() => expect(calls).toContain('/api/auth/logout'));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.slice(calls.indexOf('/api/auth/logout'))).toEqual(['/api/auth/logout']);
  });
});
