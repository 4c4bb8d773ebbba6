import type { AlertRuleInput, EscalationPolicyInput, SopTemplateInput } from '@c2/api-client/schemas/alert';

/**
 * What a fresh center starts with, so alerts flow on the first day: procedures for the incidents the law names,
 * one escalation policy per urgency, rules from the AI and device-health event types to them. Administrators
 * change all of it in the console; these are only written into an empty configuration.
 */
export const DEFAULT_SOPS: Array<{ id: string } & SopTemplateInput> = [
  {
    id: 'sop-wrong-way',
    name: 'Xử lý phương tiện đi ngược chiều',
    description: 'Phương tiện đi ngược chiều trên cao tốc hoặc quốc lộ: nguy cơ tai nạn nghiêm trọng.',
    steps: [
      {
        id: 'verify',
        title: 'Xác minh trên camera: có phương tiện đi ngược chiều?',
        instructions: 'Xem hình ảnh trực tiếp và ảnh chụp; xác định làn, hướng di chuyển, loại phương tiện.',
        kind: 'question',
        answers: [
          { value: 'yes', label: 'Có', next: 'warn' },
          { value: 'no', label: 'Không (báo sai)', next: 'false-alarm' },
        ],
      },
      {
        id: 'warn',
        title: 'Cảnh báo trên biển báo điện tử và loa phóng thanh',
        instructions: 'Hiển thị cảnh báo "PHƯƠNG TIỆN NGƯỢC CHIỀU" trên các biển VMS phía trước.',
      },
      {
        id: 'notify-unit',
        title: 'Thông báo tổ công tác gần nhất chặn, hướng dẫn phương tiện',
        instructions: 'Ghi rõ tổ công tác và thời gian dự kiến đến.',
        requireNote: true,
      },
      {
        id: 'injuries',
        title: 'Có va chạm, người bị thương?',
        kind: 'question',
        answers: [
          { value: 'yes', label: 'Có', next: 'call-115' },
          { value: 'no', label: 'Không', next: 'record' },
        ],
      },
      {
        id: 'call-115',
        title: 'Gọi cấp cứu 115 và cứu nạn 114',
        instructions: 'Thông báo vị trí (lý trình), số người bị thương, loại phương tiện.',
        requireNote: true,
      },
      {
        id: 'record',
        title: 'Ghi nhận biển số, lưu bằng chứng vi phạm',
        required: false,
        end: true,
      },
      {
        id: 'false-alarm',
        title: 'Ghi lý do báo sai để hiệu chỉnh AI',
        requireNote: true,
        end: true,
      },
    ],
  },
  {
    id: 'sop-accident',
    name: 'Xử lý tai nạn giao thông',
    description: 'Mục tiêu: phản ứng khẩn cấp dưới 10 phút.',
    steps: [
      {
        id: 'verify',
        title: 'Xác minh tai nạn trên camera',
        instructions: 'Xác định vị trí, số phương tiện.',
      },
      {
        id: 'injuries',
        title: 'Có người bị thương?',
        kind: 'question',
        answers: [
          { value: 'yes', label: 'Có', next: 'call-115' },
          { value: 'no', label: 'Không', next: 'dispatch' },
        ],
      },
      { id: 'call-115', title: 'Gọi cấp cứu 115', requireNote: true },
      {
        id: 'dispatch',
        title: 'Điều phối tổ công tác đến hiện trường',
        instructions: 'Chọn tổ công tác sẵn sàng gần nhất.',
        requireNote: true,
      },
      { id: 'divert', title: 'Phân luồng, cảnh báo trên biển báo điện tử', required: false },
      { id: 'report', title: 'Báo cáo lãnh đạo ca trực', end: true },
    ],
  },
  {
    id: 'sop-traffic',
    name: 'Xử lý sự kiện giao thông',
    description: 'Ùn tắc, phương tiện dừng trên làn, người đi bộ trên cao tốc, cháy khói.',
    steps: [
      { id: 'verify', title: 'Xác minh trên camera' },
      { id: 'act', title: 'Xử lý: cảnh báo, phân luồng hoặc điều tổ công tác', requireNote: true },
      { id: 'follow', title: 'Theo dõi đến khi giao thông trở lại bình thường', required: false, end: true },
    ],
  },
  {
    id: 'sop-device',
    name: 'Xử lý sự cố thiết bị camera',
    description: 'Mất kết nối, lỗi luồng, hình ảnh đen, đứng, mờ, bị che hoặc lệch góc.',
    steps: [
      { id: 'check', title: 'Kiểm tra trạng thái từ xa (ping, luồng, ảnh chụp)' },
      { id: 'restart', title: 'Khởi động lại thiết bị từ xa', required: false },
      {
        id: 'ticket',
        title: 'Lập phiếu bảo trì, ghi mã phiếu',
        instructions: 'Ghi mã phiếu của đơn vị bảo trì và thời hạn khắc phục.',
        requireNote: true,
      },
      { id: 'owner', title: 'Thông báo đơn vị quản lý camera', required: false, end: true },
    ],
  },
];

