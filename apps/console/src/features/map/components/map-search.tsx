import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import type { MapContext } from '@c2/api-client/schemas/map';
import { testIds } from '@c2/ui/test-ids';
import { createSearchIndex, type SearchHit } from '../model/search';

/** Search a camera, road or ward and fly there (combobox: arrows move, Enter picks, Escape clears). */
export function MapSearch({
  cameras,
  context,
  onPick,
}: {
  cameras: readonly Camera[];
  context: MapContext;
  onPick: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // The index only needs names and places, which do not change with live status: rebuild on a new camera set only.
  const ids = cameras.map((c) => c.id).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const search = useMemo(() => createSearchIndex(cameras, context), [ids, context]);
  const hits = useMemo(() => search(query), [search, query]);
  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setQuery('');
  };
  return (
    <div className="c2-map-search" role="search">
      <input
        className="c2-map-search__input"
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={hits.length > 0 ? `${id}-${active}` : undefined}
        aria-label={t('map.search.label')}
        placeholder={t('map.search.placeholder')}
        value={query}
        data-testid={testIds.map.search}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(hits[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {hits.length > 0 ? (
        <ul
          className="c2-map-search__list"
          id={`${id}-list`}
          role="listbox"
          aria-label={t('map.search.results')}
        >
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}:${hit.id}`}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              className="c2-map-search__hit"
              data-testid={testIds.map.searchHit}
              data-kind={hit.kind}
              data-id={hit.id}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(hit);
              }}
            >
              <span className="c2-map-search__kind">{t(`map.search.kind.${hit.kind}`)}</span>
              <span className="c2-map-search__label">{hit.label}</span>
              {hit.detail ? <span className="c2-map-search__detail">{hit.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
