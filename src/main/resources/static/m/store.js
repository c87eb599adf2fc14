// The phone's own storage: the sign-in token (localStorage; never the password) and the outbox of
// reports with their photos (IndexedDB, which keeps Blobs), waiting until they are sent.

const SESSION = 'huian.field.session';
const SENT = 'huian.field.sent';
const DB = 'huian-field';
const OUTBOX = 'outbox';

export const session = {
  get() {
    try {
      const s = JSON.parse(localStorage.getItem(SESSION));
      return s && s.token && Date.parse(s.expiresAt) > Date.now() ? s : null;
    } catch (e) {
      return null;
    }
  },
  set(s) { localStorage.setItem(SESSION, JSON.stringify(s)); },
  clear() { localStorage.removeItem(SESSION); },
};

/** The last reports sent from this phone (number and time only), to show the worker they arrived. */
export const sent = {
  list() {
    try { return JSON.parse(localStorage.getItem(SENT)) || []; } catch (e) { return []; }
  },
  add(entry) {
    localStorage.setItem(SENT, JSON.stringify([entry, ...sent.list()].slice(0, 10)));
  },
};

let opening;
function db() {
  opening = opening || new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(OUTBOX, { keyPath: 'externalRef' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opening;
}

async function run(mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(OUTBOX, mode);
    const result = work(tx.objectStore(OUTBOX));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * The outbox. One entry per report, keyed by its externalRef (made on the phone, so the server
 * answers a repeat with the report it already stored); each photo carries its own clientRef.
 */
export const outbox = {
  all: () => run('readonly', (s) => s.getAll()).then((items) => items.sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
  put: (item) => run('readwrite', (s) => s.put(item)),
  remove: (externalRef) => run('readwrite', (s) => s.delete(externalRef)),
};

export function newRef(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
