// @ts-check
/**
 * bluebot console: the support team's pages (개요, 놓친 질문, 대화 조회) over /console/api/.
 * Plain browser JavaScript modules (no build step), type-checked with `// @ts-check` like the simulator.
 * The session is an HttpOnly cookie; this page only keeps the CSRF token it gets from `login` / `me`.
 */
import { api, ApiError, problem, setCsrfToken, whenSignedOut } from './api.js';
import { setUpCharts } from './charts.js';
import { initConversations, showConversations } from './conversations.js';
import { $, byId, nameOf, ROLES, toast } from './dom.js';
import { initInbox, showInbox } from './inbox.js';
import { initOverview, showOverview } from './overview.js';

/** @typedef {import('./api.js').User} User */

const VIEWS = /** @type {Record<string, () => unknown>} */ ({ overview: showOverview, inbox: showInbox, conversations: showConversations });

/** @type {User | null} */
let me = null;
const canEdit = () => me?.role === 'editor';

/** @param {{user: User, csrfToken: string}} session */
function signedIn({ user, csrfToken }) {
  me = user;
  setCsrfToken(csrfToken);
  document.body.dataset.role = user.role;
  $('me-name').textContent = user.name;
  $('me-role').textContent = nameOf(ROLES, user.role);
  $('login-view').hidden = true;
  $('app-view').hidden = false;
  void route(true);
}

function signedOut() {
  me = null;
  setCsrfToken('');
  delete document.body.dataset.role;
  $('app-view').hidden = true;
  $('login-view').hidden = false;
  byId('login-password', HTMLInputElement).value = '';
  byId('login-name', HTMLInputElement).focus();
}

/** Show the view named by the URL's hash (#overview by default). @param {boolean} [first] */
async function route(first = false) {
  if (!me) return;
  const name = location.hash.slice(1) in VIEWS ? location.hash.slice(1) : 'overview';
  for (const id of Object.keys(VIEWS)) $(`view-${id}`).hidden = id !== name;
  for (const link of document.querySelectorAll('.tabs a')) {
    const current = /** @type {HTMLElement} */ (link).dataset.view === name;
    current ? link.setAttribute('aria-current', 'page') : link.removeAttribute('aria-current');
  }
  if (!first) $(`h-${name}`).focus();
  await VIEWS[name]();
}

/** @param {SubmitEvent} event */
async function logIn(event) {
  event.preventDefault();
  const error = $('login-error');
  const name = byId('login-name', HTMLInputElement).value.trim();
  const password = byId('login-password', HTMLInputElement).value;
  error.hidden = true;
  if (!name || !password) {
    error.textContent = '이름과 비밀번호를 입력해 주세요.';
    error.hidden = false;
    return;
  }
  const submit = byId('login-submit', HTMLButtonElement);
  submit.disabled = true;
  try {
    signedIn(await api('login', { method: 'POST', body: { name, password }, quiet401: true }));
  } catch (err) {
    error.textContent = err instanceof ApiError && err.status === 401 ? '이름 또는 비밀번호가 맞지 않아요.' : problem(err);
    error.hidden = false;
    byId('login-password', HTMLInputElement).select();
  } finally {
    submit.disabled = false;
  }
}

async function logOut() {
  try {
    await api('logout', { method: 'POST', quiet401: true });
  } catch {
    // the session is gone either way
  }
  signedOut();
  toast('로그아웃했어요.');
}

async function boot() {
  setUpCharts();
  initOverview();
  initInbox({ canEdit });
  initConversations();
  whenSignedOut(() => {
    signedOut();
    toast('로그인이 만료되었어요. 다시 로그인해 주세요.', 'error');
  });
  byId('login-form', HTMLFormElement).addEventListener('submit', (e) => void logIn(e));
  $('logout').addEventListener('click', () => void logOut());
  window.addEventListener('hashchange', () => void route());
  try {
    signedIn(await api('me', { quiet401: true }));
  } catch (err) {
    signedOut();
    if (!(err instanceof ApiError && err.status === 401)) toast(problem(err), 'error');
  } finally {
    $('boot').hidden = true;
  }
}

void boot();
