import { describe, expect, it } from 'vitest';
import { ApiError } from '@c2/api-client/http/api-error';
import { i18n } from '../app/i18n/i18n';
import { errorText, fieldErrors } from './error-text';

const vi = i18n.getFixedT('vi');
const en = i18n.getFixedT('en');

describe('errorText', () => {
  it('when the BFF answers a known code, then the user reads it in their language, not the English message', () => {
    const err = new ApiError(409, 'conflict', 'Layout name already used');
    expect(errorText(vi, err)).toBe('Dữ liệu đã thay đổi hoặc đã tồn tại. Vui lòng tải lại và thử lại.');
    expect(errorText(en, err)).toBe('The data changed or already exists. Reload and try again.');
  });

  it('when the code is unknown, then the status decides; when the network fails, then it says so', () => {
    expect(errorText(vi, new ApiError(404, 'gone_somewhere', 'x'))).toMatch(/^Không tìm thấy/);
    expect(errorText(vi, new ApiError(502, 'http_error', 'HTTP 502'))).toMatch(/^Lỗi hệ thống/);
    expect(errorText(vi, new TypeError('Failed to fetch'))).toMatch(/^Không kết nối được máy chủ/);
    expect(errorText(vi, new Error('boom'))).toBe('Đã xảy ra lỗi. Vui lòng thử lại.');
  });
});

describe('fieldErrors', () => {
  it('when a 400 names fields with codes, then each reads in Vietnamese with its limit; one without a code keeps its text', () => {
    const err = new ApiError(
      400,
      'bad_request',
      'Invalid rule',
      {
        name: 'Invalid input',
        eventTypes: 'Too small',
        displayName: 'Too big',
        sopTemplateId: 'unknown procedure',
      },
      'r1',
      {
        name: { code: 'required' },
        eventTypes: { code: 'too_small', origin: 'array', limit: 1 },
        displayName: { code: 'too_big', origin: 'string', limit: 120 },
      },
    );
    expect(fieldErrors(vi, err)).toEqual({
      name: 'Bắt buộc nhập.',
      eventTypes: 'Cần chọn ít nhất 1.',
      displayName: 'Tối đa 120 ký tự.',
      sopTemplateId: 'unknown procedure',
    });
    expect(fieldErrors(en, err).eventTypes).toBe('Choose at least 1.');
  });

  it('when an error is not a 400, then it names no fields (its fields are details such as retryAfter)', () => {
    expect(fieldErrors(vi, new ApiError(429, 'rate_limited', 'Too many', { retryAfter: '42' }))).toEqual({});
    expect(fieldErrors(vi, null)).toEqual({});
  });
});
