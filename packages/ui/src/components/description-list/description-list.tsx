import type { ReactNode } from 'react';
import './description-list.css';

export interface DescriptionItem {
  key: string;
  term: string;
  detail: ReactNode;
  testId?: string;
}

/** Term/detail pairs, e.g. a camera's properties. */
export function DescriptionList({ items }: { items: readonly DescriptionItem[] }) {
  return (
    <dl className="c2-description-list">
      {items.map((item) => (
        <div key={item.key} className="c2-description-list__row">
          <dt className="c2-description-list__term">{item.term}</dt>
          <dd className="c2-description-list__detail" data-testid={item.testId}>
            {item.detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
