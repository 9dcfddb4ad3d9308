/** Metrics: Prometheus `GET /metrics` and the turn hook that feeds it. */
export { createMetrics, type Metrics, type MetricsOptions, type RefusalReason } from './turn-metrics';
