import { DispatchBoard } from '../../features/dispatch/components/dispatch-board';

export function DispatchRoute() {
  return <DispatchBoard />;
}
