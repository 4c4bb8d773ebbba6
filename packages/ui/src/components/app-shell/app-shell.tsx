import type { ReactNode } from 'react';
import './app-shell.css';

export interface AppShellProps {
  header: ReactNode;
  children: ReactNode;
  /** Text of the "skip to content" link, the first stop for keyboard users. */
  skipToContentLabel: string;
  testIds: { skipLink: string; main: string };
}

/** The page frame: a fixed header and a main area that fills the rest of the viewport. */
export function AppShell({ header, children, skipToContentLabel, testIds }: AppShellProps) {
  return (
    <div className="c2-app-shell">
      <a className="c2-app-shell__skip" href="#c2-main" data-testid={testIds.skipLink}>
        {skipToContentLabel}
      </a>
      {header}
      <main id="c2-main" className="c2-app-shell__main" tabIndex={-1} data-testid={testIds.main}>
        {children}
      </main>
    </div>
  );
}
