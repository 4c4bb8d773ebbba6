import type { ReactNode } from 'react';
import './header-bar.css';

export interface HeaderBarProps {
  title: string;
  /** Shorter title for narrow screens; the full one stays the accessible name. */
  shortTitle?: string;
  nav?: ReactNode;
  /** Right-hand side: connection state, language, user. */
  actions?: ReactNode;
  testIds: { header: string; title: string };
}

/** The top bar of the console: title, navigation, and the status and user controls. */
export function HeaderBar({ title, shortTitle, nav, actions, testIds }: HeaderBarProps) {
  return (
    <header className="c2-header-bar" data-testid={testIds.header}>
      <div className="c2-header-bar__brand">
        <span className="c2-header-bar__emblem" aria-hidden="true" />
        <h1 className="c2-header-bar__title" data-testid={testIds.title} title={title}>
          <span className="c2-header-bar__title-full">{title}</span>
          {shortTitle ? (
            <span className="c2-header-bar__title-short" aria-hidden="true">
              {shortTitle}
            </span>
          ) : null}
        </h1>
      </div>
      {nav ? <div className="c2-header-bar__nav">{nav}</div> : null}
      {actions ? <div className="c2-header-bar__actions">{actions}</div> : null}
    </header>
  );
}
