import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import './nav-tabs.css';

export interface NavTabItem {
  key: string;
  label: string;
  href: string;
  active: boolean;
  testId?: string;
}

/** Pages reached less often (administration, audit), gathered under one tab that opens a menu. */
export interface NavTabGroup {
  label: string;
  /** The tab's name when tabs that do not fit the bar have moved into it too (e.g. "More"). */
  moreLabel?: string;
  items: readonly NavTabItem[];
  testId?: string;
}

export interface NavTabsProps {
  /** Accessible name of the navigation, e.g. "Điều hướng chính". */
  label: string;
  items: readonly NavTabItem[];
  group?: NavTabGroup;
  /** Called for plain left clicks so a router can navigate without a reload; modified clicks keep browser behaviour. */
  onNavigate: (href: string) => void;
  testId?: string;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

function NavLink({
  item,
  onNavigate,
  className,
}: {
  item: NavTabItem;
  onNavigate: (href: string) => void;
  className: string;
}) {
  return (
    <a
      className={className}
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
  );
}

/** Room kept at the end of the bar for the group's tab. */
const GROUP_TAB_WIDTH = 130;

/** The group's tab: a button that opens its pages; it closes on a choice, Escape or a click elsewhere. */
function NavGroup({ group, onNavigate }: { group: NavTabGroup; onNavigate: (href: string) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  const active = group.items.find((i) => i.active);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <li className="c2-nav-tabs__item c2-nav-tabs__group" ref={ref}>
      <button
        type="button"
        className="c2-nav-tabs__link"
        aria-expanded={open}
        aria-current={active ? 'page' : undefined}
        title={active?.label}
        data-testid={group.testId}
        onClick={() => setOpen((o) => !o)}
      >
        {group.label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul className="c2-nav-tabs__menu">
          {group.items.map((item) => (
            <li key={item.key}>
              <NavLink
                item={item}
                className="c2-nav-tabs__menu-link"
                onNavigate={(href) => {
                  setOpen(false);
                  onNavigate(href);
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The main navigation as real links (they can be opened in a new tab), marked `aria-current="page"` when active;
 * the optional group gathers the less frequent pages under one tab.
 */
export function NavTabs({ label, items, group, onNavigate, testId }: NavTabsProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const widths = useRef<number[]>([]);
  const [fit, setFit] = useState(items.length);
  const labels = items.map((i) => i.label).join('|');

  // Tabs that do not fit the bar move into the group's menu, last first, instead of running under the actions.
  // Widths are measured while every tab is on the bar (at first, and again when the tabs or their language
  // change); a resize only recounts how many of the measured widths fit.
  const layout = useRef(() => {});
  layout.current = () => {
    const list = listRef.current;
    if (!list) return;
    let used = GROUP_TAB_WIDTH;
    let n = 0;
    for (let i = 0; i < items.length; i++) {
      used += (widths.current[i] ?? 0) + 4;
      if (used > list.clientWidth) break;
      n++;
    }
    setFit(n);
  };
  useLayoutEffect(() => setFit(items.length), [labels, items.length]);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || fit !== items.length) return;
    const tabs = list.querySelectorAll<HTMLElement>(':scope > .c2-nav-tabs__item:not(.c2-nav-tabs__group)');
    widths.current = [...tabs].map((el) => el.offsetWidth);
    layout.current();
  });
  useEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => layout.current());
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const shown = items.slice(0, fit);
  const moved = items.slice(fit);
  const menu: NavTabGroup | null =
    moved.length > 0
      ? {
          ...group,
          label: group?.moreLabel ?? group?.label ?? '…',
          items: [...moved, ...(group?.items ?? [])],
        }
      : group && group.items.length > 0
        ? group
        : null;
  return (
    <nav className="c2-nav-tabs" aria-label={label} data-testid={testId}>
      <ul className="c2-nav-tabs__list" ref={listRef}>
        {shown.map((item) => (
          <li key={item.key} className="c2-nav-tabs__item">
            <NavLink item={item} className="c2-nav-tabs__link" onNavigate={onNavigate} />
          </li>
        ))}
        {menu ? <NavGroup group={menu} onNavigate={onNavigate} /> : null}
      </ul>
    </nav>
  );
}
