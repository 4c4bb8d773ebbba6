import client from 'prom-client';

/** Prometheus metrics of device monitoring, registered on the server's registry. */
export function createDeviceMetrics(registry: client.Registry) {
  return {
    qualityChecks: new client.Counter({
      name: 'c2_device_quality_checks_total',
      help: 'Camera image checks by verdict (ok, a fault kind, no_image, offline, error)',
      labelNames: ['verdict'] as const,
      registers: [registry],
    }),
    qualityClaimed: new client.Counter({
      name: 'c2_device_quality_claimed_total',
      help: 'Cameras claimed for an image check by this instance',
      registers: [registry],
    }),
    qualityOverdue: new client.Gauge({
      name: 'c2_device_quality_overdue',
      help: 'Cameras whose image check is overdue by more than one interval (the sampling budget is too small)',
      registers: [registry],
    }),
    healingAttempts: new client.Counter({
      name: 'c2_device_healing_attempts_total',
      help: 'Automatic stream reconnects, by the fault that caused them',
      labelNames: ['cause'] as const,
      registers: [registry],
    }),
    healthReadings: new client.Counter({
      name: 'c2_device_health_readings_total',
      help: 'Device health readings stored',
      registers: [registry],
    }),
  };
}
export type DeviceMetricsRegistry = ReturnType<typeof createDeviceMetrics>;