export const DEFAULT_POLICIES: Array<{ id: string } & EscalationPolicyInput> = [
  {
    id: 'policy-p1',
    name: 'Khẩn cấp (P1)',
    priorities: ['P1'],
    ackSlaSeconds: 60,
    resolveSlaSeconds: 600,
    steps: [
      { targets: [{ kind: 'on_duty', duty: 'operator' }], channels: ['in_app'], waitSeconds: 60, repeat: 1 },
      {
        targets: [{ kind: 'on_duty', duty: 'supervisor' }],
        channels: ['in_app', 'sms', 'zalo'],
        waitSeconds: 120,
      },
      {
        targets: [{ kind: 'role', role: 'leader' }],
        channels: ['email', 'sms'],
        waitSeconds: 600,
        condition: 'not_resolved',
      },
    ],
  },
  {
    id: 'policy-p2',
    name: 'Cao (P2)',
    priorities: ['P2'],
    ackSlaSeconds: 180,
    resolveSlaSeconds: 1800,
    steps: [
      { targets: [{ kind: 'on_duty', duty: 'operator' }], channels: ['in_app'], waitSeconds: 180 },
      { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['in_app', 'sms'], waitSeconds: 600 },
    ],
  },
  {
    id: 'policy-routine',
    name: 'Thường (P3, P4)',
    priorities: ['P3', 'P4'],
    ackSlaSeconds: 900,
    resolveSlaSeconds: 86_400,
    steps: [
      { targets: [{ kind: 'on_duty', duty: 'operator' }], channels: ['in_app'], waitSeconds: 900 },
      {
        targets: [{ kind: 'on_duty', duty: 'supervisor' }],
        channels: ['in_app', 'email'],
        waitSeconds: 3600,
      },
    ],
  },
];

export const DEFAULT_RULES: Array<{ id: string } & AlertRuleInput> = [
  {
    id: 'rule-wrong-way',
    name: 'Đi ngược chiều',
    eventTypes: ['wrong_way'],
    minSeverity: 'major',
    priority: 'P1',
    sopTemplateId: 'sop-wrong-way',
    groupWindowSeconds: 300,
  },
  {
    id: 'rule-accident',
    name: 'Tai nạn, cháy khói',
    eventTypes: ['accident', 'fire_smoke'],
    minSeverity: 'major',
    priority: 'P1',
    sopTemplateId: 'sop-accident',
    groupWindowSeconds: 600,
  },
  {
    id: 'rule-hazard',
    name: 'Nguy hiểm trên làn',
    eventTypes: ['pedestrian_on_expressway', 'stalled_vehicle'],
    minSeverity: 'major',
    priority: 'P2',
    sopTemplateId: 'sop-traffic',
    groupWindowSeconds: 600,
  },
  {
    id: 'rule-congestion',
    name: 'Ùn tắc',
    eventTypes: ['congestion'],
    minSeverity: 'major',
    priority: 'P3',
    sopTemplateId: 'sop-traffic',
    groupWindowSeconds: 1800,
  },
  {
    id: 'rule-device',
    name: 'Sự cố thiết bị (bảo trì)',
    eventTypes: ['camera_offline', 'stream_failure', 'image_black', 'image_frozen', 'camera_covered'],
    minSeverity: 'minor',
    priority: 'P3',
    sopTemplateId: 'sop-device',
    groupWindowSeconds: 3600,
  },
  {
    id: 'rule-image-quality',
    name: 'Chất lượng hình ảnh (bảo trì)',
    eventTypes: ['image_blur', 'scene_change'],
    minSeverity: 'info',
    priority: 'P4',
    sopTemplateId: 'sop-device',
    groupWindowSeconds: 3600,
  },
];
