import client from 'prom-client';

/** Prometheus metrics of one BFF instance. A registry per server so tests in one process do not collide. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'c2_' });
  const badInput = new client.Counter({
    name: 'c2_bad_input_total',
    help: 'Inputs rejected as malformed, by where they came from',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const httpRequests = new client.Counter({
    name: 'c2_http_requests_total',
    help: 'HTTP requests by method and status class',
    labelNames: ['method', 'status'] as const,
    registers: [registry],
  });
  const logAppended = new client.Counter({
    name: 'c2_event_log_appended_total',
    help: 'Entries appended to the durable event log, by topic',
    labelNames: ['topic'] as const,
    registers: [registry],
  });
  const liveEmitted = new client.Counter({
    name: 'c2_live_messages_emitted_total',
    help: 'Socket.io messages emitted to rooms (after coalescing)',
    registers: [registry],
  });
  const sockets = new client.Gauge({
    name: 'c2_socket_connections',
    help: 'Connected console sockets',
    registers: [registry],
  });
  const deadLetters = new client.Counter({
    name: 'c2_dead_letters_total',
    help: 'Analytics messages that could not be accepted and were kept as dead letters, by transport',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const eventsIngested = new client.Counter({
    name: 'c2_analytics_events_ingested_total',
    help: 'Analytics events by outcome (stored, duplicate, ignored)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const loginFailures = new client.Counter({
    name: 'c2_login_failures_total',
    help: 'Failed logins, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const unitStatusReports = new client.Counter({
    name: 'c2_unit_status_reports_total',
    help: 'Status reports from unit terminals (and simulated crews), applied or refused by the CAD status model',
    labelNames: ['source', 'outcome'] as const,
    registers: [registry],
  });
  const fanoutDegraded = new client.Gauge({
    name: 'c2_live_fanout_degraded',
    help: '1 while this instance cannot reach Redis and fans out from the database instead',
    registers: [registry],
  });
  const fanoutDropped = new client.Counter({
    name: 'c2_live_fanout_dropped_total',
    help: 'Messages for other instances not sent because Redis was unreachable (dropped, never buffered)',
    registers: [registry],
  });
  const fanoutFromDb = new client.Counter({
    name: 'c2_live_fanout_from_db_total',
    help: 'Log entries of other instances delivered to local consoles from the database while Redis was away',
    registers: [registry],
  });
  return {
    registry,
    unitStatusReports,
    fanoutDegraded,
    fanoutDropped,
    fanoutFromDb,
    badInput,
    httpRequests,
    logAppended,
    liveEmitted,
    sockets,
    eventsIngested,
    deadLetters,
    loginFailures,
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
