import type { Alert, Channel, EscalationStep } from '@c2/api-client/schemas/alert';
import type { EventType } from '@c2/api-client/schemas/event';
import type { MessageParams } from '../../../upstreams/notify/notify-port';

/** Event names in messages that leave the console (Vietnamese, the terms of DOMAIN.md). */
export const EVENT_TYPE_VI: Record<EventType, string> = {
  wrong_way: 'Đi ngược chiều',
  red_light: 'Vượt đèn đỏ',
  speeding: 'Quá tốc độ',
  no_helmet: 'Không đội mũ bảo hiểm',
  illegal_parking: 'Đỗ sai quy định',
  lane_violation: 'Lấn làn',
  accident: 'Tai nạn',
  congestion: 'Ùn tắc',
  stalled_vehicle: 'Phương tiện dừng trên làn',
  pedestrian_on_expressway: 'Người đi bộ trên cao tốc',
  fire_smoke: 'Cháy, khói',
  crowd: 'Tụ tập đông người',
  object: 'Vật thể',
  camera_offline: 'Camera mất kết nối',
  stream_failure: 'Lỗi luồng video',
  image_black: 'Hình ảnh đen',
  image_frozen: 'Hình ảnh bị đứng',
  image_blur: 'Hình ảnh bị mờ',
  camera_covered: 'Camera bị che',
  scene_change: 'Camera bị lệch góc',
};

/** SMS travels without diacritics: shorter, and every handset shows it. */
export function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const timeVn = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

export interface Rendered {
  subject: string;
  body: string;
  params: MessageParams;
}

/** What a notification says: priority, what and where, since when, and why it reaches this person now. */
export function renderAlertMessage(
  alert: Alert,
  channel: Channel,
  why: { level: number; condition: EscalationStep['condition'] | 'manual' | 'sop_skip'; note?: string },
): Rendered {
  const what = EVENT_TYPE_VI[alert.type];
  const where = alert.cameraName ?? alert.cameraId ?? alert.areaId;
  const state =
    why.condition === 'sop_skip'
      ? `Bước bắt buộc của quy trình bị bỏ qua${why.note ? `: ${why.note}` : ''}`
      : why.condition === 'manual'
        ? `Được chuyển lên cấp ${why.level}${why.note ? `: ${why.note}` : ''}`
        : why.condition === 'not_resolved'
          ? `Chưa được xử lý xong — leo thang cấp ${why.level}`
          : why.level > 1
            ? `Chưa được xác nhận — leo thang cấp ${why.level}`
            : 'Cảnh báo mới, cần xác nhận';
  const subject = `[${alert.priority}] ${what} — ${where}`;
  const body = `Cảnh báo ${alert.priority}: ${what} tại ${where}, lúc ${timeVn(alert.createdAt)}${
    alert.count > 1 ? ` (${alert.count} sự kiện)` : ''
  }. ${state}.`;
  return {
    subject,
    body: channel === 'sms' ? withoutDiacritics(body) : body,
    params: {
      priority: alert.priority,
      title: what,
      camera: where,
      level: String(why.level),
      time: timeVn(alert.createdAt),
    },
  };
}
