import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useCameraIndex, useCameras } from '../../../lib/camera-queries';
import { useEventFeed } from '../api/event-feed';
import { useFeedFilter } from '../hooks/use-feed-filter';
import { usePausable } from '../hooks/use-pausable';
import { EventRow } from './event-row';
import { FeedFilters } from './feed-filters';
import './event-feed.css';

const ROW_HEIGHT = 52;
/** An event received this recently is drawn with a brief highlight. */
const FRESH_MS = 4000;

export interface EventFeedPageProps {
  /** Whether the live connection is up: 'live' is only said while events can actually arrive. */
  connected: boolean;
  onOpenOnWall: (cameraId: string) => void;
  onShowOnMap: (cameraId: string) => void;
}

/**
 * The live feed of AI and device events: filters in the URL, newest first, virtualized so thousands of rows cost
 * what the visible ones cost. Scrolling away from the top (or the pause button) holds the view still and counts
 * what arrives; older events page in as the list is scrolled down.
 */
export function EventFeedPage({ connected, onOpenOnWall, onShowOnMap }: EventFeedPageProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useFeedFilter();
  const feed = useEventFeed(filter);
  const cameras = useCameras();
  const cameraIndex = useCameraIndex();
  const live = useMemo(() => feed.data?.pages.flatMap((p) => p.events) ?? [], [feed.data]);
  const view = usePausable(live);
  const scroller = useRef<HTMLDivElement>(null);
  const hasMore = Boolean(feed.hasNextPage);

  const rows = useVirtualizer({
    count: view.shown.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => view.shown[i]?.id ?? 'more',
  });
  const items = rows.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { fetchNextPage, isFetchingNextPage } = feed;
  useEffect(() => {
    if (hasMore && !isFetchingNextPage && lastIndex >= view.shown.length) void fetchNextPage();
  }, [hasMore, isFetchingNextPage, lastIndex, view.shown.length, fetchNextPage]);

  const { state: pauseState, pause, resume } = view;
  const onScroll = useCallback(() => {
    const top = scroller.current?.scrollTop ?? 0;
    if (top > ROW_HEIGHT && pauseState === 'live') pause('scrolled');
    else if (top === 0 && pauseState === 'scrolled') resume();
  }, [pauseState, pause, resume]);
  const backToLive = () => {
    resume();
    scroller.current?.scrollTo({ top: 0 });
  };

  const now = Date.now();
  const format = (n: number) => n.toLocaleString(i18n.language);

  return (
    <div className="c2-feed" data-testid={testIds.events.page}>
      <FeedFilters filter={filter} onChange={setFilter} cameras={cameras.data ?? []} />
      <div
        className="c2-feed__status"
        role="status"
        data-testid={testIds.events.status}
        data-state={view.state}
      >
        <span data-testid={testIds.events.count} data-count={view.shown.length}>
          {t('events.shown', { count: view.shown.length, formatted: format(view.shown.length) })}
        </span>
        {view.state === 'live' ? (
          <>
            {connected ? (
              <span className="c2-feed__live">{t('events.live')}</span>
            ) : (
              <span className="c2-feed__offline" data-testid={testIds.events.offline}>
                {t('events.offline')}
              </span>
            )}
            <Button size="sm" onClick={() => pause()} data-testid={testIds.events.pause}>
              {t('events.pause')}
            </Button>
          </>
        ) : (
          <>
            <span className="c2-feed__paused" data-testid={testIds.events.arrived} data-count={view.arrived}>
              {t('events.paused', { count: view.arrived, formatted: format(view.arrived) })}
            </span>
            <Button size="sm" variant="primary" onClick={backToLive} data-testid={testIds.events.resume}>
              {t('events.resume')}
            </Button>
          </>
        )}
      </div>
      <div className="c2-feed__list" ref={scroller} onScroll={onScroll} data-testid={testIds.events.list}>
        {feed.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : feed.isError ? (
          <EmptyState title={t('events.error')} />
        ) : view.shown.length === 0 ? (
          <EmptyState title={t('events.empty')} testId={testIds.events.empty} />
        ) : (
          <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const event = view.shown[item.index];
              return (
                <div
                  key={item.key}
                  className="c2-feed__slot"
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  {event ? (
                    <EventRow
                      event={event}
                      camera={cameraIndex.get(event.cameraId)}
                      fresh={now - Date.parse(event.receivedAt) < FRESH_MS}
                      onOpenOnWall={onOpenOnWall}
                      onShowOnMap={onShowOnMap}
                    />
                  ) : (
                    <div className="c2-feed__more">{t('events.loadingOlder')}</div>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
