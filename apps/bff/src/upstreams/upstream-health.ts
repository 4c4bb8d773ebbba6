/** What an upstream adapter says of its own health; `/readyz` reports every adapter's. */
export interface UpstreamHealth {
  ok: boolean;
  detail: string;
}

/** Lifecycle every upstream adapter has. */
export interface Upstream {
  readonly adapter: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): Promise<UpstreamHealth>;
}
