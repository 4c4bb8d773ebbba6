import { useNavigate } from 'react-router';
import { EventFeedPage } from '../../features/events/components/event-feed-page';

/** The feed hands a camera to the wall or the map by URL: features do not know each other. */
export function EventsRoute() {
  const navigate = useNavigate();
  return (
    <EventFeedPage
      onOpenOnWall={(id) => void navigate(`/wall?cameras=${encodeURIComponent(id)}`)}
      onShowOnMap={(id) => void navigate(`/map?camera=${encodeURIComponent(id)}`)}
    />
  );
}
