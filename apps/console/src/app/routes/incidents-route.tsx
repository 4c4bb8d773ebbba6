import { IncidentsPage } from '../../features/incidents/components/incidents-page';

export function IncidentsRoute() {
  return <IncidentsPage />;
}
