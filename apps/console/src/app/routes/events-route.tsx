import { useNavigate } from 'react-router';
import { EventFeedPage } from '../../features/events/components/event-feed-page';
import { useConnectionState } from '../live-provider';

/** The feed hands a camera to the wall or the map by URL: features do not know each other. */
export function EventsRoute() {
  const navigate = useNavigate();
  const live = useConnectionState();
  return (
    <EventFeedPage
      connected={live.state === 'live'}
      onOpenOnWall={(id) => void navigate(`/wall?cameras=${encodeURIComponent(id)}`)}
      onShowOnMap={(id) => void navigate(`/map?camera=${encodeURIComponent(id)}`)}
    />
  );
}
