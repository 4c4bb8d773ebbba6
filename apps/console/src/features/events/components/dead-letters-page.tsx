import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '@c2/api-client/schemas/event';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { useDeadLetters } from '../api/dead-letters';
import './event-feed.css';
import './dead-letters.css';

/** What producers sent that the center could not accept, with the reason and the payload as received. */
export function DeadLettersPage() {
  const { t, i18n } = useTranslation();
  const letters = useDeadLetters();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = letters.data ?? [];
    return needle
      ? all.filter((l) => `${l.source} ${l.reason} ${l.format}`.toLowerCase().includes(needle))
      : all;
  }, [letters.data, search]);
  const bySource = useMemo(
    () => countBy(letters.data ?? [], (l) => l.source.split(':')[0] ?? l.source),
    [letters.data],
  );

  return (
    <div className="c2-dead-letters" data-testid={testIds.deadLetters.page}>
      <Panel title={t('events.deadLetters.title')}>
        <p className="c2-dead-letters__intro">{t('events.deadLetters.intro')}</p>
        <div className="c2-dead-letters__toolbar">
          <TextField
            label={t('events.deadLetters.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid={testIds.deadLetters.search}
          />
          <ul className="c2-dead-letters__sources" aria-label={t('events.deadLetters.bySource')}>
            {[...bySource].map(([source, n]) => (
              <li key={source}>
                {source}: <strong>{n.toLocaleString(i18n.language)}</strong>
              </li>
            ))}
          </ul>
        </div>
        {letters.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : shown.length === 0 ? (
          <EmptyState title={t('events.deadLetters.empty')} testId={testIds.deadLetters.empty} />
        ) : (
          <table className="c2-dead-letters__table">
            <thead>
              <tr>
                <th scope="col">{t('events.deadLetters.received')}</th>
                <th scope="col">{t('events.deadLetters.source')}</th>
                <th scope="col">{t('events.deadLetters.format')}</th>
                <th scope="col">{t('events.deadLetters.reason')}</th>
                <th scope="col">{t('events.deadLetters.size')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => (
                <Letter
                  key={l.id}
                  letter={l}
                  open={open === l.id}
                  onToggle={() => setOpen(open === l.id ? null : l.id)}
                />
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}

function Letter({ letter, open, onToggle }: { letter: DeadLetter; open: boolean; onToggle: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <tr data-testid={testIds.deadLetters.row} data-id={letter.id}>
        <td>
          <time dateTime={letter.receivedAt}>
            {new Date(letter.receivedAt).toLocaleString(i18n.language)}
          </time>
        </td>
        <td className="c2-dead-letters__mono">{letter.source}</td>
        <td>{letter.format}</td>
        <td data-testid={testIds.deadLetters.reason}>{letter.reason}</td>
        <td>
          <button type="button" className="c2-dead-letters__toggle" aria-expanded={open} onClick={onToggle}>
            {t('events.deadLetters.bytes', { formatted: letter.payloadBytes.toLocaleString(i18n.language) })}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="c2-dead-letters__payload-row">
          <td colSpan={5}>
            {/* Shown as text, never interpreted: the payload is whatever a producer sent. */}
            <pre className="c2-dead-letters__payload" data-testid={testIds.deadLetters.payload}>
              {letter.payload}
            </pre>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
