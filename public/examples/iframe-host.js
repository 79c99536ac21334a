// The page's half of podsim's iframe protocol (src/embed/iframe/parent-bridge.ts).
// Events arrive as {source: 'podsim', type, detail}; commands go out as
// {source: 'podsim', method, args, id} and come back as {type: 'reply', id, ok, result|error}.
// Everything from the frame is data: it is shown with textContent, never as markup.
const query = new URLSearchParams(location.search);
// ?embed-base=URL: where embed.html is (another origin, say); ?scenario=URL: what the first frame runs
const base = new URL(query.get('embed-base') ?? '../', location.href);
const embedOrigin = base.origin;

/** every message from a podsim frame: {frame, type, detail} (tests read it) */
window.podsimMessages = [];
const pending = new Map();
let nextId = 1;

const frames = [...document.querySelectorAll('iframe[data-embed]')];
for (const f of frames) {
  const embed = new URLSearchParams(f.dataset.embed);
  if (f.id === 'good' && query.get('scenario')) embed.set('scenario', query.get('scenario'));
  f.src = new URL(`embed.html?${embed}`, base).href;
}

function frameOf(source) {
  return frames.find((f) => f.contentWindow === source)?.id ?? null;
}

window.addEventListener('message', (e) => {
  // only podsim frames, from the origin they were loaded from
  if (e.origin !== embedOrigin || e.data?.source !== 'podsim') return;
  const frame = frameOf(e.source);
  if (!frame) return;
  const { type, detail } = e.data;
  window.podsimMessages.push({ frame, type, detail, id: e.data.id, ok: e.data.ok, result: e.data.result, error: e.data.error });
  if (type === 'reply' && pending.has(e.data.id)) {
    pending.get(e.data.id)(e.data);
    pending.delete(e.data.id);
  }
  if (type === 'event') {
    const li = document.createElement('li');
    li.textContent = `${Math.round(detail.t)} s  ${detail.eventType}  ${detail.reason}  ${detail.object}: ${detail.message}`;
    document.getElementById('log').prepend(li);
  }
});

/** send a command to a frame; resolves with its reply, or {ok: false, error: 'no reply'} after `ms` */
window.podsimCommand = (frameId, method, args = [], ms = 3000) => {
  const frame = document.getElementById(frameId);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    frame.contentWindow.postMessage({ source: 'podsim', method, args, id }, embedOrigin);
    setTimeout(() => {
      if (pending.delete(id)) resolve({ ok: false, error: 'no reply' });
    }, ms);
  });
};

for (const b of document.querySelectorAll('button[data-method]')) {
  b.addEventListener('click', async () => {
    const r = await window.podsimCommand(b.dataset.frame, b.dataset.method, JSON.parse(b.dataset.args ?? '[]'));
    document.getElementById('reply').textContent = r.ok ? (r.result?.stdout ?? JSON.stringify(r.result)) : `error: ${r.error}`;
  });
}
