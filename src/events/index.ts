/**
 * The event store: every answered /skill turn as a row (no PII; masked text only where kept), the inbox of missed
 * utterances, and the tables the console needs. SQLite by default, PostgreSQL with DATABASE_URL.
 */
export { openEventStore, sqliteFile, redactUrl, type EventStore, type Dialect, type StoreConfig, type OpenOptions } from './store';
export { MIGRATIONS, migrationProvider } from './migrations';
export type * from './schema';
export { createEventRecorder, EVENT_BATCH, EVENT_FLUSH_MS, EVENT_QUEUE, type EventRecorder, type RecorderOptions, type DropReason } from './recorder';
export { pushFacts, BatchBuilder, sliceBatch, factOf, maskTexts, encodeBatch, keptBecause, maskedText, kstDay, kstDayNumber, dayNumber, dayOfNumber, bestGuess, FACTS, EVENT_COLUMNS, MAX_EVENT_TEXT, LOW_CONFIDENCE, type Versions, type Fact, type FactBatch } from './turn-event';
export { toRow } from './writer';
export { InboxWriter, BUMP_MS, inboxPage, inboxItem, changeGroups, toItem, groupKey, MERGE_THRESHOLD, type InboxItem, type InboxQuery, type InboxSighting, type InboxChange } from './inbox';
export { stats, percentile, dayRange, type Stats, type StatsQuery } from './stats';
export { readFallbacks, groupFallbacks, outOfScopeCounts, type FallbackRecord, type FallbackGroup, type GroupOptions } from './report';
export { ValueCodes, DatabaseCodes, readCodes, CODED_COLUMNS, type CodeBook, type CodedColumn } from './codes';
export { dayIds, eventsOfDays, userTurns } from './ranges';
export { purgeOldEvents, scheduleRetention } from './retention';
export { bigrams, jaccard } from './similarity';
export { StoreHandle } from './handle';
export { planExport, applyExport, type ExportPlan } from './export';
export { createEventWriter, type EventWriter } from './writer';
export { workerSink, type WorkerSink, type WorkerSinkOptions } from './worker-sink';
