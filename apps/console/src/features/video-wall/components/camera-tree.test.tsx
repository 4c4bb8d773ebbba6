// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import { CAMERA_DRAG_TYPE } from '@c2/ui/camera-drag';
import { testIds } from '@c2/ui/test-ids';
import viStrings from '../i18n/vi.json';
import { CameraTree, foldVietnamese } from './camera-tree';

afterEach(cleanup);

// The feature's own strings are enough here (shared vocabulary falls back to its keys).
const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ resources: { vi: { translation: viStrings } }, lng: 'vi' });

const cam = (
  id: string,
  name: string,
  areaId: string,
  areaName: string,
  roadName: string | null,
): Camera => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'fixed',
  location: { lng: 106, lat: 21 },
  bearing: 0,
  roadId: roadName ? roadName.toLowerCase() : null,
  roadName,
  areaId,
  areaName,
  owner: 'CSGT',
  classification: 'public',
  streams: { main: { width: 1280, height: 720 }, sub: { width: 640, height: 360 } },
  status: { cameraId: id, state: 'online', since: '2026-03-01T00:00:00Z', reason: null },
});

const cameras = [
  cam('cam-1', 'Nút giao Đình Bảng', 'tu-son', 'Phường Từ Sơn', 'QL1A'),
  cam('cam-2', 'Cầu Đáp Cầu', 'kinh-bac', 'Phường Kinh Bắc', 'QL18'),
  cam('cam-3', 'Ngã tư Bắc Ninh', 'kinh-bac', 'Phường Kinh Bắc', null),
];

function dataTransfer() {
  const data = new Map<string, string>();
  return {
    setData: (t: string, v: string) => data.set(t, v),
    getData: (t: string) => data.get(t) ?? '',
    get types() {
      return [...data.keys()];
    },
    effectAllowed: 'none',
    data,
  };
}

describe('CameraTree', () => {
  it('when text is folded, then Vietnamese diacritics and đ do not matter', () => {
    expect(foldVietnamese('Đình Bảng – BẮC NINH')).toBe('dinh bang – bac ninh');
  });

  it('when the operator types without diacritics, then matching cameras show in their ward', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <CameraTree cameras={cameras} onOpen={() => undefined} />
      </I18nextProvider>,
    );
    fireEvent.change(screen.getByTestId(testIds.wall.treeSearch), { target: { value: 'bac ninh' } });
    expect(screen.getByTestId(testIds.wall.treeCamera('cam-3'))).toBeTruthy();
    expect(screen.queryByTestId(testIds.wall.treeCamera('cam-1'))).toBeNull();
    expect(screen.getByTestId(testIds.wall.treeGroup('kinh-bac')).textContent).toContain('Phường Kinh Bắc');
  });

  it('when a ward is dragged, then all its cameras travel with the shared drag payload; a double-click opens one', () => {
    const onOpen = vi.fn();
    render(
      <I18nextProvider i18n={i18n}>
        <CameraTree cameras={cameras} onOpen={onOpen} />
      </I18nextProvider>,
    );
    const dt = dataTransfer();
    fireEvent.dragStart(screen.getByTestId(testIds.wall.treeGroup('kinh-bac')), { dataTransfer: dt });
    expect(JSON.parse(dt.data.get(CAMERA_DRAG_TYPE)!)).toEqual(['cam-2', 'cam-3']);

    fireEvent.click(screen.getByTestId(testIds.wall.treeGroupBy('road')));
    fireEvent.click(screen.getByText('QL18'));
    fireEvent.doubleClick(screen.getByTestId(testIds.wall.treeCamera('cam-2')));
    expect(onOpen).toHaveBeenCalledWith('cam-2');
  });
});
