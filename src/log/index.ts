/** Logging: privacy masking applied to every log line and every echo of user data. */
export * from './mask';
