import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { normalizePlate } from '@c2/api-client/plate';
import { eventTypeSchema, type EventType } from '@c2/api-client/schemas/event';
import { CLIP_PADDING_MS, type SearchQuery, type Sighting } from '@c2/api-client/schemas/investigate';
import type { Permission } from '@c2/api-client/schemas/role';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { ToggleChip } from '@c2/ui/components/toggle-chip/toggle-chip';
import { testIds } from '@c2/ui/test-ids';
import { useSearchSightings } from '../api/search-sightings';
import { useToggleBookmark } from '../api/bookmarks';
import { useAddCaseItem, useCases } from '../api/cases';
import { useMapContext } from '../api/map-context';
import { CasesPanel } from './cases-panel';
import { IdentityDialog } from './identity-dialog';
import { PathMap } from './path-map';
import { SightingsTimeline } from './sightings-timeline';
import './investigate-page.css';
import { ClipDialog, type ClipDialogProps } from '../../../lib/clip-dialog';
import { errorText } from '../../../lib/error-text';

const RANGES = { '1h': 3600_000, '24h': 86400_000, '7d': 7 * 86400_000, '31d': 31 * 86400_000 } as const;
type Range = keyof typeof RANGES;
const TYPE_CHOICES: EventType[] = [
  'object',
  'speeding',
  'red_light',
  'wrong_way',
  'no_helmet',
  'lane_violation',
  'illegal_parking',
  'accident',
  'stalled_vehicle',
];

