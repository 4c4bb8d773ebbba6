import './segmented-control.css';

export interface SegmentedOption<T extends string> {
  value: T;
  /** Visible text, e.g. "VI". */
  label: string;
  /** Accessible name when the visible text is an abbreviation, e.g. "Tiếng Việt". */
  ariaLabel?: string;
  /** Language of the label, for options named in their own language. */
  lang?: string;
  testId?: string;
}

export interface SegmentedControlProps<T extends string> {
  /** Accessible name of the group, e.g. "Ngôn ngữ". */
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/** A small group of mutually exclusive toggle buttons (`aria-pressed`), e.g. the language switch. */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: SegmentedControlProps<T>) {
  return (
    <div className="c2-segmented" role="group" aria-label={label} data-testid={testId} data-value={value}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="c2-segmented__option"
          aria-pressed={option.value === value}
          aria-label={option.ariaLabel}
          lang={option.lang}
          data-testid={option.testId}
          onClick={() => {
            if (option.value !== value) onChange(option.value);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
