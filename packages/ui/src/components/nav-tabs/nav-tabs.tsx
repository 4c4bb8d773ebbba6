import type { MouseEvent } from 'react';
import './nav-tabs.css';

export interface NavTabItem {
  key: string;
  label: string;
  href: string;
  active: boolean;
  testId?: string;
}

export interface NavTabsProps {
  /** Accessible name of the navigation, e.g. "Điều hướng chính". */
  label: string;
  items: readonly NavTabItem[];
  /** Called for plain left clicks so a router can navigate without a reload; modified clicks keep browser behaviour. */
  onNavigate: (href: string) => void;
  testId?: string;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** The main navigation as real links (they can be opened in a new tab), marked `aria-current="page"` when active. */
export function NavTabs({ label, items, onNavigate, testId }: NavTabsProps) {
  return (
    <nav className="c2-nav-tabs" aria-label={label} data-testid={testId}>
      <ul className="c2-nav-tabs__list">
        {items.map((item) => (
          <li key={item.key} className="c2-nav-tabs__item">
            <a
              className="c2-nav-tabs__link"
              href={item.href}
              aria-current={item.active ? 'page' : undefined}
              data-testid={item.testId}
              onClick={(event) => {
                if (!isPlainLeftClick(event)) return;
                event.preventDefault();
                onNavigate(item.href);
              }}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
