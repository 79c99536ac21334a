// The course page reacting to its simulators (an external module: works under a strict CSP).
// Each <pod-sim> dispatches podsim-* events that bubble to the document; a passed check
// ticks off the goal written under its embed, and a new load puts the goal back.
const goals = new Map();

function progressLine(e) {
  const sim = e.target.closest('pod-sim');
  return sim && sim.id ? document.querySelector(`.progress[data-for="${CSS.escape(sim.id)}"]`) : null;
}

document.addEventListener('podsim-check', (e) => {
  const line = progressLine(e);
  if (!line) return;
  if (!goals.has(line)) goals.set(line, [...line.childNodes].map((n) => n.cloneNode(true)));
  const done = document.createElement('strong');
  // detail comes from the scenario: shown as text, never as markup
  done.textContent = `✓ ${e.detail.title}`;
  line.replaceChildren(done, ` (at ${Math.round(e.detail.t)} s)`);
});

document.addEventListener('podsim-ready', (e) => {
  const line = progressLine(e);
  if (line && goals.has(line)) line.replaceChildren(...goals.get(line).map((n) => n.cloneNode(true)));
});
