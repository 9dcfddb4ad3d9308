/** The support team's console: login, sessions, roles, audit, and the JSON API over the event store. */
export { consoleRoutes, COOKIE, CONSOLE_ASSETS, type ConsoleOptions, type LoginLimits } from './router';
export { catalogOf, FUNNEL_FLOW, type Catalog, type Choice } from './catalog';
export { addUser, findUser, listUsers, removeUser, setPassword, checkPassword, UserError, ROLES, USER_NAME } from './users';
export { hashPassword, verifyPassword, SCRYPT_PARAMS, MIN_PASSWORD } from './passwords';
export { createSession, findSession, deleteSession, SESSION_IDLE_MS } from './sessions';
export { audit, auditPage, type AuditEntry } from './audit';
export { consoleAssets } from './assets';