/** The search lives in the URL (with the moment it was run), so it can be shared and comes back on reload. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const range = (params.get('range') ?? '24h') as Range;
  const at = Number(params.get('t') ?? 0);
  const types = (params.get('types') ?? '')
    .split(',')
    .filter((x): x is EventType => eventTypeSchema.safeParse(x).success);
  const state = {
    plate: params.get('plate') ?? '',
    fuzzy: params.get('fuzzy') === '1',
    range: range in RANGES ? range : '24h',
    types,
    area: params.get('area') ?? '',
    at,
    focus: params.get('focus'),
  };
  const query: SearchQuery | null =
    at > 0 && (state.plate || state.types.length > 0 || state.area)
      ? {
          ...(state.plate ? { plate: state.plate, fuzzy: state.fuzzy } : {}),
          ...(state.types.length > 0 ? { types: state.types } : {}),
          ...(state.area ? { areaId: state.area } : {}),
          from: new Date(at - RANGES[state.range]).toISOString(),
          to: new Date(at).toISOString(),
          limit: 500,
        }
      : null;
  function run(next: { plate: string; fuzzy: boolean; range: Range; types: EventType[]; area: string }) {
    const p = new URLSearchParams();
    if (next.plate.trim()) p.set('plate', next.plate.trim());
    if (next.fuzzy) p.set('fuzzy', '1');
    p.set('range', next.range);
    if (next.types.length > 0) p.set('types', next.types.join(','));
    if (next.area) p.set('area', next.area);
    // A minute ahead, so events stamped by a camera clock slightly fast are not cut off.
    p.set('t', String(Date.now() + 60_000));
    setParams(p);
  }
  function focus(plate: string | null) {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (plate) p.set('focus', plate);
        else p.delete('focus');
        return p;
      },
      { replace: true },
    );
  }
  return { state, query, run, focus };
}

export function InvestigatePage({ permissions }: { permissions: readonly Permission[] }) {
  const { t, i18n } = useTranslation();
  const { state, query, run, focus } = useSearchState();
  const [plate, setPlate] = useState(state.plate);
  const [fuzzy, setFuzzy] = useState(state.fuzzy);
  const [range, setRange] = useState<Range>(state.range);
  const [types, setTypes] = useState<EventType[]>(state.types);
  const [area, setArea] = useState(state.area);
  const [selected, setSelected] = useState<string | null>(null);
  const [activeCase, setActiveCase] = useState<string | null>(null);
  const [lookupPlate, setLookupPlate] = useState<{ plate: string; eventId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [clip, setClip] = useState<Omit<ClipDialogProps, 'onClose'> | null>(null);
  const context = useMapContext();
  const search = useSearchSightings(query);
  const bookmark = useToggleBookmark();
  const addItem = useAddCaseItem();
  const cases = useCases();

  const result = search.data;
  const focusPlate = state.focus ?? result?.plates[0]?.plate ?? null;
  const pathSightings = useMemo(() => {
    if (!result) return [];
    if (!state.plate || !focusPlate) return result.items;
    const norm = normalizePlate(focusPlate);
    return result.items.filter((i) => i.plate && normalizePlate(i.plate) === norm);
  }, [result, state.plate, focusPlate]);
  const cameraCount = new Set(pathSightings.map((s) => s.cameraId)).size;
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const canLookup = permissions.includes('identity:lookup');

  function addToCase(s: Sighting) {
    if (!activeCase) return;
    const code = cases.data?.find((c) => c.id === activeCase)?.code ?? '';
    addItem.mutate(
      {
        caseId: activeCase,
        item: s.violationId
          ? { kind: 'violation', refId: s.violationId }
          : { kind: 'event', refId: s.eventId },
      },
      { onSuccess: () => setNotice(t('investigate.added', { code })) },
    );
  }

  return (
    <div className="c2-inv" data-testid={testIds.investigate.page}>
      <form
        className="c2-inv__form"
        data-testid={testIds.investigate.form}
        onSubmit={(e) => {
          e.preventDefault();
          setSelected(null);
          run({ plate, fuzzy, range, types, area });
        }}
      >
        <label className="c2-inv__label c2-inv__plate">
          {t('investigate.plate')}
          <input
            value={plate}
            onChange={(e) => setPlate(e.target.value)}
            placeholder={t('investigate.platePlaceholder')}
            spellCheck={false}
            autoComplete="off"
            maxLength={20}
            data-testid={testIds.investigate.plate}
          />
        </label>
        <label className="c2-inv__check" title={t('investigate.fuzzyHint')}>
          <input
            type="checkbox"
            checked={fuzzy}
            onChange={(e) => setFuzzy(e.target.checked)}
            data-testid={testIds.investigate.fuzzy}
          />
          {t('investigate.fuzzy')}
        </label>
        <div className="c2-inv__label" role="group" aria-label={t('investigate.range')}>
          {t('investigate.range')}
          <div className="c2-inv__ranges">
            {(Object.keys(RANGES) as Range[]).map((r) => (
              <button
                key={r}
                type="button"
                className="c2-inv__range"
                aria-pressed={range === r}
                onClick={() => setRange(r)}
                data-testid={testIds.investigate.range(r)}
              >
                {t(`investigate.ranges.${r}`)}
              </button>
            ))}
          </div>
        </div>
        <label className="c2-inv__label">
          {t('investigate.area')}
          <select
            value={area}
            onChange={(e) => setArea(e.target.value)}
            data-testid={testIds.investigate.area}
          >
            <option value="">{t('investigate.allAreas')}</option>
            {(context.data?.areas ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <Button
          type="submit"
          variant="primary"
          data-testid={testIds.investigate.submit}
          disabled={!plate.trim() && types.length === 0 && !area}
        >
          {t('investigate.submit')}
        </Button>
        <div className="c2-inv__types" role="group" aria-label={t('investigate.types')}>
          {TYPE_CHOICES.map((ty) => (
            <ToggleChip
              key={ty}
              label={t(`event.type.${ty}`)}
              pressed={types.includes(ty)}
              onToggle={() =>
                setTypes((prev) => (prev.includes(ty) ? prev.filter((x) => x !== ty) : [...prev, ty]))
              }
              testId={testIds.investigate.type(ty)}
            />
          ))}
        </div>
      </form>

      <div className="c2-inv__body">
        <div className="c2-inv__main">
          {!query ? (
            <EmptyState title={t('investigate.needCriteria')} />
          ) : search.isError ? (
            <EmptyState
              tone="danger"
              title={t('investigate.searchError', {
                message: errorText(t, search.error),
              })}
            />
          ) : !result ? (
            <Spinner label={t('app.loading')} />
          ) : (
            <>
              <div
                className="c2-inv__summary"
                data-testid={testIds.investigate.summary}
                data-count={pathSightings.length}
              >
                <strong>
                  {t('investigate.summary', { count: pathSightings.length, cameras: cameraCount })}
                </strong>
                {result.truncated && (
                  <span className="c2-inv__warn">
                    {t('investigate.truncated', { count: result.items.length })}
                  </span>
                )}
                {notice && (
                  <span className="c2-inv__notice" role="status">
                    {notice}
                  </span>
                )}
              </div>
              {result.plates.length > 0 && (
                <div className="c2-inv__plates" role="group" aria-label={t('investigate.platesFound')}>
                  {result.plates.map((p) => (
                    <button
                      key={p.plate}
                      type="button"
                      className="c2-inv__plate-chip"
                      aria-pressed={p.plate === focusPlate}
                      data-testid={testIds.investigate.plateChip}
                      data-distance={p.distance}
                      onClick={() => focus(p.plate)}
                    >
                      <span className="c2-inv__plate-text">{p.plate}</span>
                      <span className="c2-inv__plate-meta">
                        {p.distance === 0
                          ? t('investigate.distanceExact')
                          : t('investigate.distanceN', { count: p.distance })}{' '}
                        · {p.count}
                      </span>
                    </button>
                  ))}
                </div>
              )}
              <div className="c2-inv__viz">
                {context.data && <PathMap context={context.data} sightings={pathSightings} />}
                <SightingsTimeline
                  sightings={pathSightings}
                  from={Date.parse(query.from)}
                  to={Date.parse(query.to)}
                  selectedId={selected}
                  onSelect={setSelected}
                />
              </div>
              {result.items.length === 0 ? (
                <EmptyState title={t('investigate.noResults')} />
              ) : (
                <table className="c2-inv__table" data-testid={testIds.investigate.results}>
                  <thead>
                    <tr>
                      <th>#</th>
                      <th>{t('investigate.time')}</th>
                      <th>{t('investigate.camera')}</th>
                      <th>{t('investigate.type')}</th>
                      <th>{t('investigate.plate')}</th>
                      <th>{t('investigate.violation')}</th>
                      <th>{t('investigate.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pathSightings.map((s, i) => (
                      <tr
                        key={s.eventId}
                        className="c2-inv__row"
                        aria-selected={selected === s.eventId}
                        data-testid={testIds.investigate.result}
                        data-event-id={s.eventId}
                        data-signature={s.signature.status}
                        onClick={() => setSelected(s.eventId)}
                      >
                        <td>{i + 1}</td>
                        <td>
                          <time dateTime={s.ts}>{time(s.ts)}</time>
                        </td>
                        <td>{s.cameraName}</td>
                        <td>{t(`event.type.${s.type}`)}</td>
                        <td>
                          <span className="c2-inv__plate-text">{s.plate ?? '—'}</span>
                          {s.plateMatch === 'fuzzy' && (
                            <span className="c2-inv__fuzzy">{t('investigate.fuzzyMatch')}</span>
                          )}
                          <span
                            className={`c2-sig c2-sig--${s.signature.status}`}
                            title={s.signature.keyId ?? ''}
                          >
                            {s.signature.status === 'verified'
                              ? '✓'
                              : s.signature.status === 'not_verified'
                                ? '✕'
                                : '–'}
                          </span>
                        </td>
                        <td>
                          {s.violationId && s.violationStatus && (
                            <Link
                              to={`/violations?status=${s.violationStatus}&id=${encodeURIComponent(s.violationId)}`}
                            >
                              {t(`investigate.violationStatus.${s.violationStatus}`)}
                            </Link>
                          )}
                        </td>
                        <td className="c2-inv__actions">
                          <button
                            type="button"
                            className="c2-inv__icon"
                            aria-pressed={s.bookmarked}
                            aria-label={
                              s.bookmarked ? t('investigate.unbookmark') : t('investigate.bookmark')
                            }
                            title={s.bookmarked ? t('investigate.unbookmark') : t('investigate.bookmark')}
                            data-testid={testIds.investigate.bookmark}
                            onClick={(e) => {
                              e.stopPropagation();
                              bookmark.mutate({ eventId: s.eventId, on: !s.bookmarked });
                            }}
                          >
                            {s.bookmarked ? '★' : '☆'}
                          </button>
                          <button
                            type="button"
                            className="c2-inv__icon"
                            disabled={!activeCase}
                            title={t('investigate.addToCase')}
                            aria-label={t('investigate.addToCase')}
                            data-testid={testIds.investigate.addToCase}
                            onClick={(e) => {
                              e.stopPropagation();
                              addToCase(s);
                            }}
                          >
                            +
                          </button>
                          <button
                            type="button"
                            className="c2-inv__icon"
                            title={t('investigate.clipHint')}
                            aria-label={t('investigate.clip')}
                            data-testid={testIds.investigate.clipLink}
                            onClick={(e) => {
                              e.stopPropagation();
                              setClip({
                                cameraId: s.cameraId,
                                label: s.cameraName,
                                from: new Date(Date.parse(s.ts) - CLIP_PADDING_MS).toISOString(),
                                to: new Date(Date.parse(s.ts) + CLIP_PADDING_MS).toISOString(),
                              });
                            }}
                          >
                            ▶
                          </button>
                          {canLookup && s.plate && (
                            <button
                              type="button"
                              className="c2-inv__icon c2-inv__icon--info"
                              title={t('investigate.lookup')}
                              aria-label={t('investigate.lookup')}
                              data-testid={testIds.investigate.lookup}
                              onClick={(e) => {
                                e.stopPropagation();
                                setLookupPlate({ plate: s.plate!, eventId: s.eventId });
                              }}
                            >
                              i
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </div>
        <aside className="c2-inv__side">
          <CasesPanel activeId={activeCase} onActive={setActiveCase} />
        </aside>
      </div>
      {clip && <ClipDialog {...clip} testId={testIds.investigate.clipDialog} onClose={() => setClip(null)} />}
      {lookupPlate && (
        <IdentityDialog
          plate={lookupPlate.plate}
          reference={{ kind: 'event', id: lookupPlate.eventId }}
          onClose={() => setLookupPlate(null)}
        />
      )}
    </div>
  );
}
