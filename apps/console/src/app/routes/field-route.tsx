import { FieldPage } from '../../features/field/components/field-page';

export function FieldRoute() {
  return <FieldPage />;
}
