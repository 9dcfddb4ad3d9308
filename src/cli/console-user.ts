/**
 * `npm run console:user -- add NAME --role editor|viewer` (password from stdin), `passwd NAME` (stdin), `list`,
 * `remove NAME`: console users in the event store (DATABASE_URL, else EVENTS_DB). Runs from dist/ too:
 * `node dist/cli/console-user.js add mina --role editor < password.txt`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { addUser, audit, listUsers, removeUser, ROLES, setPassword, UserError } from '../console';
import { openEventStore, type Role } from '../events';
import { runAsMain } from './common';

const USAGE = `usage: npm run console:user -- <command>
  add NAME --role editor|viewer   create a user; the password is read from stdin (first line, at least 10 characters)
  passwd NAME                     set a new password from stdin (ends the user's sessions)
  remove NAME                     delete the user and their sessions
  list                            names, roles, creation dates
Reads DATABASE_URL (PostgreSQL) or EVENTS_DB (SQLite, default var/bluebot.sqlite), like the server.`;

/**
 * Run one command; resolves to the exit code.
 * @example await runConsoleUser(['add', 'mina', '--role', 'editor'], async () => 'a long passphrase')
 */
export async function runConsoleUser(argv: string[], readPassword: () => Promise<string> = readStdinLine, out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const [command, name] = positionals;
  if (values.help || !command) return out(USAGE), command ? 0 : 2;
  const needsName = ['add', 'passwd', 'remove'].includes(command);
  if (!['add', 'passwd', 'remove', 'list'].includes(command) || (needsName && !name)) return out(USAGE), 2;
  if (command === 'add' && !ROLES.includes(values.role as Role)) return out(`--role must be ${ROLES.join(' or ')}\n${USAGE}`), 2;
  const store = await openEventStore(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  try {
    switch (command) {
      case 'list': {
        const users = await listUsers(store.db);
        if (!users.length) out(`no console users in ${store.where}`);
        for (const u of users) out(`${u.name.padEnd(24)} ${u.role.padEnd(7)} created ${new Date(u.created_at).toISOString().slice(0, 10)}`);
        return 0;
      }
      case 'add':
        await addUser(store.db, name, values.role as Role, await readPassword());
        await audit(store.db, 'cli', 'user.add', `user:${name}`, { role: values.role });
        out(`added ${name} (${values.role})`);
        return 0;
      case 'passwd':
        if (!(await setPassword(store.db, name, await readPassword()))) return out(`no user ${name}`), 1;
        await audit(store.db, 'cli', 'user.passwd', `user:${name}`);
        out(`password of ${name} changed; their sessions ended`);
        return 0;
      default:
        if (!(await removeUser(store.db, name))) return out(`no user ${name}`), 1;
        await audit(store.db, 'cli', 'user.remove', `user:${name}`);
        out(`removed ${name}`);
        return 0;
    }
  } catch (err) {
    if (err instanceof UserError) return out(err.message), 1;
    throw err;
  } finally {
    await store.close();
  }
}

/** The first line of stdin (the password), without its newline. */
async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

if (require.main === module) runAsMain(runConsoleUser);
