import { DeadLettersPage } from '../../features/events/components/dead-letters-page';

export function DeadLettersRoute() {
  return <DeadLettersPage />;
}
