// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SelectField } from './select-field';
import { TextAreaField } from '../text-area-field/text-area-field';

afterEach(cleanup);

describe('SelectField and TextAreaField', () => {
  it('when rendered, then each control is reachable by its label and reports changes', () => {
    const onChange = vi.fn();
    render(
      <>
        <SelectField
          label="Loại sự vụ"
          value="accident"
          onChange={(e) => onChange(e.target.value)}
          options={[
            { value: 'accident', label: 'Tai nạn' },
            { value: 'fire', label: 'Cháy' },
          ]}
        />
        <TextAreaField label="Ghi chú" hideLabel defaultValue="" />
      </>,
    );
    fireEvent.change(screen.getByLabelText('Loại sự vụ'), { target: { value: 'fire' } });
    expect(onChange).toHaveBeenCalledWith('fire');
    expect(screen.getByLabelText('Ghi chú').tagName).toBe('TEXTAREA');
  });
});
