import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';
import { WALL_SHORTCUTS } from '../hooks/use-wall-keyboard';

/** The table of the wall's keyboard shortcuts (opened with “?”). */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector('button')?.focus(), []);
  return (
    <div
      className="c2-wall-help"
      role="dialog"
      aria-modal="true"
      aria-labelledby="wall-help-title"
      data-testid={testIds.wall.help}
    >
      <div className="c2-wall-help__box" ref={box}>
        <h2 id="wall-help-title">{t('videoWall.shortcuts.title')}</h2>
        <dl className="c2-wall-help__list">
          {WALL_SHORTCUTS.map((s) => (
            <div key={s.action} className="c2-wall-help__row">
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{t(`videoWall.shortcuts.${s.action}`)}</dd>
            </div>
          ))}
        </dl>
        <Button onClick={onClose}>{t('videoWall.shortcuts.close')}</Button>
      </div>
    </div>
  );
}
